package org.sanshe.bot.core.crisis;

import java.util.Objects;

/**
 * A line of a crisis file ({@code config/crisis/}) that cannot be used, and why; {@code line} 0 is the file as a whole.
 * Reads like a compiler message: {@code situations.txt:40: 未知的概念 '口角歪'}.
 */
public record BookError(String source, int line, String reason) {
    public BookError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return (line == 0 ? source : source + ":" + line) + ": " + reason;
    }
}
