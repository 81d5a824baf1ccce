package org.sanshe.bot.core.command;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.chat.Caller;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.core.event.InboundEvent.TextReceived;
import org.sanshe.bot.core.port.Ports;
import org.sanshe.bot.core.text.Texts;

/**
 * What a command may look at: the message, the caller with their stored roles, the group it acts on, the ports to read
 * the registry, and texts.
 *
 * @param group the group typed in, or in a private chat the group chosen with /切换 (then {@code groupFromContext})
 * @param sub the subcommand typed, if the command has them
 */
public record CommandContext(
        TextReceived event,
        ParsedCommand command,
        Optional<SubcommandSpec> sub,
        Caller caller,
        Optional<Group> group,
        boolean groupFromContext,
        Texts texts,
        CommandRegistry registry,
        Ports ports,
        GroupTypes types,
        Authority authority,
        ZoneId zone,
        org.sanshe.bot.core.escalation.EscalationDesk escalations,
        org.sanshe.bot.core.nickname.NicknameDesk nicknames) {

    /** The arguments after the command name and the subcommand word. */
    public List<String> args() {
        return sub.isPresent() ? command.args().subList(1, command.args().size()) : command.args();
    }

    /** The argument text as typed, after the command, the subcommand word and {@code words} more arguments. */
    public String rest(int words) {
        return command.rest(words + (sub.isPresent() ? 1 : 0));
    }

    public Instant now() {
        return event.at();
    }

    /**
     * The refusal of a command that acts on a group when there is none: in a group, that it is not registered; in a
     * private chat, how to choose one.
     */
    public Reply noGroup() {
        return Reply.refused(texts.get(event.conversation().isGroup() ? "group.notRegisteredHere" : "target.noGroup"));
    }
}
