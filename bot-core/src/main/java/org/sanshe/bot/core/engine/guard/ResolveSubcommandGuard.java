package org.sanshe.bot.core.engine.guard;

import java.util.List;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Echo;
import org.sanshe.bot.core.command.ParsedCommand;
import org.sanshe.bot.core.command.SubcommandSpec;
import org.sanshe.bot.core.text.Texts;

/**
 * For a command with subcommands ({@code /角色 授予}), finds the subcommand the first argument names. A word that names
 * none, where the command alone takes no arguments, gets the list of what it could be.
 */
public final class ResolveSubcommandGuard implements Guard {
    private final Texts texts;

    public ResolveSubcommandGuard(Texts texts) {
        this.texts = texts;
    }

    @Override
    public Verdict check(CommandRequest request) {
        CommandSpec spec = request.requireCommand().spec();
        ParsedCommand parsed = request.requireParsed();
        if (spec.subcommands().isEmpty() || parsed.args().isEmpty()) {
            return Verdict.pass(request);
        }
        String word = parsed.args().get(0);
        var sub = spec.subcommand(word);
        if (sub.isPresent()) {
            return Verdict.pass(request.withSub(sub.get()));
        }
        if (parsed.args().size() <= spec.maxArgs()) {
            return Verdict.pass(request); // the command alone takes arguments: the word is one of them
        }
        List<String> names = spec.subcommands().stream()
                .filter(s -> request.caller().can(s.requiredRole()))
                .map(SubcommandSpec::chineseName)
                .map(n -> "/" + spec.chineseName() + " " + n)
                .toList();
        if (names.isEmpty()) {
            // a resident learns nothing about what staff can do
            return Verdict.reject(texts.get("guard.unknownCommand", Echo.shorten(spec.chineseName() + " " + word)));
        }
        return Verdict.reject(texts.get(
                "guard.unknownSubcommand", "/" + spec.chineseName(), Echo.shorten(word), String.join("、", names)));
    }
}
