package org.sanshe.bot.core.moderation;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sanshe.bot.core.chat.Role;

/**
 * The rules the bot keeps and what it does about each, per group type ({@code config/rules.yml}).
 *
 * @param rules by code
 * @param byType per group type code: rule code to the actions in groups of that type (an empty set: not applied)
 * @param warningLimit the administrators get a report each time a member's warnings reach a multiple of this
 * @param warningDecay a warning older than this no longer counts
 * @param quietPeriod after acting on a member's breach of a rule, further breaches of that rule by that member within
 *     this period are recorded only: no second reminder, note or warning for one burst
 */
public record RuleBook(
        Map<String, BreachRule> rules,
        Map<String, Map<String, Set<BreachAction>>> byType,
        int warningLimit,
        Duration warningDecay,
        Duration quietPeriod) {

    /** Off-shift staff speaking in a service group: not found by the lexicons but by who is speaking. */
    public static final String OFF_SHIFT = "OFF_SHIFT";

    public RuleBook {
        Map<String, BreachRule> known = Map.copyOf(rules);
        rules = known;
        Map<String, Map<String, Set<BreachAction>>> copy = new LinkedHashMap<>();
        byType.forEach((type, m) -> {
            Map<String, Set<BreachAction>> inner = new LinkedHashMap<>();
            m.forEach((rule, actions) -> {
                if (!known.containsKey(rule)) {
                    throw new IllegalArgumentException("group type " + type + " names unknown rule " + rule);
                }
                inner.put(rule, Set.copyOf(actions));
            });
            copy.put(type, Map.copyOf(inner));
        });
        byType = Map.copyOf(copy);
        if (warningLimit < 1) {
            throw new IllegalArgumentException("warning-limit must be at least 1");
        }
        Objects.requireNonNull(warningDecay, "warningDecay");
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        if (warningDecay.isNegative() || warningDecay.isZero() || quietPeriod.isNegative()) {
            throw new IllegalArgumentException("warning-decay must be positive and quiet-period not negative");
        }
    }

    public Optional<BreachRule> rule(String code) {
        return Optional.ofNullable(rules.get(code));
    }

    /** What is done about a breach of the rule in a group of the type: the type's own list, else the rule's. */
    public Set<BreachAction> actions(String rule, String typeCode) {
        BreachRule r = rules.get(rule);
        if (r == null) {
            return Set.of();
        }
        Map<String, Set<BreachAction>> own = byType.getOrDefault(typeCode, Map.of());
        return own.getOrDefault(rule, r.actions());
    }

    /**
     * Built-in defaults, for a deployment without the file and for tests: every lexicon rule reminded privately and
     * warned (private information only reminded), notes to the secretary for rumours, superstition and violent or
     * pornographic content; staff exempt from the privacy and rumour rules (they post service numbers and official
     * notices); off-shift staff reminded in the focus-service and key-companion groups only.
     */
    public static RuleBook defaults() {
        Set<Role> staff = EnumSet.of(Role.ADMIN, Role.SOCIAL_WORKER, Role.SECRETARY, Role.MEDICAL, Role.COUNSELOR);
        Set<BreachAction> all = EnumSet.allOf(BreachAction.class);
        Map<String, BreachRule> rules = new LinkedHashMap<>();
        Optional<String> builtIn = Optional.empty();
        for (BreachRule r : List.of(
                new BreachRule("RUMOUR", builtIn, all, staff, builtIn),
                new BreachRule("SUPERSTITION", builtIn, all, Set.of(), builtIn),
                new BreachRule("PORN_VIOLENCE", builtIn, all, Set.of(), builtIn),
                new BreachRule(
                        "ADVERTISING", builtIn, EnumSet.of(BreachAction.REMIND, BreachAction.WARN), staff, builtIn),
                new BreachRule(
                        "PRIVATE_INFO",
                        builtIn,
                        EnumSet.of(BreachAction.REMIND),
                        EnumSet.of(Role.ADMIN, Role.SOCIAL_WORKER, Role.SECRETARY),
                        builtIn),
                new BreachRule(OFF_SHIFT, builtIn, Set.of(), Set.of(), builtIn))) {
            rules.put(r.code(), r);
        }
        Set<BreachAction> remind = EnumSet.of(BreachAction.REMIND);
        return new RuleBook(
                rules,
                Map.of("FOCUS_SERVICE", Map.of(OFF_SHIFT, remind), "KEY_COMPANION", Map.of(OFF_SHIFT, remind)),
                3,
                Duration.ofDays(30),
                Duration.ofMinutes(10));
    }
}
