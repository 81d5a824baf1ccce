package org.sanshe.bot.core.command;

import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.chat.Caller;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.event.InboundEvent.TextReceived;
import org.sanshe.bot.core.text.Texts;

/** What a command may look at: the message, the caller with their stored roles, the group (if registered), texts. */
public record CommandContext(
        TextReceived event,
        ParsedCommand command,
        Caller caller,
        Optional<Group> group,
        Texts texts,
        CommandRegistry registry) {

    public List<String> args() {
        return command.args();
    }
}
