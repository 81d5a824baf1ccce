package org.sanshe.bot.core.rule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The words the bot watches for, as read from the lexicon files ({@code config/lexicon/*.tsv}, see their headers):
 *
 * <ul>
 *   <li>{@link #terms()}: literal phrases and {@code re:} patterns, each with a {@link Category} and a {@link Severity};
 *   <li>{@link #exceptions()}: phrases that contain a term without meaning it ({@code 想死你了} contains {@code 想死});
 *   <li>{@link #negationCues()}: words that deny what follows ({@code 没有}, {@code 差点});
 *   <li>{@link #breaks()}: words that end a negation's reach inside a clause ({@code 但是}, {@code 就是}).
 * </ul>
 *
 * Every entry is usable: a literal that normalises to nothing or a pattern that does not compile is refused here and,
 * with its line number, by {@link #parse}. How the entries are applied is {@link RuleMatcher}'s business.
 */
public record Lexicon(List<Term> terms, List<String> exceptions, List<String> negationCues, List<String> breaks) {

    public Lexicon {
        terms = List.copyOf(terms);
        exceptions = List.copyOf(exceptions);
        negationCues = List.copyOf(negationCues);
        breaks = List.copyOf(breaks);
        for (List<String> phrases : List.of(exceptions, negationCues, breaks)) {
            for (String phrase : phrases) {
                if (ChatText.normalisePhrase(phrase).isEmpty()) {
                    throw new IllegalArgumentException("phrase '" + phrase + "' is empty after normalising");
                }
            }
        }
    }

    /** Reads several files' texts (name → text, read in the map's order) as one lexicon: the packaged files. */
    public static LexiconParse parseAll(java.util.SortedMap<String, String> sources) {
        LexiconReader reader = new LexiconReader();
        sources.forEach(reader::read);
        return reader.result();
    }

    /** Reads one file's text; {@code source} names it in errors. */
    public static LexiconParse parse(String source, String text) {
        LexiconReader reader = new LexiconReader();
        reader.read(source, text);
        return reader.result();
    }

    /**
     * Reads every {@code *.tsv} file of a folder, in name order, as one lexicon. A missing folder, a folder without
     * lexicon files or a file that is not UTF-8 is reported like a bad line; only an I/O failure throws.
     */
    public static LexiconParse readFolder(Path folder) {
        Objects.requireNonNull(folder, "folder");
        LexiconReader reader = new LexiconReader();
        if (!Files.isDirectory(folder)) {
            reader.fileError(folder.toString(), "no such folder");
            return reader.result();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".tsv"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        if (files.isEmpty()) {
            reader.fileError(folder.toString(), "no *.tsv lexicon files");
            return reader.result();
        }
        for (Path file : files) {
            try {
                reader.read(file.getFileName().toString(), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return reader.result();
    }

    /** This lexicon with more terms (for a deployment's additions, or a benchmark's generated ones). */
    public Lexicon withTerms(List<Term> more) {
        List<Term> all = new ArrayList<>(terms);
        all.addAll(more);
        return new Lexicon(all, exceptions, negationCues, breaks);
    }

    public List<Term> literals() {
        return terms.stream().filter(t -> !t.isPattern()).toList();
    }

    public List<Term> patterns() {
        return terms.stream().filter(Term::isPattern).toList();
    }
}
