package org.sanshe.bot.core.escalation;

import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.command.Scope;

/** {@code /接手 <编号>}: the text twin of the card's 接手 button. */
public final class AckCommand implements Command {
    private static final CommandSpec SPEC =
            new CommandSpec("ack", "接手", List.of("确认", "acknowledge"), Role.VOLUNTEER, Scope.PRIVATE, 1, 1);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public boolean changesRegistry() {
        return true; // a second /接手 right after must see the first
    }

    @Override
    public Reply execute(CommandContext ctx) {
        return EscalationNumbers.parse(ctx.args().get(0))
                .map(n -> ctx.escalations().acknowledge(n, ctx.caller().id(), ctx.now(), Optional.empty()))
                .orElseGet(() -> EscalationNumbers.bad(ctx.args().get(0), ctx.texts()));
    }
}
