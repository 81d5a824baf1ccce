/**
 * The learned crisis signal ({@link org.sanshe.bot.core.port.LearnedSignal}), in process: a message is embedded by
 * BGE-small-zh v1.5 (quantized, ONNX Runtime; the model ships inside a Maven jar, nothing is fetched at run time) and
 * read by a multinomial logistic regression trained on the team's development set ({@code config/crisis/model.tsv},
 * written by {@code scripts/train-crisis-model.sh}).
 *
 * <p>{@link org.sanshe.bot.signal.EmbeddingSignal} is the reading itself, synchronous;
 * {@link org.sanshe.bot.signal.BoundedLearnedSignal} runs it on its own small pool so that the pipeline waits a bounded
 * time and never fails because of it. {@link org.sanshe.bot.signal.NativeDirectories} checks, before anything native
 * is loaded, that the folders the native libraries are unpacked into are writable.
 */
package org.sanshe.bot.signal;
