package org.sanshe.bot.core.engine.guard;

import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.text.Texts;

/** Only members whose stored roles rank at least the command's required role may run it. */
public final class RoleGuard implements Guard {
    private final Texts texts;

    public RoleGuard(Texts texts) {
        this.texts = texts;
    }

    @Override
    public Verdict check(CommandRequest request) {
        CommandSpec spec = request.requireCommand().spec();
        if (request.caller().can(spec.requiredRole())) {
            return Verdict.pass(request);
        }
        return Verdict.reject(texts.get(
                "guard.role", "/" + spec.chineseName(), spec.requiredRole().chineseName()));
    }
}
