package org.sanshe.bot.core.role;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.RoleGrant;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Echo;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.command.Scope;
import org.sanshe.bot.core.command.SubcommandSpec;
import org.sanshe.bot.core.directory.Lookup;
import org.sanshe.bot.core.directory.LookupTexts;
import org.sanshe.bot.core.directory.MemberFinder;
import org.sanshe.bot.core.directory.TargetGroup;
import org.sanshe.bot.core.engine.StateChange;

/**
 * {@code /角色 授予|撤销 <成员> <角色> [群]} and {@code /角色 列表 [群]}: an admin grants and revokes roles, per group
 * or everywhere; secretaries and above see who holds which role. The admin must be an admin where the grant holds (a
 * group's admin cannot grant in another group, only an admin everywhere can grant everywhere). Roles configured in
 * {@code bot.admins} cannot be revoked by a command, and nobody can take their own admin role away.
 */
public final class RoleCommand implements Command {
    static final SubcommandSpec GRANT = new SubcommandSpec("grant", "授予", List.of("添加", "增加", "add"), Role.ADMIN, 2, 3);
    static final SubcommandSpec REVOKE =
            new SubcommandSpec("revoke", "撤销", List.of("取消", "删除", "移除", "remove"), Role.ADMIN, 2, 3);
    static final SubcommandSpec LIST = new SubcommandSpec("list", "列表", List.of("查看", "ls"), Role.SECRETARY, 0, 1);
    private static final CommandSpec SPEC = new CommandSpec(
            "role", "角色", List.of("权限", "roles"), Role.SECRETARY, Scope.ANY, 0, 0, List.of(GRANT, REVOKE, LIST));

