package org.sanshe.bot.core.group;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sanshe.bot.core.chat.Caller;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.command.Scope;
import org.sanshe.bot.core.directory.GroupFinder;
import org.sanshe.bot.core.directory.Lookup;
import org.sanshe.bot.core.directory.LookupTexts;
import org.sanshe.bot.core.engine.StateChange;

/**
 * {@code /切换 [群名或编号]}: in a private chat, a staff member picks the group their commands act on; alone, it lists
 * the groups they may pick. Only a group where they hold a staff role can be picked, so a private chat never gives
 * more rights than the group itself.
 */
public final class UseGroupCommand implements Command {
    private static final CommandSpec SPEC =
            new CommandSpec("use", "切换", List.of("切换群", "选择群"), Role.RESIDENT, Scope.PRIVATE, 0, CommandSpec.UNLIMITED);

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
        List<Group> mine =
                ctx.ports().groups().all().stream().filter(g -> staffIn(ctx, g)).toList();
        if (ctx.args().isEmpty()) {
            if (mine.isEmpty()) {
                return Reply.text(texts.get("command.use.noGroups"));
            }
            String current = ctx.group()
                    .map(g -> texts.get("command.use.current", LookupTexts.describe(g)))
                    .orElse(texts.get("command.use.noCurrent"));
            String list = mine.stream()
                    .map(g -> texts.get(
                            "command.use.line",
                            String.valueOf(g.id()),
                            g.name(),
                            ctx.types().chineseNameOf(g.typeCode())))
                    .collect(Collectors.joining("\n"));
            return Reply.text(texts.get("command.use.list", current, list));
        }
        String typed = ctx.rest(0);
        // among the caller's own groups first, so another group's name is never listed to them
        Lookup<Group> found = GroupFinder.find(typed, mine);
        if (found instanceof Lookup.NotFound<Group>) {
            found = GroupFinder.find(typed, ctx.ports().groups().all());
            if (found instanceof Lookup.Ambiguous<Group>) {
                return Reply.refused(texts.get("command.use.notStaffAny", typed));
            }
        }
        if (!(found instanceof Lookup.Found<Group> f)) {
            return LookupTexts.groupNotResolved(found, typed, texts);
        }
        Group g = f.value();
        if (!staffIn(ctx, g)) {
            return Reply.refused(texts.get("command.use.notStaff", g.name()));
        }
        return Reply.text(texts.get(
                        "command.use.done",
                        g.name(),
                        String.valueOf(g.id()),
                        ctx.types().chineseNameOf(g.typeCode())))
                .with(new StateChange.PrivateContextChosen(ctx.caller().id(), g.chat(), ctx.now()));
    }

    private static boolean staffIn(CommandContext ctx, Group g) {
        Caller there = ctx.authority().callerIn(ctx.caller().id(), Optional.of(g.chat()));
        return there.roles().stream().anyMatch(Role::staff);
    }
}
