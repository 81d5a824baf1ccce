package org.sanshe.bot.core.group;

import java.util.stream.Collectors;
import org.sanshe.bot.core.chat.GroupType;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.Echo;
import org.sanshe.bot.core.command.Reply;

/** The answer to a type nobody configured: every valid type, by tier, with the word to type. */
final class GroupTypeTexts {
    private GroupTypeTexts() {}

    static Reply unknownType(String typed, CommandContext ctx) {
        String list = ctx.types().all().stream()
                .collect(Collectors.groupingBy(GroupType::tier, java.util.TreeMap::new, Collectors.toList()))
                .entrySet()
                .stream()
                .map(e -> e.getKey().chineseName() + "："
                        + e.getValue().stream().map(GroupType::chineseName).collect(Collectors.joining("、")))
                .collect(Collectors.joining("\n"));
        return Reply.refused(ctx.texts().get("group.unknownType", Echo.shorten(typed), list));
    }
}
