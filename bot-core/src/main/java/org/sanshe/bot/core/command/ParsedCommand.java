package org.sanshe.bot.core.command;

import java.util.List;
import java.util.Objects;

/**
 * A command as typed, normalised: the name without the slash (lower-case), the arguments split on spaces, and the
 * argument text as typed ({@code rawArgs}, line breaks kept) for commands that take free text.
 */
public record ParsedCommand(String name, List<String> args, String rawArgs) {
    public ParsedCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rawArgs, "rawArgs");
        args = List.copyOf(args);
    }

    public ParsedCommand(String name, List<String> args) {
        this(name, args, String.join(" ", args));
    }

    /** The argument text after the first {@code words} arguments, as typed (free text such as new group rules). */
    public String rest(int words) {
        String t = rawArgs.strip();
        for (int i = 0; i < words && !t.isEmpty(); i++) {
            int cut = 0;
            while (cut < t.length() && !Character.isWhitespace(t.charAt(cut))) {
                cut++;
            }
            t = t.substring(cut).strip();
        }
        return t;
    }
}
