package org.sanshe.bot.core.directory;

import java.util.Optional;
import java.util.Set;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.Reply;

/**
 * The group a command acts on when it takes an optional {@code [群]} argument: the one named, every group ("全部"), or
 * else the group typed in (or chosen with /切换 in a private chat).
 */
public sealed interface TargetGroup {
    Set<String> EVERYWHERE_WORDS = Set.of("全部", "全部群", "所有群", "所有", "全局", "all", "everywhere");

    /** A registered group. */
    record One(Group group) implements TargetGroup {}

    /** A chat that is not registered (an internal group before /绑定群): grants there still hold. */
    record UnregisteredChat(ChatId chat) implements TargetGroup {}

    /** Every group. */
    record Everywhere() implements TargetGroup {}

    /** Nothing usable: the reply says why. */
    record Unresolved(Reply reply) implements TargetGroup {}

    default Optional<ChatId> where() {
        if (this instanceof One one) {
            return Optional.of(one.group().chat());
        }
        if (this instanceof UnregisteredChat u) {
            return Optional.of(u.chat());
        }
        return Optional.empty();
    }

    /** The target for {@code typed}, or, when nothing was typed, where the command was typed. */
    static TargetGroup of(Optional<String> typed, CommandContext ctx) {
        if (typed.isPresent()) {
            String t = typed.get().strip();
            if (EVERYWHERE_WORDS.contains(t.toLowerCase(java.util.Locale.ROOT))) {
                return new Everywhere();
            }
            Lookup<Group> found = GroupFinder.find(t, ctx.ports().groups().all());
            if (found instanceof Lookup.Found<Group> f) {
                return new One(f.value());
            }
            return new Unresolved(LookupTexts.groupNotResolved(found, t, ctx.texts()));
        }
        if (ctx.group().isPresent()) {
            return new One(ctx.group().get());
        }
        var chat = ctx.event().conversation().chat();
        if (chat.isPresent()) {
            return new UnregisteredChat(chat.get());
        }
        return new Unresolved(Reply.refused(ctx.texts().get("target.noGroup")));
    }

    /** How the target is named in a reply. */
    default String describe(CommandContext ctx) {
        if (this instanceof One one) {
            return "「" + one.group().name() + "」";
        }
        if (this instanceof UnregisteredChat) {
            return ctx.texts().get("target.thisUnregisteredGroup");
        }
        return ctx.texts().get("target.everywhere");
    }
}
