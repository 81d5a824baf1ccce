package org.sanshe.bot.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {
    @Test
    void aWritableFolderPasses(@TempDir Path dir) {
        assertThat(NativeLibraries.check(dir.resolve("djl"), "DJL", "set DJL_CACHE_DIR"))
                .isEmpty();
    }

    @Test
    void aFolderThatCannotBeCreatedIsNamedWithItsFix(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");

        assertThat(NativeLibraries.check(
                        file.resolve("djl"), "the tokenizer unpacks into " + file, "set DJL_CACHE_DIR"))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains("the tokenizer unpacks into " + file)
                        .contains("cannot be written")
                        .contains("set DJL_CACHE_DIR"));
    }
}
