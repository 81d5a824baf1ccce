package org.sanshe.bot.core.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.port.ContentScanner.Urgency;
import org.sanshe.bot.core.port.LearnedSignal;
import org.sanshe.bot.core.rule.Category;

/** What the learned signal's own finding becomes, by the frame cues of the message (packaged files). */
class LearnedFindingTest {
    /** A model that reads every message as a likely self-harm crisis. */
    private static final LearnedSignal SURE = text -> Optional.of(new LearnedSignal.Reading("SELF_HARM", 0.97));

    private static final CrisisDetector DETECTOR = CrisisFiles.DETECTOR.withLearned(SURE, 0.8, 0.8, 0.4);

    private static CrisisFinding top(String message) {
        return DETECTOR.read(message).top().orElseThrow(() -> new AssertionError("nothing found in " + message));
    }

    @Test
    void aNegationElsewhereInTheMessageDoesNotHoldTheModelsFindingAtWatch() {
        // the rules find nothing here; 没 is a negation cue, and the model reads negation itself
        assertThat(CrisisFiles.read("谢谢大家这些年，我没什么要说的了，东西都收拾好了").urgency()).isEmpty();
        CrisisFinding f = top("谢谢大家这些年，我没什么要说的了，东西都收拾好了");
        assertThat(f.source()).isEqualTo(CrisisFinding.Source.LEARNED);
        assertThat(f.category()).isEqualTo(Category.SELF_HARM);
        assertThat(f.urgency()).isEqualTo(Urgency.URGENT);
    }

    @Test
    void anyOtherFrameCueHoldsTheModelsFindingAtWatch() {
        assertThat(top("电视剧里她说谢谢大家这些年，东西都收拾好了").urgency()).isEqualTo(Urgency.WATCH);
        assertThat(top("去年我说过谢谢大家这些年，东西都收拾好了").urgency()).isEqualTo(Urgency.WATCH);
    }
}
