package org.sanshe.bot.core.audit;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.command.Scope;
import org.sanshe.bot.core.directory.TargetGroup;

/**
 * {@code /审计 [群] [条数]}: the latest privileged commands, newest first, for an admin, in a private chat (the entries
 * name members). Without a group: the group chosen with /切换, else every group (for an admin everywhere).
 */
public final class AuditCommand implements Command {
    static final int DEFAULT_COUNT = 10;
    static final int MAX_COUNT = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final CommandSpec SPEC =
            new CommandSpec("audit", "审计", List.of("操作记录", "日志"), Role.ADMIN, Scope.PRIVATE, 0, 2);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply execute(CommandContext ctx) {
        var texts = ctx.texts();
        // the last argument, when it is a number, is the count; a group is named by name, #编号 or chat id
        List<String> args = new ArrayList<>(ctx.args());
        int count = DEFAULT_COUNT;
        if (!args.isEmpty()) {
            String last = java.text.Normalizer.normalize(args.get(args.size() - 1), java.text.Normalizer.Form.NFKC)
                    .replaceFirst("条$", "");
            if (last.matches("\\d{1,3}")) {
                count = Math.max(1, Math.min(MAX_COUNT, Integer.parseInt(last)));
                args.remove(args.size() - 1);
            }
        }
        if (args.size() > 1) {
            return Reply.refused(texts.get("guard.arity", texts.get(SPEC.usageKey()), texts.get(SPEC.exampleKey())));
        }
        Optional<String> groupWord = args.isEmpty() ? Optional.empty() : Optional.of(args.get(0));
        TargetGroup target;
        if (groupWord.isEmpty() && ctx.group().isEmpty()) {
            target = new TargetGroup.Everywhere();
        } else {
            target = TargetGroup.of(groupWord, ctx);
        }
        if (target instanceof TargetGroup.Unresolved u) {
            return u.reply();
        }
        Optional<ChatId> chat = target.where();
        if (!ctx.authority().callerIn(ctx.caller().id(), chat).can(Role.ADMIN)) {
            return Reply.refused(texts.get("command.audit.notAdminThere", target.describe(ctx)));
        }
        List<AuditEntry> entries = ctx.ports().audit().recent(chat, count);
        if (entries.isEmpty()) {
            return Reply.text(texts.get("command.audit.empty", target.describe(ctx)));
        }
        List<String> lines = new ArrayList<>();
        lines.add(texts.get("command.audit.header", target.describe(ctx), entries.size()));
        List<Group> groups = chat.isEmpty() ? ctx.ports().groups().all() : List.of();
        for (AuditEntry e : entries) {
            String where = chat.isPresent()
                    ? ""
                    : e.chat()
                            .map(c -> groups.stream()
                                    .filter(g -> g.chat().equals(c))
                                    .map(g -> "「" + g.name() + "」")
                                    .findFirst()
                                    .orElse("「" + c.value() + "」"))
                            .orElse(texts.get("command.audit.private"));
            lines.add(texts.get(
                    "command.audit.line",
                    TIME.format(e.at().atZone(ctx.zone())),
                    e.actor().value(),
                    e.action(),
                    where,
                    e.result().chineseName(),
                    e.detail()));
        }
        return Reply.text(String.join("\n", lines))
                .audited(chat, texts.get("audit.audit.listed", target.describe(ctx)));
    }
}
