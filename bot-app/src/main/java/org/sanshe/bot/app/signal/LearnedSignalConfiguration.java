package org.sanshe.bot.app.signal;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.sanshe.bot.app.config.BotProperties;
import org.sanshe.bot.core.port.LearnedSignal;
import org.sanshe.bot.signal.BgeSmallZhEmbedder;
import org.sanshe.bot.signal.BoundedLearnedSignal;
import org.sanshe.bot.signal.CrisisModel;
import org.sanshe.bot.signal.EmbeddingSignal;
import org.sanshe.bot.signal.NativeLibraries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The {@code learnedSignal} bean that crisis detection reads every message with, besides its rules. On by default;
 * {@code bot.crisis.learned.enabled=false} gives {@link LearnedSignal#OFF} (rules alone) and says so in the log. When on,
 * a model that cannot be loaded or does not fit stops the start with the reason: the service never runs believing it
 * has a second reading that it lacks.
 */
@Configuration(proxyBeanMethods = false)
public class LearnedSignalConfiguration {
    private static final Logger log = LoggerFactory.getLogger(LearnedSignalConfiguration.class);

    /** A fixed sentence read once at start: the first inference pays ONNX Runtime's lazy set-up, not a resident. */
    private static final String WARM_UP = "楼下的王大爷摔倒了起不来，打电话也没人接";

    @Bean
    LearnedSignal learnedSignal(BotProperties properties, ResourceLoader resources, MeterRegistry meters)
            throws Exception {
        BotProperties.Learned p = properties.crisis().learned();
        if (!p.enabled()) {
            log.info("learned crisis signal off (bot.crisis.learned.enabled=false): crisis detection reads messages"
                    + " with its rules alone");
            return LearnedSignal.OFF;
        }
        // checked before anything native is loaded: a model that does not fit fails in milliseconds, with its reason
        CrisisModel model = readModel(resources.getResource(p.modelFile()), p.modelFile())
                .requireDimensions(BgeSmallZhEmbedder.DIMENSIONS, "bot.crisis.learned.model-file " + p.modelFile());
        List<Path> unpackedInto = NativeLibraries.prepare();
        long start = System.nanoTime();
        BgeSmallZhEmbedder embedder = BgeSmallZhEmbedder.load(1);
        EmbeddingSignal signal;
        try {
            signal = new EmbeddingSignal(embedder, model, p.modelFile());
            signal.read(WARM_UP);
        } catch (RuntimeException e) {
            embedder.close();
            throw e;
        }
        long loadedMs = (System.nanoTime() - start) / 1_000_000;
        log.info(
                "learned crisis signal on: {}, {} dims; model {} ({}); loaded in {} ms; {} threads, queue {},"
                        + " timeout {} ms; native libraries unpacked into {}",
                BgeSmallZhEmbedder.MODEL_NAME,
                embedder.dimensions(),
                p.modelFile(),
                trainedLine(model),
                loadedMs,
                p.threads(),
                p.queue(),
                p.timeout().toMillis(),
                unpackedInto);
        return new BoundedLearnedSignal(signal, p.threads(), p.queue(), p.timeout(), meters);
    }

    private static CrisisModel readModel(Resource resource, String name) {
        try (InputStream in = resource.getInputStream()) {
            return CrisisModel.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new IllegalStateException("bot.crisis.learned.model-file: cannot read " + name + " (" + e.getMessage()
                    + "); train one with scripts/train-crisis-model.sh, or set bot.crisis.learned.enabled=false");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("bot.crisis.learned.model-file: " + e.getMessage(), e);
        }
    }

    private static String trainedLine(CrisisModel model) {
        return model.header().stream()
                .filter(line -> line.startsWith("trained:"))
                .findFirst()
                .orElse("no 'trained:' line in its header");
    }
}
