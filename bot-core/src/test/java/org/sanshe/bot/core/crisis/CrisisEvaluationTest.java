package org.sanshe.bot.core.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.crisis.CrisisEvaluation.Report;
import org.sanshe.bot.core.crisis.CrisisEvaluation.Row;
import org.sanshe.bot.core.crisis.CrisisEvaluation.Tally;

class CrisisEvaluationTest {
    private static final List<Row> FIRST = List.of(
            new Row("A1", true, "SELF_HARM", "present", "我不想活了，今晚就从楼上跳下去"),
            new Row("A2", false, "SELF_HARM", "media", "电视剧里有人跳楼了"),
            new Row("A3", false, "OTHER", "other", "今天天气真好"));
    private static final List<Row> SECOND = List.of(
            new Row("B1", true, "MEDICAL_EMERGENCY", "present", "我爸突然倒地不省人事，快叫救护车"),
            new Row("B2", true, "SELF_HARM", "present", "我真的撑不下去了"),
            new Row("B3", false, "OTHER", "other", "明天下午三点开会"));

    @Test
    void pooledReportsCountEachRowOnceAsIfReadTogether() {
        Report a = CrisisEvaluation.evaluate("a", CrisisFiles.DETECTOR, FIRST, true);
        Report b = CrisisEvaluation.evaluate("b", CrisisFiles.DETECTOR, SECOND, true);
        Report together = CrisisEvaluation.evaluate(
                "together",
                CrisisFiles.DETECTOR,
                java.util.stream.Stream.concat(FIRST.stream(), SECOND.stream()).toList(),
                true);

        Report pooled = CrisisEvaluation.pool("together", List.of(a, b));

        assertSame(pooled.crisis(), together.crisis());
        assertSame(pooled.harmless(), together.harmless());
        assertThat(pooled.crisisByCategory().keySet())
                .containsExactlyElementsOf(together.crisisByCategory().keySet());
        together.crisisByCategory()
                .forEach((k, t) -> assertSame(pooled.crisisByCategory().get(k), t));
        together.harmlessByCategory()
                .forEach((k, t) -> assertSame(pooled.harmlessByCategory().get(k), t));
        together.harmlessByFrame()
                .forEach((k, t) -> assertSame(pooled.harmlessByFrame().get(k), t));
        assertThat(pooled.misses()).containsExactlyElementsOf(together.misses());
        assertThat(CrisisEvaluation.markdown(pooled)).isEqualTo(CrisisEvaluation.markdown(together));
        assertThat(pooled.crisis().rows()).isEqualTo(3);
        assertThat(pooled.harmless().rows()).isEqualTo(3);
    }

    private static void assertSame(Tally actual, Tally expected) {
        assertThat(new int[] {actual.rows(), actual.urgent(), actual.watch()})
                .containsExactly(expected.rows(), expected.urgent(), expected.watch());
    }
}
