package org.sanshe.bot.core.group;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.RoleGrant;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.command.Scope;
import org.sanshe.bot.core.directory.LookupTexts;

/**
 * {@code /群信息}: the group's name, type, channel, the staff on record (grants made for this group; grants that hold
 * everywhere are counted, not listed) and how many members the bot knows. In a private chat: the group chosen with
 * /切换.
 */
public final class GroupInfoCommand implements Command {
    private static final CommandSpec SPEC =
            new CommandSpec("groupinfo", "群信息", List.of("本群信息", "info"), Role.SECRETARY, Scope.ANY, 0, 0);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply execute(CommandContext ctx) {
        var texts = ctx.texts();
        if (ctx.group().isEmpty()) {
            return ctx.noGroup();
        }
        Group g = ctx.group().get();
        List<Member> members = ctx.ports().members().membersOf(g.chat());
        Map<UserId, Member> byId = new LinkedHashMap<>();
        members.forEach(m -> byId.put(m.id(), m));
        List<RoleGrant> grants = ctx.ports().roles().grantsIn(java.util.Optional.of(g.chat()));
        Map<Role, List<String>> staff = new LinkedHashMap<>();
        java.util.Set<UserId> everywhereStaff =
                new java.util.HashSet<>(ctx.authority().configuredAdmins());
        grants.stream().filter(RoleGrant::everywhere).map(RoleGrant::member).forEach(everywhereStaff::add);
        long everywhere = everywhereStaff.size();
        grants.stream()
                .filter(gr -> !gr.everywhere())
                .sorted(Comparator.comparingInt((RoleGrant gr) -> -gr.role().rank()))
                .forEach(gr -> staff.computeIfAbsent(gr.role(), r -> new ArrayList<>())
                        .add(LookupTexts.describe(byId.getOrDefault(gr.member(), Member.idOnly(gr.member())))));
        String staffText = staff.isEmpty()
                ? texts.get("command.groupinfo.noStaff")
                : staff.entrySet().stream()
                        .map(e -> texts.get(
                                "command.groupinfo.staffLine",
                                e.getKey().chineseName(),
                                String.join("、", e.getValue())))
                        .collect(Collectors.joining("\n"));
        String channel = texts.get("channel." + g.channel().name());
        String count = g.channel() == Channel.CUSTOMER
                ? texts.get("command.groupinfo.membersCustomer", members.size())
                : texts.get("command.groupinfo.membersSeen", members.size());
        String rules = g.rules().isPresent()
                ? texts.get("command.groupinfo.rulesOwn")
                : texts.get("command.groupinfo.rulesFromType");
        return Reply.text(texts.get(
                        "command.groupinfo.reply",
                        g.name(),
                        ctx.types().chineseNameOf(g.typeCode()),
                        channel,
                        String.valueOf(g.id()),
                        staffText,
                        everywhere,
                        count,
                        rules))
                .audited(texts.get("audit.groupinfo", g.name()));
    }
}
