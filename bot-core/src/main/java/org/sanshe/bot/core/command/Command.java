package org.sanshe.bot.core.command;

/**
 * One slash-command: its spec and what it does. A command runs only after every guard passed (role, scope, arity), so
 * it does not check those again. It returns a reply; expected refusals are replies too, never exceptions.
 */
public interface Command {
    CommandSpec spec();

    Reply execute(CommandContext context);

    /**
     * Whether running it may change how the next event is decided (a grant, a binding, a /切换). The pipeline then
     * decides and commits it before it decides anything after it.
     */
    default boolean changesRegistry() {
        return false;
    }
}
