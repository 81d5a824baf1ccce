package org.sanshe.bot.core.command.builtin;

import java.util.List;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.command.Scope;

/**
 * {@code /我是谁}: the caller's id, where they are, and the roles storage grants them here. It shows only the caller's
 * own account, so it is safe in a group.
 */
public final class WhoAmICommand implements Command {
    private static final CommandSpec SPEC =
            new CommandSpec("whoami", "我是谁", List.of("我的角色"), Role.RESIDENT, Scope.ANY, 0, 0);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply execute(CommandContext ctx) {
        var texts = ctx.texts();
        String where;
        if (!ctx.event().conversation().isGroup()) {
            where = ctx.group()
                    .map(g -> texts.get("command.whoami.privateWithGroup", g.name()))
                    .orElseGet(() -> texts.get("command.whoami.private"));
        } else {
            where = ctx.group()
                    .map(g -> texts.get(
                            "command.whoami.group", g.name(), ctx.types().chineseNameOf(g.typeCode())))
                    .orElseGet(() -> texts.get("command.whoami.unregisteredGroup"));
        }
        String roles = String.join(
                "、", ctx.caller().rolesByRank().stream().map(Role::chineseName).toList());
        return Reply.text(texts.get("command.whoami.reply", ctx.caller().id().value(), where, roles));
    }
}
