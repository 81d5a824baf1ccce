package org.sanshe.bot.signal;

import ai.djl.util.Utils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedding model runs native code that is unpacked from the jars at the first load: ONNX Runtime's library into
 * {@code java.io.tmpdir}, the Hugging Face tokenizer's (DJL) into DJL's cache ({@code DJL_CACHE_DIR}, default
 * {@code ~/.djl.ai}; {@code ENGINE_CACHE_DIR} overrides it). A folder that cannot be written shows up later as an
 * obscure {@code UnsatisfiedLinkError}; {@link #prepare()} checks both first and names what to change.
 *
 * <p>It also puts DJL in offline mode: the tokenizer library must come from the jar, never from a download (DJL would
 * otherwise fetch a CUDA build of it on a machine where it finds CUDA).
 */
public final class NativeLibraries {
    private NativeLibraries() {}

    /**
     * @return the two folders, for the start-up log
     * @throws IllegalStateException naming every folder that cannot be written and the setting that moves it
     */
    public static List<Path> prepare() {
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path djl = Utils.getEngineCacheDir("tokenizers");
        List<String> problems = new ArrayList<>();
        check(
                        tmp,
                        "ONNX Runtime unpacks its native library into java.io.tmpdir (" + tmp + ")",
                        "start java with -Djava.io.tmpdir=<a writable folder that allows executing files>")
                .ifPresent(problems::add);
        check(
                        djl,
                        "the tokenizer (DJL) unpacks its native library into " + djl,
                        "set DJL_CACHE_DIR=<a writable folder> (default ~/.djl.ai)")
                .ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the learned crisis signal cannot load its native libraries: "
                    + String.join("; ", problems)
                    + " (or set bot.crisis.learned.enabled=false to run on the rules alone)");
        }
        return List.of(tmp, djl);
    }

    static Optional<String> check(Path dir, String what, String fix) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".sanshe-write-check", ".tmp");
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of(what + ", which cannot be written (" + e + "): " + fix);
        }
    }
}
