package org.sanshe.bot.core.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sanshe.bot.core.chat.Role;

/**
 * A word after a command that selects what it does ({@code /角色 授予}), with its own role and arity, so that reading
 * and changing can need different rights. Its texts are {@code command.<command>.<key>.help/usage/example}.
 */
public record SubcommandSpec(
        String key, String chineseName, List<String> aliases, Role requiredRole, int minArgs, int maxArgs) {
    public SubcommandSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(chineseName, "chineseName");
        Objects.requireNonNull(requiredRole, "requiredRole");
        aliases = List.copyOf(aliases);
        if (minArgs < 0 || maxArgs < minArgs) {
            throw new IllegalArgumentException("bad arity for " + key + ": " + minArgs + ".." + maxArgs);
        }
    }

    public List<String> names() {
        var all = new ArrayList<String>();
        all.add(chineseName);
        all.add(key);
        all.addAll(aliases);
        return List.copyOf(all);
    }
}
