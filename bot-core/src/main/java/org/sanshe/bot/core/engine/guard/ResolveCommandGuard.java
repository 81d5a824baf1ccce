package org.sanshe.bot.core.engine.guard;

import java.util.List;
import org.sanshe.bot.core.command.CommandRegistry;
import org.sanshe.bot.core.command.Echo;
import org.sanshe.bot.core.text.Texts;

/** Finds the command by any of its names; an unknown one gets the closest valid names. */
public final class ResolveCommandGuard implements Guard {
    private final CommandRegistry registry;
    private final Texts texts;

    public ResolveCommandGuard(CommandRegistry registry, Texts texts) {
        this.registry = registry;
        this.texts = texts;
    }

    @Override
    public Verdict check(CommandRequest request) {
        String name = request.requireParsed().name();
        return registry.find(name)
                .<Verdict>map(c -> Verdict.pass(request.withCommand(c)))
                .orElseGet(() -> {
                    List<String> close = registry.closestNames(name, 3);
                    if (close.isEmpty()) {
                        return Verdict.reject(texts.get("guard.unknownCommand", Echo.shorten(name)));
                    }
                    String suggestions =
                            String.join(" 或 ", close.stream().map(n -> "/" + n).toList());
                    return Verdict.reject(texts.get("guard.unknownCommandDidYouMean", Echo.shorten(name), suggestions));
                });
    }
}
