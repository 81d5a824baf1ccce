package org.sanshe.bot.core.engine.guard;

import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Scope;
import org.sanshe.bot.core.text.Texts;

/** Group-only commands are refused in a private chat and the other way round, saying where to type them
 * (and, where a command declares {@code command.<key>.scopeHint}, what to use instead). */
public final class ScopeGuard implements Guard {
    private final Texts texts;

    public ScopeGuard(Texts texts) {
        this.texts = texts;
    }

    @Override
    public Verdict check(CommandRequest request) {
        CommandSpec spec = request.requireCommand().spec();
        if (spec.scope().allows(request.event().conversation())) {
            return Verdict.pass(request);
        }
        String key = spec.scope() == Scope.GROUP ? "guard.scope.groupOnly" : "guard.scope.privateOnly";
        String text = texts.get(key, "/" + spec.chineseName());
        String hint = "command." + spec.key() + ".scopeHint";
        return Verdict.reject(texts.has(hint) ? text + texts.get(hint) : text);
    }
}
