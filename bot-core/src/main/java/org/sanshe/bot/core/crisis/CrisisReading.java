package org.sanshe.bot.core.crisis;

import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.port.ContentScanner.Urgency;
import org.sanshe.bot.core.rule.Detection;

/**
 * What crisis detection made of one message.
 *
 * @param normalised the text as the detector read it (simplified, folded, variants read): what feedback stores
 * @param crises one finding per category, 紧急 first, then by severity and the category's priority
 * @param situations the names of every situation rule that fired, before frames (for evaluation and tests)
 * @param lexicon the lexicon's own detection of the normalised text (its breaches are the group-rule path's)
 */
public record CrisisReading(String normalised, List<CrisisFinding> crises, List<String> situations, Detection lexicon) {
    public CrisisReading {
        crises = List.copyOf(crises);
        situations = List.copyOf(situations);
    }

    public Optional<CrisisFinding> top() {
        return crises.stream().findFirst();
    }

    /** 紧急, 留意, or empty when nothing was found. */
    public Optional<Urgency> urgency() {
        return top().map(CrisisFinding::urgency);
    }
}
