package org.sanshe.bot.core.moderation;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.sanshe.bot.core.chat.Role;

/**
 * One rule of the online work rules and what is done when it is broken.
 *
 * @param code the lexicon category ({@code ADVERTISING}) or {@link RuleBook#OFF_SHIFT}
 * @param name the deployer's name for it (empty: the built-in one)
 * @param actions what is done in a group whose type does not say otherwise
 * @param exempt roles (held in the group) whose messages this rule does not apply to
 * @param reminder the deployer's own reminder text ({@code {群名}} is replaced); empty: the built-in one
 */
public record BreachRule(
        String code, Optional<String> name, Set<BreachAction> actions, Set<Role> exempt, Optional<String> reminder) {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    public BreachRule {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("rule code '" + code + "' must be upper-case letters, digits and _");
        }
        name = name.map(String::strip).filter(n -> !n.isEmpty());
        actions = Set.copyOf(actions);
        exempt = Set.copyOf(exempt);
        reminder = reminder.filter(r -> !r.isBlank());
    }

    public boolean exempts(Set<Role> held) {
        return held.stream().anyMatch(exempt::contains);
    }
}
