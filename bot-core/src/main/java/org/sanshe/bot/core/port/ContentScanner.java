package org.sanshe.bot.core.port;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Reads a message for crisis signs and rule breaches. Crisis and rule breach are two paths that never mix: a crisis
 * opens an escalation (紧急) or a private note to the group's social worker (留意) and is never answered in public.
 */
public interface ContentScanner {
    Scan scan(String text);

    /** Nothing found: the scanner of a deployment without lexicons. */
    ContentScanner NONE = text -> Scan.NOTHING;

    /** How soon a person must look at a crisis finding. */
    enum Urgency {
        /** 紧急: a card to the social workers at once, the acknowledgement chain, 无人接手 at its end. */
        URGENT,
        /** 留意: one private note to the group's social worker, no chain; it can be raised to 紧急. */
        WATCH;

        public boolean isUrgent() {
            return this == URGENT;
        }
    }

    /**
     * @param category a code such as SELF_HARM, MEDICAL_EMERGENCY, PRIVATE_INFO
     * @param severity 1–3, 3 the most urgent
     * @param urgency for a crisis finding: 紧急 or 留意 (a breach is always {@link Urgency#WATCH})
     * @param basis why, in Chinese, for the person who reads the card: the situation rule or term, and the frame that
     *     lowered it if any ({@code 中风征象：口角歪斜＋言语不清}); never the message itself
     */
    record Finding(String category, int severity, Urgency urgency, String basis) {
        public Finding {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(urgency, "urgency");
            basis = basis == null ? "" : basis;
        }

        /** A finding whose urgency follows its severity: 2 and 3 are 紧急, 1 is 留意. */
        public Finding(String category, int severity) {
            this(category, severity, severity >= 2 ? Urgency.URGENT : Urgency.WATCH, "");
        }

        /** 紧急 before 留意, then the more severe first; the list order stands for the rest. */
        public static final Comparator<Finding> MOST_URGENT_FIRST = Comparator.comparing(Finding::urgency)
                .thenComparing(Comparator.comparingInt(Finding::severity).reversed());
    }

    /** What a message holds: crisis findings (紧急 first, then most severe) and rule breaches. */
    record Scan(List<Finding> crisis, List<Finding> breaches) {
        public static final Scan NOTHING = new Scan(List.of(), List.of());

        public Scan {
            crisis = crisis.stream().sorted(Finding.MOST_URGENT_FIRST).toList();
            breaches = List.copyOf(breaches);
        }

        public boolean isCrisis() {
            return !crisis.isEmpty();
        }

        /** At least one crisis finding is 紧急. */
        public boolean isUrgent() {
            return !crisis.isEmpty() && crisis.get(0).urgency().isUrgent();
        }
    }
}
