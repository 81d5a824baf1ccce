package org.sanshe.bot.core.command;

import java.util.List;

/** A command as typed, normalised: the name without the slash (lower-case) and the arguments. */
public record ParsedCommand(String name, List<String> args) {
    public ParsedCommand {
        args = List.copyOf(args);
    }
}
