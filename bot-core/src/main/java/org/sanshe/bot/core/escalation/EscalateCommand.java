package org.sanshe.bot.core.escalation;

import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.command.Scope;
import org.sanshe.bot.core.port.ContentScanner;

/**
 * {@code /上报 <描述>}: a staff member escalates by hand what the lexicons could not see (a medical volunteer judges an
 * emergency). It goes up the same chain. In a group the answer says only that it was passed on.
 */
public final class EscalateCommand implements Command {
    private static final CommandSpec SPEC =
            new CommandSpec("escalate", "上报", List.of("转介", "求助"), Role.VOLUNTEER, Scope.ANY, 1, CommandSpec.UNLIMITED);

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
        Optional<ChatId> where =
                ctx.group().map(Group::chat).or(() -> ctx.event().conversation().chat());
        // "/上报 …" sent quoting a resident's message: the card shows the words quoted too
        String description = ctx.event()
                .quoted()
                .map(q -> ctx.texts()
                        .get("escalation.quoted", ctx.rest(0), org.sanshe.bot.core.engine.AuditDetails.cut(q, 150)))
                .orElse(ctx.rest(0));
        var opened = ctx.escalations()
                .open(
                        where,
                        ctx.caller().id(),
                        new ContentScanner.Finding("MANUAL", 3, ContentScanner.Urgency.URGENT, ""),
                        description,
                        Optional.of(ctx.caller().id()),
                        ctx.now());
        String text = ctx.event().conversation().isGroup()
                ? ctx.texts().get("escalation.reported.inGroup")
                : ctx.texts().get("escalation.reported.privately");
        return Reply.text(text)
                .audited(where, ctx.texts().get("audit.escalation.reported"))
                .including(opened);
    }
}
