package org.sanshe.bot.core.crisis;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.sanshe.bot.core.port.ContentScanner.Urgency;
import org.sanshe.bot.core.rule.Category;

/**
 * A situation rule of {@code config/crisis/situations.txt}: it fires when each of its slots finds one of its concepts
 * in the same clause ({@code 句}) or anywhere in the message ({@code 消息}), and none of its {@code 除非} concepts is
 * there.
 *
 * @param name the rule's Chinese name, shown to the social worker as the basis of a finding
 * @param slots each a set of alternative concepts; all slots must be filled
 * @param unless concepts that stop the rule where they appear (in the same scope)
 * @param examples messages the loader checks the rule fires on (two at least)
 */
public record Situation(
        String name,
        Category category,
        Urgency urgency,
        boolean clauseScope,
        List<Set<String>> slots,
        Set<String> unless,
        String rationale,
        List<String> examples,
        String source,
        int line) {
    public Situation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(urgency, "urgency");
        slots = slots.stream().map(Set::copyOf).toList();
        unless = Set.copyOf(unless);
        examples = List.copyOf(examples);
    }

    /** The concepts, as written: {@code 口角歪斜 + 言语不清}. */
    public String condition() {
        StringBuilder b = new StringBuilder();
        for (Set<String> slot : slots) {
            if (b.length() > 0) {
                b.append("＋");
            }
            b.append(String.join("/", slot.stream().sorted().toList()));
        }
        return b.toString();
    }
}
