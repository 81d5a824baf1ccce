package org.sanshe.bot.core.command;

import java.util.List;
import java.util.Objects;
import org.sanshe.bot.core.chat.Role;

/**
 * Everything the bot must know about a command before running it, declared beside the command: its key (the English
 * code name, also the prefix of its texts {@code command.<key>.help/usage/example}), its Chinese name, its aliases, who
 * may run it, where, and how many arguments it takes. Help is generated from these.
 */
public record CommandSpec(
        String key,
        String chineseName,
        List<String> aliases,
        Role requiredRole,
        Scope scope,
        int minArgs,
        int maxArgs) {

    public static final int UNLIMITED = Integer.MAX_VALUE;

    public CommandSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(chineseName, "chineseName");
        Objects.requireNonNull(requiredRole, "requiredRole");
        Objects.requireNonNull(scope, "scope");
        aliases = List.copyOf(aliases);
        if (minArgs < 0 || maxArgs < minArgs) {
            throw new IllegalArgumentException("bad arity for " + key + ": " + minArgs + ".." + maxArgs);
        }
    }

    /** The Chinese name first, then the key, then the aliases: every word that invokes the command. */
    public List<String> names() {
        var all = new java.util.ArrayList<String>();
        all.add(chineseName);
        all.add(key);
        all.addAll(aliases);
        return List.copyOf(all);
    }

    public String helpKey() {
        return "command." + key + ".help";
    }

    public String usageKey() {
        return "command." + key + ".usage";
    }

    public String exampleKey() {
        return "command." + key + ".example";
    }
}
