package org.sanshe.bot.core.crisis;

import java.util.List;
import org.sanshe.bot.core.port.ContentScanner;
import org.sanshe.bot.core.rule.Detection;

/**
 * The engine's {@link ContentScanner}: crisis findings from {@link CrisisDetector} (紧急 first), and the group-rule
 * breaches the lexicon finds in the same normalised text (traditional script and variant spellings included).
 */
public final class CrisisScanner implements ContentScanner {
    private final CrisisDetector detector;

    public CrisisScanner(CrisisDetector detector) {
        this.detector = detector;
    }

    public CrisisDetector detector() {
        return detector;
    }

    @Override
    public Scan scan(String text) {
        CrisisReading reading = detector.read(text);
        Detection lexical = reading.lexicon();
        if (reading.crises().isEmpty() && lexical.breaches().isEmpty()) {
            return Scan.NOTHING;
        }
        List<Finding> crises = reading.crises().stream()
                .map(f -> new Finding(f.category().name(), f.severity(), f.urgency(), f.basis()))
                .toList();
        List<Finding> breaches = lexical.breaches().stream()
                .map(f -> new Finding(f.category().name(), f.severity().level(), Urgency.WATCH, ""))
                .toList();
        return new Scan(crises, breaches);
    }

    @Override
    public String toString() {
        return detector.toString();
    }
}
