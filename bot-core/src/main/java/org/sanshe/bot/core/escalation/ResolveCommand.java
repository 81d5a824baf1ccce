package org.sanshe.bot.core.escalation;

import java.util.List;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.command.Scope;

/** {@code /解决 <编号> <结果>}: closes an escalation with what was done; the result goes into its timeline. */
public final class ResolveCommand implements Command {
    private static final CommandSpec SPEC = new CommandSpec(
            "resolve", "解决", List.of("结案", "完成"), Role.VOLUNTEER, Scope.PRIVATE, 2, CommandSpec.UNLIMITED);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public boolean changesRegistry() {
        return true;
    }

    @Override
    public Reply execute(CommandContext ctx) {
        return EscalationNumbers.parse(ctx.args().get(0))
                .map(n -> ctx.escalations().resolve(n, ctx.caller().id(), ctx.rest(1), ctx.now()))
                .orElseGet(() -> EscalationNumbers.bad(ctx.args().get(0), ctx.texts()));
    }
}
