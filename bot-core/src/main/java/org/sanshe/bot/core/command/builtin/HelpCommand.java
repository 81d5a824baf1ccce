package org.sanshe.bot.core.command.builtin;

import java.util.List;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Echo;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.command.Scope;

/**
 * {@code /帮助 [命令]}: the commands this caller may run here, generated from the specs; with a name, that command's
 * usage and an example. A resident never sees staff commands listed.
 */
public final class HelpCommand implements Command {
    private static final CommandSpec SPEC =
            new CommandSpec("help", "帮助", List.of("?", "菜单"), Role.RESIDENT, Scope.ANY, 0, 1);

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
                    .filter(c -> ctx.caller().can(c.spec().requiredRole())
                            && c.spec().scope().allows(ctx.event().conversation()))
                    .map(c -> Reply.text(texts.get(
                            "command.help.detail",
                            "/" + c.spec().chineseName(),
                            texts.get(c.spec().helpKey()),
                            texts.get(c.spec().usageKey()),
                            texts.get(c.spec().exampleKey()),
                            String.join(
                                    "、",
                                    c.spec().names().stream().map(n -> "/" + n).toList()))))
                    .orElseGet(() -> Reply.text(texts.get("command.help.noSuchCommand", Echo.shorten(asked))));
        }
        var lines = new StringBuilder(texts.get("command.help.header"));
        for (Command c : ctx.registry().all()) {
            CommandSpec spec = c.spec();
            if (ctx.caller().can(spec.requiredRole())
                    && spec.scope().allows(ctx.event().conversation())) {
                lines.append('\n')
                        .append(texts.get(
                                "command.help.line",
                                "/" + spec.chineseName(),
                                "/" + spec.key(),
                                texts.get(spec.helpKey())));
            }
        }
        lines.append('\n').append(texts.get("command.help.footer"));
        return Reply.text(lines.toString());
    }
}
