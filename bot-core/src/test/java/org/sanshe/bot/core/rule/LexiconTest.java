package org.sanshe.bot.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconTest {

    private static List<LexiconError> errorsOf(String tsv) {
        LexiconParse parse = Lexicon.parse("test.tsv", tsv);
        assertThat(parse).isInstanceOf(LexiconParse.Invalid.class);
        return ((LexiconParse.Invalid) parse).errors();
    }

    private static Lexicon parsed(String tsv) {
        return Lexicon.parse("test.tsv", tsv).orElseThrow();
    }

    @Test
    void readsTermsExceptionsCuesAndBreaksIgnoringCommentsAndBlankLines() {
        Lexicon lexicon = parsed("""
                # a comment
                不想活\tSELF_HARM\t3

                  # an indented comment
                想死你了\tEXCEPTION
                没有\tnegation
                但是\tBreak
                re:1[3-9][0-9]{9}\tPRIVATE_INFO\t2\t# a note for the next editor
                """);

        assertThat(lexicon.terms())
                .containsExactly(
                        new Term("不想活", Category.SELF_HARM, Severity.URGENT),
                        new Term("re:1[3-9][0-9]{9}", Category.PRIVATE_INFO, Severity.SERIOUS));
        assertThat(lexicon.exceptions()).containsExactly("想死你了");
        assertThat(lexicon.negationCues()).containsExactly("没有");
        assertThat(lexicon.breaks()).containsExactly("但是");
        assertThat(lexicon.patterns()).hasSize(1);
        assertThat(lexicon.literals()).hasSize(1);
    }

    @Test
    void aBadLineIsReportedWithItsFileAndLineNumber() {
        List<LexiconError> errors = errorsOf("不想活\tSELF_HARM\t3\n# fine\n想死\tSELFHARM\t3\n");

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("test.tsv");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.reason()).contains("unknown category 'SELFHARM'").contains("SELF_HARM");
            assertThat(e.toString()).startsWith("test.tsv:3: unknown category");
        });
    }

    @Test
    void everyBadLineIsReportedNotJustTheFirst() {
        List<LexiconError> errors = errorsOf("""
                想死\tSELF_HARM
                想死\tSELF_HARM\t4
                想死\tSELF_HARM\t3\textra
                re:(\tPRIVATE_INFO\t2
                re:x*\tPRIVATE_INFO\t2
                re:\\d+\tEXCEPTION
                 · \tSELF_HARM\t3
                没有\tNEGATION\t2
                \tSELF_HARM\t3
                想死 SELF_HARM 3
                """);

        assertThat(errors).extracting(LexiconError::line).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(errors)
                .extracting(LexiconError::reason)
                .satisfiesExactly(
                        r -> assertThat(r).contains("severity (1, 2 or 3) is missing"),
                        r -> assertThat(r).contains("severity must be 1, 2 or 3, not '4'"),
                        r -> assertThat(r).contains("too many columns"),
                        r -> assertThat(r).contains("bad regular expression"),
                        r -> assertThat(r).contains("matches the empty text"),
                        r -> assertThat(r).contains("only terms can be regular expressions"),
                        r -> assertThat(r).contains("nothing is left after normalising"),
                        r -> assertThat(r).contains("no severity"),
                        r -> assertThat(r).contains("the term) is empty"),
                        r -> assertThat(r).contains("no TAB"));
    }

    @Test
    void theSamePhraseTwiceForTheSamePurposeNamesTheFirstLine() {
        List<LexiconError> errors = errorsOf("跳楼\tSELF_HARM\t3\n跳 楼\tSELF_HARM\t2\n跳楼\tADVERTISING\t1\n");

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.reason()).isEqualTo("listed twice for SELF_HARM, first at test.tsv:1");
        });
    }

    @Test
    void orElseThrowListsEveryError() {
        assertThatThrownBy(
                        () -> Lexicon.parse("crisis.tsv", "a\tX\t1\nb\tY\t1\n").orElseThrow())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 bad line(s)")
                .hasMessageContaining("crisis.tsv:1:")
                .hasMessageContaining("crisis.tsv:2:");
    }

    @Test
    void acceptsWindowsLineEndsAndAByteOrderMark() {
        Lexicon lexicon = parsed("\uFEFF不想活\tSELF_HARM\t3\r\n想死\tSELF_HARM\t3\r\n");

        assertThat(lexicon.terms()).extracting(Term::text).containsExactly("不想活", "想死");
    }

    @Test
    void readsEveryTsvFileOfAFolderInNameOrder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.tsv"), "想死\tSELF_HARM\t3\n");
        Files.writeString(dir.resolve("a.tsv"), "不想活\tSELF_HARM\t3\n");
        Files.writeString(dir.resolve("notes.txt"), "not a lexicon");

        Lexicon lexicon = Lexicon.readFolder(dir).orElseThrow();

        assertThat(lexicon.terms()).extracting(Term::text).containsExactly("不想活", "想死");
    }

    @Test
    void aLineThatIsNotUtf8IsReportedOnItsOwnLine(@TempDir Path dir) throws IOException {
        byte[] gbk = "想死\tSELF_HARM\t3\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        byte[] utf8 = "不想活\tSELF_HARM\t3\n".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[utf8.length + gbk.length];
        System.arraycopy(utf8, 0, both, 0, utf8.length);
        System.arraycopy(gbk, 0, both, utf8.length, gbk.length);
        Files.write(dir.resolve("crisis.tsv"), both);

        LexiconParse parse = Lexicon.readFolder(dir);

        assertThat(((LexiconParse.Invalid) parse).errors()).singleElement().satisfies(e -> {
            assertThat(e.toString()).isEqualTo("crisis.tsv:2: not UTF-8 (save the file as UTF-8)");
        });
    }

    @Test
    void aMissingOrEmptyFolderIsAnErrorNotAnEmptyLexicon(@TempDir Path dir) {
        assertThat(Lexicon.readFolder(dir.resolve("nope"))).isInstanceOf(LexiconParse.Invalid.class);
        assertThat(Lexicon.readFolder(dir))
                .isInstanceOfSatisfying(
                        LexiconParse.Invalid.class,
                        i -> assertThat(i.errors().get(0).reason()).isEqualTo("no *.tsv lexicon files"));
    }

    @Test
    void theShippedFilesAreValidAndCoverEveryCategory() {
        assertThat(Lexicon.readFolder(Lexicons.FOLDER)).isInstanceOf(LexiconParse.Parsed.class);
        assertThat(Lexicons.REAL.terms()).extracting(Term::category).contains(Category.values());
        assertThat(Lexicons.REAL.patterns()).isNotEmpty().allMatch(t -> t.category() == Category.PRIVATE_INFO);
        assertThat(Lexicons.REAL.negationCues()).contains("没有", "差点").doesNotContain("不", "别", "不要");
    }

    @Test
    void everyShippedExceptionForACrisisTermReallyCoversOne() {
        // an exception that contains no term (nor cue) is dead weight, except the documented 死 hyperbole
        List<String> words = new java.util.ArrayList<>();
        Lexicons.REAL.literals().forEach(t -> words.add(ChatText.normalisePhrase(t.text())));
        Lexicons.REAL.negationCues().forEach(c -> words.add(ChatText.normalisePhrase(c)));
        for (String exception : Lexicons.REAL.exceptions()) {
            String e = ChatText.normalisePhrase(exception);
            boolean coversSomething = words.stream().anyMatch(w -> e.contains(w));
            if (!coversSomething) {
                assertThat(e).as("exception %s covers no term", exception).contains("死");
            }
        }
    }

    @Test
    void aTermMayNotBeBuiltEmptyOrBroken() {
        assertThatThrownBy(() -> new Term("  ", Category.SELF_HARM, Severity.URGENT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Term("re:[", Category.PRIVATE_INFO, Severity.URGENT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
