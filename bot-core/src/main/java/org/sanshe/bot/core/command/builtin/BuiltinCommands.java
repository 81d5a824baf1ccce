package org.sanshe.bot.core.command.builtin;

import java.util.List;
import org.sanshe.bot.core.audit.AuditCommand;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.escalation.AckCommand;
import org.sanshe.bot.core.escalation.EscalateCommand;
import org.sanshe.bot.core.escalation.EscalationListCommand;
import org.sanshe.bot.core.escalation.FeedbackCommand;
import org.sanshe.bot.core.escalation.HandOverCommand;
import org.sanshe.bot.core.escalation.RaiseCommand;
import org.sanshe.bot.core.escalation.ResolveCommand;
import org.sanshe.bot.core.group.BindGroupCommand;
import org.sanshe.bot.core.group.GroupInfoCommand;
import org.sanshe.bot.core.group.RegisterCustomerGroupCommand;
import org.sanshe.bot.core.group.RulesCommand;
import org.sanshe.bot.core.group.UseGroupCommand;
import org.sanshe.bot.core.role.RoleCommand;

/** The commands the service ships, in the order /帮助 lists them: everyday ones first, administration last. */
public final class BuiltinCommands {
    private BuiltinCommands() {}

    public static List<Command> all() {
        return List.of(
                new HelpCommand(),
                new WhoAmICommand(),
                new RulesCommand(),
                new GroupInfoCommand(),
                new UseGroupCommand(),
                new RoleCommand(),
                new BindGroupCommand(),
                new RegisterCustomerGroupCommand(),
                new AuditCommand(),
                new EscalateCommand(),
                new AckCommand(),
                new HandOverCommand(),
                new RaiseCommand(),
                FeedbackCommand.falseAlarm(),
                FeedbackCommand.useful(),
                new ResolveCommand(),
                new EscalationListCommand(),
                new org.sanshe.bot.core.nickname.NicknameCommand(),
                new org.sanshe.bot.core.household.HouseholdsCommand());
    }
}
