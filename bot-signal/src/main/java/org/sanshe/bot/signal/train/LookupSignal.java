package org.sanshe.bot.signal.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sanshe.bot.core.crisis.CrisisDetector;
import org.sanshe.bot.core.port.LearnedSignal;

/**
 * A learned signal whose readings were computed beforehand (by a model that never saw these messages: leave one set
 * out), looked up by the text the detector hands over. The keys are taken from the detector itself ({@link #keyOf}: a
 * signal that records what it is asked), so they are what {@link CrisisDetector#read} passes, whatever its
 * normalisation does. A text the detector passes that was not given a reading is an error, never a silent "no
 * reading".
 */
final class LookupSignal implements LearnedSignal {
    private final Map<String, Reading> readings;

    private LookupSignal(Map<String, Reading> readings) {
        this.readings = Map.copyOf(readings);
    }

    /**
     * @param rules the detector to be evaluated (its rules; its own learned signal, if any, is replaced)
     * @param texts messages as they arrive
     * @param readings the reading of each of {@code texts}, in the same order
     * @throws IllegalArgumentException when two texts the detector reads alike were given different readings
     */
    static LookupSignal of(CrisisDetector rules, List<String> texts, List<Reading> readings) {
        if (texts.size() != readings.size()) {
            throw new IllegalArgumentException(texts.size() + " texts, " + readings.size() + " readings");
        }
        Keys keys = new Keys(rules);
        Map<String, Reading> byKey = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            Optional<String> key = keys.of(texts.get(i));
            if (key.isEmpty()) {
                continue; // the detector never asks the signal about this message, whatever the thresholds
            }
            Reading reading = Objects.requireNonNull(readings.get(i), "reading");
            Reading before = byKey.putIfAbsent(key.get(), reading);
            if (before != null && !before.equals(reading)) {
                throw new IllegalArgumentException("two texts read alike by the detector have different readings: "
                        + before + " and " + reading + " (message " + (i + 1) + ")");
            }
        }
        return new LookupSignal(byKey);
    }

    /**
     * What a detector hands the learned signal for a text: its own rules with a signal that records what it is asked.
     * Every threshold is 1, so the detector asks wherever some thresholds would make it ask: to raise what the rules did
     * not find at 紧急, or to doubt a situation rule's 紧急. One thread at a time.
     */
    static final class Keys {
        private final CrisisDetector recording;
        private String asked;
        private int calls;

        Keys(CrisisDetector rules) {
            this.recording = rules.withLearned(
                    normalised -> {
                        asked = normalised;
                        calls++;
                        return Optional.empty();
                    },
                    1,
                    1,
                    1);
        }

        /** The text handed over, or empty when the detector would not ask (an explicit term found 紧急, or no text). */
        Optional<String> of(String text) {
            asked = null;
            calls = 0;
            recording.read(text);
            if (calls > 1) {
                throw new IllegalStateException(
                        "the detector asked the learned signal " + calls + " times for one text");
            }
            return Optional.ofNullable(asked);
        }
    }

    int size() {
        return readings.size();
    }

    @Override
    public Optional<Reading> read(String normalised) {
        Reading r = readings.get(normalised);
        if (r == null) {
            // the text is not shown: this may be a held-out message
            throw new IllegalStateException("no reading for a text of " + normalised.length()
                    + " characters the detector passed (keys computed another way?)");
        }
        return Optional.of(r);
    }
}
