package org.sanshe.bot.core.escalation;

import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.command.Scope;

/** {@code /升为紧急 <编号>}: the text twin of a 留意 note's 升为紧急 button; the cards and the chain start. */
public final class RaiseCommand implements Command {
    private static final CommandSpec SPEC =
            new CommandSpec("raise", "升为紧急", List.of("转为紧急", "urgent"), Role.VOLUNTEER, Scope.PRIVATE, 1, 1);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public boolean changesRegistry() {
        return true; // a /接手 right after must see the raised escalation
    }

    @Override
    public Reply execute(CommandContext ctx) {
        return EscalationNumbers.parse(ctx.args().get(0))
                .map(n -> ctx.escalations().raise(n, ctx.caller().id(), ctx.now(), Optional.empty()))
                .orElseGet(() -> EscalationNumbers.bad(ctx.args().get(0), ctx.texts()));
    }
}
