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
 * unanswered (无人接手) first of all, under their own heading: that is the administrator's board. Then the other 紧急
 * ones, then the 留意 notes under their own heading.
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
        List<Escalation> urgent = list.stream()
                .filter(e -> e.urgent() && e.state() != EscalationState.UNACKNOWLEDGED)
                .toList();
        List<Escalation> watch = list.stream().filter(e -> !e.urgent()).toList();
        StringBuilder sb = new StringBuilder(ctx.texts().get("escalation.list.header", list.size()));
        section(sb, ctx, "escalation.list.unacknowledged", silent);
        section(sb, ctx, silent.isEmpty() ? "escalation.list.urgentOnly" : "escalation.list.others", urgent);
        section(sb, ctx, "escalation.list.watch", watch);
        return Reply.text(sb.toString());
    }

    private static void section(StringBuilder sb, CommandContext ctx, String heading, List<Escalation> items) {
        if (items.isEmpty()) {
            return;
        }
        sb.append('\n').append(ctx.texts().get(heading, items.size()));
        items.forEach(e -> sb.append('\n').append(ctx.escalations().line(e)));
    }
}
