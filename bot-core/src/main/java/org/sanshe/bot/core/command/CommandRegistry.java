package org.sanshe.bot.core.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * All commands by every name they answer to. Construction fails on a duplicate name or alias, so two commands can never
 * silently compete for one word.
 */
public final class CommandRegistry {
    private final List<Command> commands;
    private final Map<String, Command> byName = new LinkedHashMap<>();

    public CommandRegistry(List<Command> commands) {
        this.commands = List.copyOf(commands);
        for (Command command : this.commands) {
            for (String name : command.spec().names()) {
                String normal = normalise(name);
                Command previous = byName.putIfAbsent(normal, command);
                if (previous != null) {
                    throw new IllegalStateException("command name '" + name + "' is used by both "
                            + previous.spec().key() + " and " + command.spec().key());
                }
            }
        }
    }

    public Optional<Command> find(String name) {
        return Optional.ofNullable(byName.get(normalise(name)));
    }

    public List<Command> all() {
        return commands;
    }

    /** Names within a small edit distance of what was typed, closest first: for "您是不是想输入 …". */
    public List<String> closestNames(String typed, int max) {
        String t = normalise(typed);
        record Candidate(String name, int distance) {}
        List<Candidate> candidates = new ArrayList<>();
        for (Command c : commands) {
            for (String name : List.of(c.spec().chineseName(), c.spec().key())) {
                int d = distance(t, normalise(name));
                int allowed = Math.max(1, Math.min(2, name.length() / 2));
                if (d <= allowed) {
                    candidates.add(new Candidate(name, d));
                }
            }
        }
        return candidates.stream()
                .sorted(Comparator.comparingInt(Candidate::distance))
                .map(Candidate::name)
                .distinct()
                .limit(max)
                .toList();
    }

    private static String normalise(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC)
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
