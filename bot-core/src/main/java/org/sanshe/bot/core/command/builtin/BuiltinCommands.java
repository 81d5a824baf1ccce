package org.sanshe.bot.core.command.builtin;

import java.util.List;
import org.sanshe.bot.core.command.Command;

/** The commands the library ships, in the order /帮助 lists them. */
public final class BuiltinCommands {
    private BuiltinCommands() {}

    public static List<Command> all() {
        return List.of(new HelpCommand(), new WhoAmICommand());
    }
}
