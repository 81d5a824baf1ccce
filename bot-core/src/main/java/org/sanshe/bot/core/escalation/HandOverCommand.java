package org.sanshe.bot.core.escalation;

import java.util.List;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.command.Scope;
import org.sanshe.bot.core.directory.Lookup;
import org.sanshe.bot.core.directory.LookupTexts;
import org.sanshe.bot.core.directory.MemberFinder;

/** {@code /转交 <编号> <成员>}: hands an escalation to another staff member, who gets the card and must acknowledge. */
public final class HandOverCommand implements Command {
    private static final CommandSpec SPEC =
            new CommandSpec("handover", "转交", List.of("移交"), Role.VOLUNTEER, Scope.PRIVATE, 2, 2);

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
        var number = EscalationNumbers.parse(ctx.args().get(0));
        if (number.isEmpty()) {
            return EscalationNumbers.bad(ctx.args().get(0), ctx.texts());
        }
        var escalation = ctx.ports().escalations().find(number.get());
        if (escalation.isEmpty()) {
            return Reply.refused(ctx.texts().get("escalation.notFound", number.get()));
        }
        Lookup<Member> found = new MemberFinder(ctx.ports(), ctx.authority().configuredAdmins())
                .find(ctx.args().get(1), escalation.get().chat());
        if (!(found instanceof Lookup.Found<Member> f)) {
            return LookupTexts.memberNotResolved(found, ctx.args().get(1), ctx.texts());
        }
        return ctx.escalations().handOver(number.get(), ctx.caller().id(), f.value(), ctx.now());
    }
}
