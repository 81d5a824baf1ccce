package org.sanshe.bot.core.engine.guard;

import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.text.Texts;

/** Too few or too many arguments: answer with the usage and an example instead of guessing. */
public final class ArityGuard implements Guard {
    private final Texts texts;

    public ArityGuard(Texts texts) {
        this.texts = texts;
    }

    @Override
    public Verdict check(CommandRequest request) {
        CommandSpec spec = request.requireCommand().spec();
        int n = request.requireParsed().args().size();
        if (request.sub().isPresent()) {
            var sub = request.sub().get();
            n -= 1;
            if (n >= sub.minArgs() && n <= sub.maxArgs()) {
                return Verdict.pass(request);
            }
            return Verdict.reject(
                    texts.get("guard.arity", texts.get(spec.usageKey(sub)), texts.get(spec.exampleKey(sub))));
        }
        if (n >= spec.minArgs() && n <= spec.maxArgs()) {
            return Verdict.pass(request);
        }
        return Verdict.reject(texts.get("guard.arity", texts.get(spec.usageKey()), texts.get(spec.exampleKey())));
    }
}
