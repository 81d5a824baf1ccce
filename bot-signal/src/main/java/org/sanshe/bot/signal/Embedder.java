package org.sanshe.bot.signal;

/** Turns a text into a fixed-length vector. Implementations are safe to call from several threads. */
public interface Embedder {
    /** A vector of {@link #dimensions()} values. */
    float[] embed(String text);

    int dimensions();
}
