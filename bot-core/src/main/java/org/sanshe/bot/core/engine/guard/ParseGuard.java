package org.sanshe.bot.core.engine.guard;

import org.sanshe.bot.core.command.CommandParser;
import org.sanshe.bot.core.text.Texts;

/**
 * Keeps only slash-commands. Plain text in a group is not for the bot (the rule engines of later features read it);
 * plain text in a private chat gets a hint, so nobody writes to the bot and hears nothing.
 */
public final class ParseGuard implements Guard {
    private final CommandParser parser = new CommandParser();
    private final Texts texts;

    public ParseGuard(Texts texts) {
        this.texts = texts;
    }

    @Override
    public Verdict check(CommandRequest request) {
        return parser.parse(request.event().text())
                .<Verdict>map(p -> Verdict.pass(request.withParsed(p)))
                .orElseGet(() -> request.event().conversation().isGroup()
                        ? Verdict.drop("not a command")
                        : Verdict.reject(texts.get("guard.notCommand")));
    }
}
