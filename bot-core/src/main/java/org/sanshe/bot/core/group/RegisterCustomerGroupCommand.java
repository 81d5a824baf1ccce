package org.sanshe.bot.core.group;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.GroupType;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Echo;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.command.Scope;
import org.sanshe.bot.core.engine.Outbound;

/**
 * {@code /登记客户群 <chat_id> <类型> [名称]}: no bot can be in a customer group (WECOM.md C3), so an admin registers it
 * from a private chat. The bot then asks WeCom for the group's name, owner and members ({@code groupchat/get}); the
 * registration and the answer happen when WeCom has answered ({@link CustomerGroupRegistration}).
 */
public final class RegisterCustomerGroupCommand implements Command {
    private static final Pattern CHAT_ID = Pattern.compile("[A-Za-z0-9_\\-]{4,128}");
    private static final CommandSpec SPEC = new CommandSpec(
            "register", "登记客户群", List.of("登记", "客户群登记"), Role.ADMIN, Scope.PRIVATE, 2, CommandSpec.UNLIMITED);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply execute(CommandContext ctx) {
        var texts = ctx.texts();
        String typedChat = ctx.args().get(0);
        if (!CHAT_ID.matcher(typedChat).matches()) {
            return Reply.refused(texts.get("command.register.badChatId", Echo.shorten(typedChat)));
        }
        ChatId chat = ChatId.of(typedChat);
        if (!ctx.authority().callerIn(ctx.caller().id(), Optional.of(chat)).can(Role.ADMIN)) {
            return Reply.refused(texts.get("command.register.notAdmin"));
        }
        Optional<GroupType> type = ctx.types().find(ctx.args().get(1));
        if (type.isEmpty()) {
            return GroupTypeTexts.unknownType(ctx.args().get(1), ctx);
        }
        var existing = ctx.ports().groups().findByChat(chat);
        if (existing.isPresent() && existing.get().channel() != Channel.CUSTOMER) {
            return Reply.refused(
                    texts.get("command.register.internalGroup", existing.get().name()));
        }
        String typedName = ctx.rest(2);
        Optional<String> name = Optional.empty();
        if (!typedName.isEmpty()) {
            String clean = GroupNames.clean(typedName);
            if (clean.isEmpty()) {
                return Reply.refused(texts.get("group.badName", GroupNames.MAX));
            }
            name = Optional.of(clean);
        }
        // no answer yet: an AI-bot reply can travel once, so the answer waits for WeCom's details
        return Reply.none()
                .and(new Outbound.LookUpCustomerGroup(
                        chat,
                        type.get().code(),
                        name,
                        ctx.event().conversation(),
                        ctx.event().id().value()))
                .audited(texts.get(
                        "audit.register.asked", chat.value(), type.get().code()));
    }
}
