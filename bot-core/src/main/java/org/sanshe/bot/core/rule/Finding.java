package org.sanshe.bot.core.rule;

import java.util.List;
import java.util.Objects;

/**
 * One category found in a message: the highest severity among its matches, and the matches in text order. A category
 * appears at most once per {@link Detection}.
 */
public record Finding(Category category, Severity severity, List<Match> matches) {
    public Finding {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        matches = List.copyOf(matches);
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("a finding needs at least one match");
        }
    }
}
