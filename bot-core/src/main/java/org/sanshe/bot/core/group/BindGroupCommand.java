package org.sanshe.bot.core.group;

import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.GroupType;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.command.Scope;
import org.sanshe.bot.core.engine.StateChange;

/**
 * {@code /绑定群 <类型> [名称]}: an admin, in an internal group, @-mentions the bot to make this chat a group of a
 * type. Binding again changes the type or the name; the same binding twice changes nothing.
 */
public final class BindGroupCommand implements Command {
    private static final CommandSpec SPEC =
            new CommandSpec("bind", "绑定群", List.of("绑定", "登记本群"), Role.ADMIN, Scope.GROUP, 1, CommandSpec.UNLIMITED);

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
        var texts = ctx.texts();
        Optional<GroupType> type = ctx.types().find(ctx.args().get(0));
        if (type.isEmpty()) {
            return GroupTypeTexts.unknownType(ctx.args().get(0), ctx);
        }
        ChatId chat = ctx.event().conversation().chat().orElseThrow();
        String typedName = ctx.rest(1);
        Optional<Group> existing = ctx.group();
        String name = !typedName.isEmpty()
                ? GroupNames.clean(typedName)
                : existing.map(Group::name).orElseGet(() -> GroupNames.defaultName(type.get(), chat));
        if (name.isEmpty()) {
            return Reply.refused(texts.get("group.badName", GroupNames.MAX));
        }
        String typeName = type.get().chineseName();
        var change = new StateChange.GroupRegistered(
                chat,
                name,
                type.get().code(),
                ctx.event().conversation().channel(),
                ctx.caller().id(),
                ctx.now());
        if (existing.isEmpty()) {
            return Reply.text(texts.get("command.bind.done", name, typeName))
                    .with(change)
                    .audited(texts.get("audit.bind.done", name, type.get().code()));
        }
        Group g = existing.get();
        if (g.typeCode().equals(type.get().code()) && g.name().equals(name)) {
            return Reply.text(texts.get("command.bind.unchanged", name, typeName));
        }
        return Reply.text(texts.get(
                        "command.bind.changed", g.name(), ctx.types().chineseNameOf(g.typeCode()), name, typeName))
                .with(change)
                .audited(
                        texts.get("audit.bind.changed", g.typeCode(), type.get().code(), name));
    }
}
