package org.sanshe.bot.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.port.LearnedSignal.Reading;

/**
 * The real embedding model (from the langchain4j jar, no network) and the committed {@code config/crisis/model.tsv},
 * loaded once for the class: about a second.
 */
class BgeSmallZhSignalTest {
    private static BgeSmallZhEmbedder embedder;
    private static EmbeddingSignal signal;

    @BeforeAll
    static void load() throws IOException {
        NativeLibraries.prepare();
        embedder = BgeSmallZhEmbedder.load(1);
        try (InputStream in = BgeSmallZhSignalTest.class.getResourceAsStream("/crisis/model.tsv")) {
            assertThat(in).as("config/crisis/model.tsv on the test class path").isNotNull();
            CrisisModel model = CrisisModel.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "model.tsv");
            signal = new EmbeddingSignal(embedder, model, "config/crisis/model.tsv");
        }
    }

    @AfterAll
    static void close() throws Exception {
        signal.close();
    }

    @Test
    void theEmbeddingHas512DimensionsOfUnitLength() {
        float[] v = embedder.embed("楼下的王大爷摔倒了起不来");

        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertThat(v).hasSize(512);
        assertThat(embedder.dimensions()).isEqualTo(512);
        assertThat(Math.sqrt(norm)).isBetween(0.999, 1.001);
    }

    @Test
    void theCommittedModelFitsTheEmbedderAndTheDetectorsClasses() {
        assertThat(signal.model().dimensions()).isEqualTo(BgeSmallZhEmbedder.DIMENSIONS);
        assertThat(signal.model().classes()).containsAll(CrisisModel.CATEGORIES);
        assertThat(signal.model().classes())
                .filteredOn(c -> !CrisisModel.CATEGORIES.contains(c))
                .isNotEmpty()
                .allMatch(CrisisModel::isHarmless);
    }

    @Test
    void aClearCrisisScoresAboveClearlyHarmlessChat() {
        Reading crisis = signal.read("我不想活了，药已经攒够了，今晚就全吃下去").orElseThrow();
        Reading harmless = signal.read("明天上午九点社区活动室有健康讲座，欢迎大家参加").orElseThrow();

        assertThat(crisis.probability()).isGreaterThan(harmless.probability());
        assertThat(crisis.probability()).isGreaterThan(0.5);
        assertThat(harmless.probability()).isLessThan(0.5);
        assertThat(crisis.category()).isEqualTo("SELF_HARM");
    }

    @Test
    void anEmptyMessageHasNoReading() {
        assertThat(signal.read("  ")).isEmpty();
        // the callback fuzz test found these: Java's isBlank keeps them, the embedding model refuses them
        assertThat(signal.read("\u0001\u0002\u001f")).isEmpty();
        assertThat(signal.read(",。!?")).isEmpty();
        assertThat(signal.read("我")).isPresent();
    }
}
