package org.sanshe.bot.core.crisis;

import java.util.Objects;
import java.util.Set;
import org.sanshe.bot.core.port.ContentScanner.Urgency;
import org.sanshe.bot.core.rule.Category;

/**
 * One crisis category found in a message, with how urgent it is after frames.
 *
 * @param severity 1–3 as in the lexicon (a situation rule: 3 when 紧急, 1 when 留意)
 * @param basis why, in Chinese, for the social worker: the rule or term, and the frames that lowered it
 * @param source what found it
 * @param frames the frames that moved it to 留意 (empty when it kept its urgency)
 */
public record CrisisFinding(
        Category category, Urgency urgency, int severity, String basis, Source source, Set<Frame> frames) {
    public enum Source {
        /** a situation rule of situations.txt */
        SITUATION,
        /** a term of the crisis lexicon */
        TERM,
        /** the learned signal alone */
        LEARNED
    }

    public CrisisFinding {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(source, "source");
        frames = Set.copyOf(frames);
    }
}
