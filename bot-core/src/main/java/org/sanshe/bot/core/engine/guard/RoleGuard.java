package org.sanshe.bot.core.engine.guard;

import org.sanshe.bot.core.text.Texts;

/** Only members whose stored roles rank at least the command's (or subcommand's) required role may run it. */
public final class RoleGuard implements Guard {
    private final Texts texts;

    public RoleGuard(Texts texts) {
        this.texts = texts;
    }

    @Override
    public Verdict check(CommandRequest request) {
        if (request.caller().can(request.requiredRole())) {
            return Verdict.pass(request);
        }
        // where the command declares what it does ("授予角色"), say it that way: 只有群管理员可以授予角色
        var spec = request.requireCommand().spec();
        String actionKey = request.sub()
                .map(s -> "command." + spec.key() + "." + s.key() + ".action")
                .orElse("command." + spec.key() + ".action");
        if (texts.has(actionKey)) {
            return Verdict.reject(texts.get(
                    "guard.roleAction",
                    request.displayName(),
                    request.requiredRole().chineseName(),
                    texts.get(actionKey)));
        }
        return Verdict.reject(texts.get(
                "guard.role", request.displayName(), request.requiredRole().chineseName()));
    }
}
