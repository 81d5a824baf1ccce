package org.sanshe.bot.core.household;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.command.Scope;
import org.sanshe.bot.core.directory.LookupTexts;
import org.sanshe.bot.core.nickname.NicknameConvention;
import org.sanshe.bot.core.port.NicknameRecords.NicknameRecord;

/**
 * {@code /户数}: the group's household coverage per building, from the nicknames last read and the roster if one was
 * imported. For building heads and above. In the group only counts; in a private chat (after /切换) also the missing
 * rooms and the members sharing a household or claiming one not on the roster.
 */
public final class HouseholdsCommand implements Command {
    private static final CommandSpec SPEC =
            new CommandSpec("households", "户数", List.of("入群户数", "户数统计", "住户统计"), Role.BUILDING_HEAD, Scope.ANY, 0, 0);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply execute(CommandContext ctx) {
        var texts = ctx.texts();
        if (ctx.group().isEmpty()) {
            return Reply.refused(
                    texts.get(ctx.event().conversation().isGroup() ? "group.notRegisteredHere" : "target.noGroup"));
        }
        Group g = ctx.group().get();
        Optional<NicknameConvention> convention = ctx.types()
                .byCode(g.typeCode())
                .map(t -> t.nicknameConvention())
                .filter(c -> !c.isEmpty());
        if (g.channel() != Channel.CUSTOMER || convention.isEmpty()) {
            return Reply.refused(texts.get("household.report.notChecked", g.name()));
        }
        Map<UserId, NicknameRecord> records = ctx.ports().nicknames().in(g.chat());
        if (records.isEmpty()) {
            return Reply.text(texts.get("household.report.notYet", g.name()));
        }
        HouseholdCoverage coverage =
                HouseholdCoverage.of(ctx.ports().households().of(g.chat()), records, convention.get());
        boolean lists = !ctx.event().conversation().isGroup();
        Map<UserId, Member> members = new LinkedHashMap<>();
        if (lists) {
            ctx.ports().members().membersOf(g.chat()).forEach(m -> members.put(m.id(), m));
        }
        String text = new HouseholdReport(texts)
                .render(
                        g.name(),
                        coverage,
                        lists,
                        id -> Optional.ofNullable(members.get(id))
                                .map(LookupTexts::describe)
                                .orElse(id.value()));
        // the audit keeps the counts, not the lists
        return Reply.text(text)
                .audited(texts.get(
                        "audit.households",
                        Integer.toString(coverage.rostered()),
                        Integer.toString(coverage.present()),
                        Integer.toString(coverage.members())));
    }
}
