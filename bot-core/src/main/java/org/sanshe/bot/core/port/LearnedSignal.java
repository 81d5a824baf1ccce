package org.sanshe.bot.core.port;

import java.util.Objects;
import java.util.Optional;

/**
 * A second, learned reading of a message for crisis: a sentence-embedding model and a small classifier trained on the
 * team's labelled development set, run in process (nothing leaves the server). It may raise a finding the rules missed
 * (to 留意, or to 紧急 above a high threshold); it never silences what the rules found. Off: {@link #OFF}, and the
 * service works on rules alone.
 */
public interface LearnedSignal {
    /**
     * The most probable crisis category of a message and the probability that it describes a present crisis; empty
     * when the signal is off, overloaded or timed out (the caller then decides on rules alone).
     *
     * @param normalised the message after {@code CrisisText} normalisation (simplified script, slang folded)
     */
    Optional<Reading> read(String normalised);

    LearnedSignal OFF = text -> Optional.empty();

    /**
     * @param category a crisis category code (SELF_HARM, …)
     * @param probability that the message describes a present crisis, 0–1
     */
    record Reading(String category, double probability) {
        public Reading {
            Objects.requireNonNull(category, "category");
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability out of [0, 1]: " + probability);
            }
        }
    }
}
