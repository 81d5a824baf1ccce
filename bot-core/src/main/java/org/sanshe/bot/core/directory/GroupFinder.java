package org.sanshe.bot.core.directory;

import java.util.List;
import org.sanshe.bot.core.chat.Group;

/**
 * Finds a registered group by what a person types: its registry number, its chat id, its name, or a part of its name
 * that only one group has. A part that several groups share gets the list back.
 */
public final class GroupFinder {
    private GroupFinder() {}

    public static Lookup<Group> find(String typed, List<Group> groups) {
        String t = Names.normalise(typed);
        if (t.isEmpty()) {
            return new Lookup.NotFound<>();
        }
        String number = t.replaceFirst("^(#|编号)\\s*", ""); // "#3", "编号3", and "编号 3" as the bot writes it
        if (number.matches("\\d{1,18}")) {
            long id = Long.parseLong(number);
            for (Group g : groups) {
                if (g.id() == id) {
                    return new Lookup.Found<>(g);
                }
            }
        }
        for (Group g : groups) {
            if (g.chat().value().toLowerCase(java.util.Locale.ROOT).equals(t)) {
                return new Lookup.Found<>(g);
            }
        }
        List<Group> exact =
                groups.stream().filter(g -> Names.normalise(g.name()).equals(t)).toList();
        if (exact.size() == 1) {
            return new Lookup.Found<>(exact.get(0));
        }
        if (exact.size() > 1) {
            return new Lookup.Ambiguous<>(exact);
        }
        List<Group> partial = groups.stream()
                .filter(g -> Names.normalise(g.name()).contains(t))
                .toList();
        if (partial.size() == 1) {
            return new Lookup.Found<>(partial.get(0));
        }
        return partial.isEmpty() ? new Lookup.NotFound<>() : new Lookup.Ambiguous<>(partial);
    }
}
