package org.sanshe.bot.core.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the lexicon found in one message, after exceptions and negations. Crises and breaches are each ordered most
 * severe first, ties by {@link Category#priority()} (life before health before the rest), so the first crisis is the
 * one to act on.
 */
public record Detection(List<Finding> crises, List<Finding> breaches, List<Suppressed> suppressed) {
    static final Comparator<Finding> MOST_URGENT_FIRST = Comparator.comparingInt(
                    (Finding f) -> -f.severity().level())
            .thenComparingInt(f -> f.category().priority());

    /** By start; at the same start the longer (more specific) match first. */
    static final Comparator<Match> TEXT_ORDER = Comparator.comparingInt(Match::start)
            .thenComparing(Comparator.comparingInt(Match::end).reversed());

    private static final Detection NONE = new Detection(List.of(), List.of(), List.of());

    public Detection {
        crises = List.copyOf(crises);
        breaches = List.copyOf(breaches);
        suppressed = List.copyOf(suppressed);
        if (crises.stream().anyMatch(f -> !f.category().isCrisis())
                || breaches.stream().anyMatch(f -> f.category().isCrisis())) {
            throw new IllegalArgumentException("crisis and breach findings mixed up");
        }
    }

    public static Detection none() {
        return NONE;
    }

    public boolean isCrisis() {
        return !crises.isEmpty();
    }

    public boolean isBreach() {
        return !breaches.isEmpty();
    }

    /** Neither a crisis nor a rule breach (suppressed matches do not count). */
    public boolean isClean() {
        return crises.isEmpty() && breaches.isEmpty();
    }

    /** The crisis to act on first. */
    public Optional<Finding> mostUrgentCrisis() {
        return crises.stream().findFirst();
    }

    /** Crisis categories then breach categories, each most urgent first. */
    public List<Category> categories() {
        List<Category> all = new ArrayList<>();
        crises.forEach(f -> all.add(f.category()));
        breaches.forEach(f -> all.add(f.category()));
        return List.copyOf(all);
    }

    /** Every kept match, in text order (see {@link #TEXT_ORDER}). */
    public List<Match> matches() {
        List<Match> all = new ArrayList<>();
        crises.forEach(f -> all.addAll(f.matches()));
        breaches.forEach(f -> all.addAll(f.matches()));
        all.sort(TEXT_ORDER);
        return List.copyOf(all);
    }
}
