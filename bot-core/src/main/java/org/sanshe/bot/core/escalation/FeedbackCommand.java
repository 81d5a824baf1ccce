package org.sanshe.bot.core.escalation;

import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.command.Scope;

/**
 * {@code /误报 <编号>} and {@code /有用 <编号>}: the text twins of the 误报 and 有用 buttons on every card and note, for
 * the people who received it. Stored with the words the detector read, encrypted, and audited.
 */
public final class FeedbackCommand implements Command {
    private static final CommandSpec FALSE_ALARM =
            new CommandSpec("falsealarm", "误报", List.of("误判", "false-alarm"), Role.VOLUNTEER, Scope.PRIVATE, 1, 1);
    private static final CommandSpec USEFUL =
            new CommandSpec("useful", "有用", List.of("有帮助"), Role.VOLUNTEER, Scope.PRIVATE, 1, 1);

    private final Feedback verdict;

    private FeedbackCommand(Feedback verdict) {
        this.verdict = verdict;
    }

    public static FeedbackCommand falseAlarm() {
        return new FeedbackCommand(Feedback.FALSE_ALARM);
    }

    public static FeedbackCommand useful() {
        return new FeedbackCommand(Feedback.USEFUL);
    }

    @Override
    public CommandSpec spec() {
        return verdict == Feedback.FALSE_ALARM ? FALSE_ALARM : USEFUL;
    }

    @Override
    public Reply execute(CommandContext ctx) {
        return EscalationNumbers.parse(ctx.args().get(0))
                .map(n -> ctx.escalations().feedback(n, ctx.caller().id(), verdict, ctx.now(), Optional.empty()))
                .orElseGet(() -> EscalationNumbers.bad(ctx.args().get(0), ctx.texts()));
    }
}
