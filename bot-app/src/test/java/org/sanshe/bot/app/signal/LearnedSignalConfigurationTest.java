package org.sanshe.bot.app.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanshe.bot.app.config.BotProperties;
import org.sanshe.bot.core.port.LearnedSignal;
import org.sanshe.bot.signal.BoundedLearnedSignal;
import org.sanshe.bot.signal.CrisisModel;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The learned signal at start: off by a setting, on with the packaged model, and a model that does not fit stops the
 * start with its reason.
 */
class LearnedSignalConfigurationTest {
    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Settings.class, LearnedSignalConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BotProperties.class)
    static class Settings {
        @Bean
        MeterRegistry meters() {
            return new SimpleMeterRegistry();
        }
    }

    @Test
    void offBySettingGivesTheRulesAlone() {
        context.withPropertyValues("bot.crisis.learned.enabled=false")
                .run(c -> assertThat(c).hasNotFailed().getBean("learnedSignal").isSameAs(LearnedSignal.OFF));
    }

    @Test
    void onByDefaultWithThePackagedModelReadingOffThePipelinesThread() {
        context.run(c -> {
            assertThat(c).hasNotFailed();
            LearnedSignal signal = c.getBean("learnedSignal", LearnedSignal.class);

            assertThat(signal).isInstanceOf(BoundedLearnedSignal.class);
            assertThat(signal.read("我不想活了，药已经攒够了，今晚就全吃下去"))
                    .hasValueSatisfying(r -> assertThat(r.probability()).isGreaterThan(0.5));
        });
    }

    @Test
    void aModelForAnotherEmbeddingModelStopsTheStart(@TempDir Path dir) throws Exception {
        Path model = Files.writeString(dir.resolve("model.tsv"), modelOf(4));

        context.withPropertyValues("bot.crisis.learned.model-file=file:" + model)
                .run(c -> assertThat(c)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bot.crisis.learned.model-file")
                        .hasMessageContaining("4 dimensions")
                        .hasMessageContaining("512"));
    }

    @Test
    void aModelWithoutEveryCategoryStopsTheStart(@TempDir Path dir) throws Exception {
        String text = modelOf(512).replaceAll("(?m)^CHILD_PROTECTION\t.*\n", "");
        Path model = Files.writeString(dir.resolve("model.tsv"), text);

        context.withPropertyValues("bot.crisis.learned.model-file=file:" + model)
                .run(c -> assertThat(c)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("no row for [CHILD_PROTECTION]"));
    }

    @Test
    void aMissingModelFileStopsTheStart() {
        context.withPropertyValues("bot.crisis.learned.model-file=file:/nonexistent/model.tsv")
                .run(c -> assertThat(c)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("cannot read file:/nonexistent/model.tsv")
                        .hasMessageContaining("bot.crisis.learned.enabled=false"));
    }

    private static String modelOf(int dims) {
        StringBuilder out = new StringBuilder(
                "# a test model\n# dims: " + dims + "\n# classes: " + String.join(",", CrisisModel.CLASSES) + "\n");
        for (String c : CrisisModel.CLASSES) {
            out.append(c).append("\t0");
            out.append("\t0".repeat(dims));
            out.append('\n');
        }
        return out.toString();
    }
}
