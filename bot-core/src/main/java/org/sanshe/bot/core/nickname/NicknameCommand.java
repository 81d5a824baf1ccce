package org.sanshe.bot.core.nickname;

import java.util.List;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.command.Scope;
import org.sanshe.bot.core.command.SubcommandSpec;

/**
 * {@code /昵称}: {@code /昵称 检查 <昵称>} checks one nickname against the group's convention (anyone);
 * {@code /昵称 检查} alone reads the group's members now (secretary); {@code /昵称 报告} lists who is not compliant yet,
 * with suggestions, in a private chat only: naming them in the group would be the public shaming the rules forbid.
 */
public final class NicknameCommand implements Command {
    static final SubcommandSpec CHECK =
            new SubcommandSpec("check", "检查", List.of("核对", "查"), Role.RESIDENT, 0, CommandSpec.UNLIMITED);
    static final SubcommandSpec REPORT = new SubcommandSpec("report", "报告", List.of("名单", "列表"), Role.SECRETARY, 0, 0);
    private static final CommandSpec SPEC = new CommandSpec(
            "nickname",
            "昵称",
            List.of("群昵称"),
            Role.RESIDENT,
            Scope.ANY,
            0,
            CommandSpec.UNLIMITED,
            List.of(CHECK, REPORT));

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
        if (ctx.sub().isEmpty()) {
            return Reply.text(texts.get("command.nickname.how", g.name()));
        }
        if (ctx.sub().get() == REPORT) {
            if (ctx.event().conversation().isGroup()) {
                return Reply.refused(texts.get("command.nickname.reportPrivately"));
            }
            return Reply.text(ctx.nicknames().report(g));
        }
        String typed = ctx.rest(0).strip();
        if (!typed.isEmpty()) {
            return Reply.text(ctx.nicknames().checkOne(g, typed));
        }
        if (!ctx.caller().can(Role.SECRETARY)) {
            return Reply.refused(texts.get("command.nickname.checkWhat"));
        }
        if (g.channel() != org.sanshe.bot.core.chat.Channel.CUSTOMER) {
            return Reply.refused(texts.get("command.nickname.internalGroup", g.name()));
        }
        return Reply.text(texts.get("command.nickname.reading", g.name()))
                .audited(texts.get("audit.nickname.read", g.name()))
                .including(ctx.nicknames().readNow(g.chat(), ctx.now()));
    }
}
