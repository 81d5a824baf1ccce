package org.sanshe.bot.core.engine.guard;

import java.util.Optional;
import org.sanshe.bot.core.chat.Caller;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.ParsedCommand;
import org.sanshe.bot.core.event.InboundEvent.TextReceived;

/** A text on its way through the guards; each guard may fill in what it learned (the parsed or resolved command). */
public record CommandRequest(
        TextReceived event,
        Caller caller,
        Optional<Group> group,
        Optional<ParsedCommand> parsed,
        Optional<Command> command) {

    public static CommandRequest of(TextReceived event, Caller caller, Optional<Group> group) {
        return new CommandRequest(event, caller, group, Optional.empty(), Optional.empty());
    }

    public CommandRequest withParsed(ParsedCommand p) {
        return new CommandRequest(event, caller, group, Optional.of(p), command);
    }

    public CommandRequest withCommand(Command c) {
        return new CommandRequest(event, caller, group, parsed, Optional.of(c));
    }

    /** For guards placed after parsing and resolving; a misordered pipeline fails loudly. */
    ParsedCommand requireParsed() {
        return parsed.orElseThrow(() -> new IllegalStateException("guard placed before the parser"));
    }

    Command requireCommand() {
        return command.orElseThrow(() -> new IllegalStateException("guard placed before command resolution"));
    }
}
