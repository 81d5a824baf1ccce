package org.sanshe.bot.core.escalation;

import java.util.List;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.command.Scope;

/**
 * {@code /升级列表}: the unresolved escalations the caller may act on, newest first; those the whole chain left
 * unanswered (无人接手) first of all, under their own heading: that is the administrator's board.
 */
public final class EscalationListCommand implements Command {
    static final int LIMIT = 20;
    private static final CommandSpec SPEC =
            new CommandSpec("escalations", "升级列表", List.of("上报列表", "待处理"), Role.VOLUNTEER, Scope.PRIVATE, 0, 0);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply execute(CommandContext ctx) {
        var list = ctx.escalations().visibleTo(ctx.caller().id(), LIMIT);
        if (list.isEmpty()) {
            return Reply.text(ctx.texts().get("escalation.list.empty"));
        }
        List<Escalation> silent = list.stream()
                .filter(e -> e.state() == EscalationState.UNACKNOWLEDGED)
                .toList();
        StringBuilder sb = new StringBuilder(ctx.texts().get("escalation.list.header", list.size()));
        if (!silent.isEmpty()) {
            sb.append('\n').append(ctx.texts().get("escalation.list.unacknowledged", silent.size()));
            silent.forEach(e -> sb.append('\n').append(ctx.escalations().line(e)));
            if (silent.size() < list.size()) {
                sb.append('\n').append(ctx.texts().get("escalation.list.others"));
            }
        }
        list.stream()
                .filter(e -> e.state() != EscalationState.UNACKNOWLEDGED)
                .forEach(e -> sb.append('\n').append(ctx.escalations().line(e)));
        return Reply.text(sb.toString());
    }
}
