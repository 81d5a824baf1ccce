package org.sanshe.bot.core.crisis;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sanshe.bot.core.rule.Lexicon;
import org.sanshe.bot.core.rule.RuleMatcher;

/** The crisis files and lexicon deployers edit, read once for all tests: the tests check the real rules. */
final class CrisisFiles {
    static final Path CONFIG = findConfig();
    static final CrisisBook BOOK =
            CrisisBook.readFolder(CONFIG.resolve("crisis")).orElseThrow();
    static final Lexicon LEXICON = Lexicon.readFolder(CONFIG.resolve("lexicon")).orElseThrow();
    static final CrisisDetector DETECTOR = CrisisDetector.build(BOOK, RuleMatcher.compile(LEXICON));

    private CrisisFiles() {}

    private static Path findConfig() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("config");
            if (Files.isDirectory(candidate.resolve("crisis"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "config/crisis not found above " + Path.of("").toAbsolutePath());
    }

    static CrisisReading read(String message) {
        return DETECTOR.read(message);
    }
}
