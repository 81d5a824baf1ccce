package org.sanshe.bot.core.rule;

import java.nio.file.Files;
import java.nio.file.Path;

/** The lexicon files deployers edit, read once for all tests: the tests check the real words, not a copy of them. */
final class Lexicons {
    static final Path FOLDER = findFolder();
    static final Lexicon REAL = Lexicon.readFolder(FOLDER).orElseThrow();
    static final RuleMatcher MATCHER = RuleMatcher.compile(REAL);

    private Lexicons() {}

    /** {@code config/lexicon} of the repository, from whichever module folder the tests run in. */
    private static Path findFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("config").resolve("lexicon");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "config/lexicon not found above " + Path.of("").toAbsolutePath());
    }

    static Detection detect(String message) {
        return MATCHER.detect(message);
    }

    /** A small lexicon written inline, for tests of one rule at a time. */
    static RuleMatcher matcherOf(String tsv) {
        return RuleMatcher.compile(Lexicon.parse("test.tsv", tsv).orElseThrow());
    }
}
