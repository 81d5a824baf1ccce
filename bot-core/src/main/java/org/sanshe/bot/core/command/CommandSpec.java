package org.sanshe.bot.core.command;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sanshe.bot.core.chat.Role;

/**
 * Everything the bot must know about a command before running it, declared beside the command: its key (the English
 * code name, also the prefix of its texts {@code command.<key>.help/usage/example}), its Chinese name, its aliases, who
 * may run it, where, how many arguments it takes, and its subcommands. Help is generated from these.
 *
 * <p>With subcommands, {@code requiredRole} and the arity apply to the command typed alone ({@code /群规}); a
 * subcommand ({@code /群规 设置 …}) has its own.
 */
public record CommandSpec(
        String key,
        String chineseName,
        List<String> aliases,
        Role requiredRole,
        Scope scope,
        int minArgs,
        int maxArgs,
        List<SubcommandSpec> subcommands) {

    public static final int UNLIMITED = Integer.MAX_VALUE;

    public CommandSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(chineseName, "chineseName");
        Objects.requireNonNull(requiredRole, "requiredRole");
        Objects.requireNonNull(scope, "scope");
        aliases = List.copyOf(aliases);
        subcommands = List.copyOf(subcommands);
        if (minArgs < 0 || maxArgs < minArgs) {
            throw new IllegalArgumentException("bad arity for " + key + ": " + minArgs + ".." + maxArgs);
        }
        Set<String> seen = new HashSet<>();
        for (SubcommandSpec sub : subcommands) {
            for (String name : sub.names()) {
                if (!seen.add(normalise(name))) {
                    throw new IllegalStateException("subcommand name '" + name + "' used twice in " + key);
                }
            }
        }
    }

    public CommandSpec(
            String key,
            String chineseName,
            List<String> aliases,
            Role requiredRole,
            Scope scope,
            int minArgs,
            int maxArgs) {
        this(key, chineseName, aliases, requiredRole, scope, minArgs, maxArgs, List.of());
    }

    /** The Chinese name first, then the key, then the aliases: every word that invokes the command. */
    public List<String> names() {
        var all = new ArrayList<String>();
        all.add(chineseName);
        all.add(key);
        all.addAll(aliases);
        return List.copyOf(all);
    }

    /** The subcommand a word names, in any width or case. */
    public Optional<SubcommandSpec> subcommand(String word) {
        String w = normalise(word);
        return subcommands.stream()
                .filter(s -> s.names().stream().anyMatch(n -> normalise(n).equals(w)))
                .findFirst();
    }

    /** The lowest role that can run any part of the command: help lists it for them. */
    public Role lowestRole() {
        Role lowest = requiredRole;
        for (SubcommandSpec s : subcommands) {
            if (s.requiredRole().rank() < lowest.rank()) {
                lowest = s.requiredRole();
            }
        }
        return lowest;
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

    public String usageKey(SubcommandSpec sub) {
        return "command." + key + "." + sub.key() + ".usage";
    }

    public String exampleKey(SubcommandSpec sub) {
        return "command." + key + "." + sub.key() + ".example";
    }

    public String helpKey(SubcommandSpec sub) {
        return "command." + key + "." + sub.key() + ".help";
    }

    static String normalise(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
