package org.sanshe.bot.signal;

import java.util.Optional;
import org.sanshe.bot.core.port.LearnedSignal;

/**
 * The learned reading itself, on the caller's thread: embed, then classify. Several milliseconds of CPU per message;
 * the pipeline reaches it through {@link BoundedLearnedSignal}, which bounds the wait.
 */
public final class EmbeddingSignal implements LearnedSignal, AutoCloseable {
    private final Embedder embedder;
    private final CrisisModel model;

    /** @throws IllegalStateException when the model was trained for vectors of another size */
    public EmbeddingSignal(Embedder embedder, CrisisModel model, String modelSource) {
        this.embedder = embedder;
        this.model = model.requireDimensions(embedder.dimensions(), modelSource);
    }

    @Override
    public Optional<Reading> read(String normalised) {
        if (normalised == null || normalised.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return Optional
                    .empty(); // nothing to read (the model refuses text that trims to nothing: control characters)
        }
        return Optional.of(model.read(embedder.embed(normalised)));
    }

    public CrisisModel model() {
        return model;
    }

    @Override
    public void close() throws Exception {
        if (embedder instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
