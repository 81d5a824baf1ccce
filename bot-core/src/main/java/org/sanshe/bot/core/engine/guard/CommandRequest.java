package org.sanshe.bot.core.engine.guard;

import java.util.Optional;
import org.sanshe.bot.core.chat.Caller;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.ParsedCommand;
import org.sanshe.bot.core.command.SubcommandSpec;
import org.sanshe.bot.core.event.InboundEvent.TextReceived;

/** A text on its way through the guards; each guard may fill in what it learned (the parsed or resolved command). */
public record CommandRequest(
        TextReceived event,
        Caller caller,
        Optional<Group> group,
        Optional<ParsedCommand> parsed,
        Optional<Command> command,
        Optional<SubcommandSpec> sub) {

    public static CommandRequest of(TextReceived event, Caller caller, Optional<Group> group) {
        return new CommandRequest(event, caller, group, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public CommandRequest withParsed(ParsedCommand p) {
        return new CommandRequest(event, caller, group, Optional.of(p), command, sub);
    }

    public CommandRequest withCommand(Command c) {
        return new CommandRequest(event, caller, group, parsed, Optional.of(c), sub);
    }

    public CommandRequest withSub(SubcommandSpec s) {
        return new CommandRequest(event, caller, group, parsed, command, Optional.of(s));
    }

    /** The role the typed command (or its subcommand) needs. */
    public Role requiredRole() {
        return sub.map(SubcommandSpec::requiredRole)
                .orElseGet(() -> requireCommand().spec().requiredRole());
    }

    /** How the command is called as typed, for texts: "/角色 授予" or "/群信息". */
    public String displayName() {
        String name = "/" + requireCommand().spec().chineseName();
        return sub.map(s -> name + " " + s.chineseName()).orElse(name);
    }

    /** For guards placed after parsing and resolving; a misordered pipeline fails loudly. */
    ParsedCommand requireParsed() {
        return parsed.orElseThrow(() -> new IllegalStateException("guard placed before the parser"));
    }

    Command requireCommand() {
        return command.orElseThrow(() -> new IllegalStateException("guard placed before command resolution"));
    }
}
