package org.sanshe.bot.core.port;

import java.util.List;
import java.util.Objects;

/**
 * Reads a message for crisis signs and rule breaches (lexicons in {@code config/lexicon/}). Crisis and rule breach are
 * two paths that never mix: a crisis opens an escalation and is never answered in public.
 */
public interface ContentScanner {
    Scan scan(String text);

    /** Nothing found: the scanner of a deployment without lexicons. */
    ContentScanner NONE = text -> Scan.NOTHING;

    /**
     * @param category a code such as SELF_HARM, MEDICAL_EMERGENCY, PRIVATE_INFO
     * @param severity 1–3, 3 the most urgent
     */
    record Finding(String category, int severity) {
        public Finding {
            Objects.requireNonNull(category, "category");
        }
    }

    /** What a message holds: crisis findings (most severe first) and rule breaches. */
    record Scan(List<Finding> crisis, List<Finding> breaches) {
        public static final Scan NOTHING = new Scan(List.of(), List.of());

        public Scan {
            crisis = List.copyOf(crisis);
            breaches = List.copyOf(breaches);
        }

        public boolean isCrisis() {
            return !crisis.isEmpty();
        }
    }
}