    @Override
    public boolean changesRegistry() {
        return true;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply execute(CommandContext ctx) {
        if (ctx.sub().isEmpty()) {
            return Reply.text(ctx.texts().get("command.role.overview"));
        }
        var sub = ctx.sub().get();
        if (sub == LIST) {
            return list(ctx);
        }
        return change(ctx, sub == GRANT);
    }

    private Reply change(CommandContext ctx, boolean grant) {
        var texts = ctx.texts();
        List<String> args = ctx.args();
        TargetGroup target = TargetGroup.of(args.size() > 2 ? Optional.of(args.get(2)) : Optional.empty(), ctx);
        if (target instanceof TargetGroup.Unresolved u) {
            return u.reply();
        }
        Optional<ChatId> where = target.where();
        String whereText = target.describe(ctx);
        if (!ctx.authority().callerIn(ctx.caller().id(), where).can(Role.ADMIN)) {
            return Reply.refused(texts.get("command.role.notAdminThere", whereText));
        }
        Optional<Role> role = Role.parse(args.get(1));
        if (role.isEmpty()) {
            return Reply.refused(texts.get("command.role.unknownRole", Echo.shorten(args.get(1)), roleNames()));
        }
        if (role.get() == Role.RESIDENT) {
            return Reply.refused(texts.get("command.role.residentIsDefault"));
        }
        // names are looked up where the grant holds, or for a grant everywhere where the command was typed
        Optional<ChatId> namesFrom = where.or(() -> ctx.group().map(g -> g.chat()))
                .or(() -> ctx.event().conversation().chat());
        Lookup<Member> found =
                new MemberFinder(ctx.ports(), ctx.authority().configuredAdmins()).find(args.get(0), namesFrom);
        if (!(found instanceof Lookup.Found<Member> f)) {
            // names of another group's members are not said in this group
            var here = ctx.event().conversation().chat();
            boolean mayShowNames = here.isEmpty() || here.equals(namesFrom);
            return LookupTexts.memberNotResolved(found, args.get(0), texts, mayShowNames);
        }
        Member member = f.value();
        String who = LookupTexts.describe(member);
        boolean holds = ctx.ports().roles().grantsOf(member.id()).stream()
                .anyMatch(g -> g.role() == role.get() && g.chat().equals(where));
        String roleName = role.get().chineseName();
        if (grant) {
            if (holds) {
                return Reply.text(texts.get("command.role.alreadyGranted", who, roleName, whereText));
            }
            return Reply.text(texts.get("command.role.granted", who, roleName, whereText))
                    .with(new StateChange.RoleGranted(
                            member.id(), role.get(), where, ctx.caller().id(), ctx.now()))
                    .audited(where, texts.get("audit.role.granted", member.id().value(), roleName, whereText));
        }
        if (role.get() == Role.ADMIN && ctx.authority().configuredAdmin(member.id())) {
            return Reply.refused(texts.get("command.role.configuredAdmin", who));
        }
        if (role.get() == Role.ADMIN && member.id().equals(ctx.caller().id())) {
            return Reply.refused(texts.get("command.role.notYourOwnAdmin"));
        }
        if (!holds) {
            return Reply.refused(texts.get("command.role.notHeld", who, roleName, whereText));
        }
        return Reply.text(texts.get("command.role.revoked", who, roleName, whereText))
                .with(new StateChange.RoleRevoked(
                        member.id(), role.get(), where, ctx.caller().id(), ctx.now()))
                .audited(where, texts.get("audit.role.revoked", member.id().value(), roleName, whereText));
    }

    private Reply list(CommandContext ctx) {
        var texts = ctx.texts();
        List<String> args = ctx.args();
        TargetGroup target = TargetGroup.of(args.isEmpty() ? Optional.empty() : Optional.of(args.get(0)), ctx);
        if (target instanceof TargetGroup.Unresolved u) {
            return u.reply();
        }
        Optional<ChatId> where = target.where();
        if (!ctx.authority().callerIn(ctx.caller().id(), where).can(Role.SECRETARY)) {
            return Reply.refused(texts.get("command.role.notStaffThere", target.describe(ctx)));
        }
        Map<UserId, Member> names = new LinkedHashMap<>();
        where.ifPresent(c -> ctx.ports().members().membersOf(c).forEach(m -> names.put(m.id(), m)));
        List<RoleGrant> grants = new ArrayList<>(ctx.ports().roles().grantsIn(where));
        Map<Role, List<String>> byRole = new LinkedHashMap<>();
        grants.sort(Comparator.comparingInt((RoleGrant g) -> -g.role().rank())
                .thenComparing(g -> g.member().value()));
        for (RoleGrant g : grants) {
            String who = LookupTexts.describe(names.getOrDefault(g.member(), Member.idOnly(g.member())));
            String scope = g.everywhere() && where.isPresent() ? texts.get("command.role.list.everywhereMark") : "";
            byRole.computeIfAbsent(g.role(), r -> new ArrayList<>()).add(who + scope);
        }
        for (UserId admin : ctx.authority().configuredAdmins()) {
            if (grants.stream().anyMatch(g -> g.member().equals(admin) && g.role() == Role.ADMIN)) {
                continue; // already listed from storage
            }
            String who = LookupTexts.describe(names.getOrDefault(admin, Member.idOnly(admin)));
            byRole.computeIfAbsent(Role.ADMIN, r -> new ArrayList<>())
                    .add(who + texts.get("command.role.list.configuredMark"));
        }
        if (byRole.isEmpty()) {
            return Reply.text(texts.get("command.role.list.empty", target.describe(ctx)));
        }
        StringBuilder sb = new StringBuilder(texts.get("command.role.list.header", target.describe(ctx)));
        Arrays.stream(Role.values())
                .sorted(Comparator.comparingInt(Role::rank).reversed())
                .filter(byRole::containsKey)
                .forEach(r -> sb.append('\n')
                        .append(texts.get(
                                "command.role.list.line",
                                r.chineseName(),
                                byRole.get(r).stream().distinct().collect(Collectors.joining("、")))));
        return Reply.text(sb.toString()).audited(where, texts.get("audit.role.listed", target.describe(ctx)));
    }

    private static String roleNames() {
        return Arrays.stream(Role.values())
                .filter(r -> r != Role.RESIDENT)
                .sorted(Comparator.comparingInt(Role::rank).reversed())
                .map(Role::chineseName)
                .collect(Collectors.joining("、"));
    }
}
