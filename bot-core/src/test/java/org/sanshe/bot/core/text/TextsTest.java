package org.sanshe.bot.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.builtin.BuiltinCommands;

class TextsTest {
    private static final String CHINESE = "/org/sanshe/bot/core/messages_zh_CN.properties";
    private static final String ENGLISH = "/org/sanshe/bot/core/messages.properties";
    private static final Path MAIN_SOURCES = Path.of("src/main/java");
    private static final Pattern TEXT_KEY_LITERAL = Pattern.compile(
            "\"((?:guard|command|app|audit|lookup|target|group|channel|nickname|household)\\.[A-Za-z0-9_.]+)\"");

    /** Properties files are UTF-8 for ResourceBundle since Java 9; Properties.load(InputStream) would read Latin-1. */
    private static Properties load(String resource) {
        try (InputStream in = TextsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> keysOf(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }

    /** Every text key written as a literal in the main code, plus the help, usage and example keys of each command. */
    private static Set<String> keysUsedByTheCode() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = TEXT_KEY_LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) { // a prefix the code completes, e.g. "channel." + name
                        keys.add(m.group(1));
                    }
                }
            }
        }
        for (Command c : BuiltinCommands.all()) {
            keys.add(c.spec().helpKey());
            keys.add(c.spec().usageKey());
            keys.add(c.spec().exampleKey());
            for (var sub : c.spec().subcommands()) {
                keys.add(c.spec().helpKey(sub));
                keys.add(c.spec().usageKey(sub));
                keys.add(c.spec().exampleKey(sub));
            }
        }
        return keys;
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        assertThat(keysOf(load(CHINESE))).isEqualTo(keysOf(load(ENGLISH)));
    }

    @Test
    void everyKeyTheCodeUsesExistsInBothBundles() throws IOException {
        Set<String> used = keysUsedByTheCode();
        // the scan must find the keys it is meant to find, or this test would pass on nothing
        assertThat(used)
                .contains(
                        "guard.notCommand",
                        "guard.scope.groupOnly",
                        "command.whoami.reply",
                        "command.help.help",
                        "command.role.grant.usage",
                        "lookup.member.ambiguous",
                        "audit.role.granted");

        assertThat(keysOf(load(CHINESE))).containsAll(used);
        assertThat(keysOf(load(ENGLISH))).containsAll(used);
        for (String key : used) {
            assertThat(Texts.chinese().has(key)).as(key).isTrue();
            assertThat(Texts.english().has(key)).as(key).isTrue();
        }
    }

    @Test
    void everyChineseTextIsReallyChinese() {
        Properties chinese = load(CHINESE);
        Properties english = load(ENGLISH);

        for (String key : chinese.stringPropertyNames()) {
            assertThat(chinese.getProperty(key)).as(key).isNotBlank().isNotEqualTo(english.getProperty(key));
        }
    }

    @Test
    void everyPlaceholderSurvivesFormatting() {
        Pattern placeholder = Pattern.compile("\\{(\\d)}");
        for (String resource : new String[] {CHINESE, ENGLISH}) {
            Properties p = load(resource);
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                Matcher m = placeholder.matcher(pattern);
                Object[] args = {"«0»", "«1»", "«2»", "«3»", "«4»", "«5»", "«6»", "«7»", "«8»", "«9»"};
                String formatted = new MessageFormat(pattern).format(args);
                while (m.find()) {
                    // a stray apostrophe would quote the placeholder away
                    assertThat(formatted).as(resource + " " + key).contains("«" + m.group(1) + "»");
                }
            }
        }
    }

    @Test
    void placeholdersMatchBetweenLanguages() {
        Pattern placeholder = Pattern.compile("\\{\\d}");
        Properties chinese = load(CHINESE);
        Properties english = load(ENGLISH);
        for (String key : chinese.stringPropertyNames()) {
            assertThat(placeholders(placeholder, english.getProperty(key)))
                    .as(key)
                    .isEqualTo(placeholders(placeholder, chinese.getProperty(key)));
        }
    }

    private static Set<String> placeholders(Pattern placeholder, String text) {
        Set<String> found = new TreeSet<>();
        if (text != null) {
            Matcher m = placeholder.matcher(text);
            while (m.find()) {
                found.add(m.group());
            }
        }
        return found;
    }

    @Test
    void aMissingKeyThrowsNamingTheKey() {
        assertThatThrownBy(() -> Texts.chinese().get("command.nosuch.help"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("command.nosuch.help");
        assertThatThrownBy(() -> Texts.english().get("command.nosuch.help", "x"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Texts.chinese().has("command.nosuch.help")).isFalse();
    }

    @Test
    void speaksChineseFirstAndEnglishOnRequest() {
        assertThat(Texts.chinese().get("command.whoami.private")).isEqualTo("与我的私聊");
        assertThat(Texts.english().get("command.whoami.private")).isEqualTo("a private chat with me");
    }

    @Test
    void fillsInArguments() {
        assertThat(Texts.chinese().get("guard.role", "/点名", "社工")).isEqualTo("只有社工可以使用 /点名。如需权限，请联系群管理员。");
        assertThat(Texts.english().get("guard.role", "/rollcall", "social worker"))
                .isEqualTo("Only a social worker can use /rollcall. Ask the group administrator for the role.");
    }

    @Test
    void returnsATextWithoutArgumentsAsWritten() {
        assertThat(Texts.chinese().get("command.help.header")).isEqualTo("您在这里可以使用的命令：");
    }
}
