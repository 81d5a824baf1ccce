package org.sanshe.bot.core.group;

import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.command.Scope;
import org.sanshe.bot.core.command.SubcommandSpec;
import org.sanshe.bot.core.engine.StateChange;

/**
 * {@code /群规}: the group's rules, ready to paste as the group announcement; from the group's type unless an admin set
 * the group's own with {@code /群规 设置 <文本>} ({@code /群规 恢复默认} goes back to the type's).
 */
public final class RulesCommand implements Command {
    /** Longer rules are refused rather than cut: an announcement must be whole. */
    static final int MAX_RULES = 1500;

    static final SubcommandSpec SET =
            new SubcommandSpec("set", "设置", List.of("修改", "更新"), Role.ADMIN, 1, CommandSpec.UNLIMITED);
    static final SubcommandSpec RESET = new SubcommandSpec("reset", "恢复默认", List.of("默认", "重置"), Role.ADMIN, 0, 0);
    private static final CommandSpec SPEC =
            new CommandSpec("rules", "群规", List.of("群公约", "群公告"), Role.RESIDENT, Scope.ANY, 0, 0, List.of(SET, RESET));

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
        if (ctx.group().isEmpty()) {
            return ctx.noGroup();
        }
        Group g = ctx.group().get();
        if (ctx.sub().isEmpty()) {
            String rules = g.rules()
                    .orElseGet(() -> ctx.types()
                            .byCode(g.typeCode())
                            .map(t -> t.rulesFor(g.name()))
                            .orElse(""));
            if (rules.isBlank()) {
                return Reply.text(texts.get("command.rules.none", g.name()));
            }
            return Reply.text(texts.get("command.rules.show", g.name(), rules.strip()));
        }
        if (ctx.sub().get() == RESET) {
            if (g.rules().isEmpty()) {
                return Reply.text(texts.get("command.rules.alreadyDefault", g.name()));
            }
            return Reply.text(texts.get("command.rules.reset", g.name()))
                    .with(new StateChange.GroupRulesSet(
                            g.chat(), Optional.empty(), ctx.caller().id(), ctx.now()))
                    .audited(texts.get("audit.rules.reset", g.name()));
        }
        String rules = ctx.rest(0).strip();
        int length = rules.codePointCount(0, rules.length());
        if (length > MAX_RULES) {
            return Reply.refused(texts.get("command.rules.tooLong", MAX_RULES, length));
        }
        return Reply.text(texts.get("command.rules.set", g.name(), rules))
                .with(new StateChange.GroupRulesSet(
                        g.chat(), Optional.of(rules), ctx.caller().id(), ctx.now()))
                .audited(texts.get("audit.rules.set", g.name(), length));
    }
}
