package org.sanshe.bot.core.directory;

import java.util.List;

/**
 * What a typed name resolved to: exactly one, several (ask which, never guess), near matches only (ask whether one of
 * them was meant), or nothing.
 */
public sealed interface Lookup<T> {
    record Found<T>(T value) implements Lookup<T> {}

    record Ambiguous<T>(List<T> candidates) implements Lookup<T> {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    record NearMatches<T>(List<T> candidates) implements Lookup<T> {
        public NearMatches {
            candidates = List.copyOf(candidates);
        }
    }

    record NotFound<T>() implements Lookup<T> {}
}
