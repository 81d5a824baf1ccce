package org.sanshe.bot.core.command.builtin;

import java.util.List;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Echo;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.command.Scope;
import org.sanshe.bot.core.command.SubcommandSpec;

/**
 * {@code /帮助 [命令]}: the commands this caller may run here, generated from the specs; with a name, that command's
 * usage and an example, and of its subcommands those the caller may run. A resident never sees staff commands listed.
 */
public final class HelpCommand implements Command {
    private static final CommandSpec SPEC =
            new CommandSpec("help", "帮助", List.of("?", "菜单", "命令"), Role.RESIDENT, Scope.ANY, 0, 1);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply execute(CommandContext ctx) {
        var texts = ctx.texts();
        if (!ctx.args().isEmpty()) {
            String asked = ctx.args().get(0).replaceFirst("^[/／]", "");
            return ctx.registry()
                    .find(asked)
                    .filter(c -> available(c.spec(), ctx))
                    .map(c -> Reply.text(detail(c.spec(), ctx)))
                    .orElseGet(() -> Reply.text(texts.get("command.help.noSuchCommand", Echo.shorten(asked))));
        }
        var lines = new StringBuilder(texts.get("command.help.header"));
        for (Command c : ctx.registry().all()) {
            CommandSpec spec = c.spec();
            if (available(spec, ctx)) {
                lines.append('\n')
                        .append(texts.get(
                                "command.help.line",
                                "/" + spec.chineseName(),
                                "/" + spec.key(),
                                texts.get(spec.helpKey())));
            }
        }
        boolean staff = ctx.caller().roles().stream().anyMatch(Role::staff);
        // what the caller may run elsewhere: a secretary in a group should learn that /切换 exists in private
        List<String> elsewhere = ctx.registry().all().stream()
                .map(Command::spec)
                .filter(spec -> ctx.caller().can(spec.lowestRole())
                        && !spec.scope().allows(ctx.event().conversation())
                        && (spec.lowestRole() != Role.RESIDENT || staff))
                .map(spec -> "/" + spec.chineseName())
                .toList();
        if (!elsewhere.isEmpty()) {
            String key =
                    ctx.event().conversation().isGroup() ? "command.help.alsoPrivately" : "command.help.alsoInGroups";
            lines.append('\n').append(texts.get(key, String.join("、", elsewhere)));
        }
        lines.append('\n').append(texts.get("command.help.footer"));
        return Reply.text(lines.toString());
    }

    private static boolean available(CommandSpec spec, CommandContext ctx) {
        return ctx.caller().can(spec.lowestRole())
                && spec.scope().allows(ctx.event().conversation());
    }

    private static String detail(CommandSpec spec, CommandContext ctx) {
        var texts = ctx.texts();
        StringBuilder usage = new StringBuilder();
        StringBuilder examples = new StringBuilder();
        if (ctx.caller().can(spec.requiredRole())) {
            usage.append(texts.get(spec.usageKey()));
            examples.append(texts.get(spec.exampleKey()));
        }
        for (SubcommandSpec sub : spec.subcommands()) {
            if (ctx.caller().can(sub.requiredRole())) {
                usage.append(usage.isEmpty() ? "" : "\n").append(texts.get(spec.usageKey(sub)));
                examples.append(examples.isEmpty() ? "" : "\n").append(texts.get(spec.exampleKey(sub)));
            }
        }
        return texts.get(
                "command.help.detail",
                "/" + spec.chineseName(),
                texts.get(spec.helpKey()),
                usage.toString(),
                examples.toString(),
                String.join("、", spec.names().stream().map(n -> "/" + n).toList()));
    }
}
