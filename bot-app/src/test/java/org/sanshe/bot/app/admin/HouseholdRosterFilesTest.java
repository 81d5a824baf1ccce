package org.sanshe.bot.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.nickname.Household;
import org.sanshe.bot.core.text.Texts;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The roster files of {@code bot.households.files}: the demo roster that the local profile loads
 * ({@code config/households/wrDemoCustomer05.csv}) is read, an unchanged file is not written again, a bad file stops
 * the start with its lines named.
 */
class HouseholdRosterFilesTest {
    private final Map<ChatId, List<Household>> stored = new HashMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final HouseholdRosterImport importer = new HouseholdRosterImport(
            chat -> stored.getOrDefault(chat, List.of()),
            (change, entry) -> {
                stored.put(change.chat(), change.households());
                audit.add(entry);
            },
            Texts.chinese(),
            Clock.systemUTC());

    private HouseholdRosterFiles files(String... patterns) {
        return new HouseholdRosterFiles(List.of(patterns), new PathMatchingResourcePatternResolver(), importer);
    }

    @Test
    void loadsTheDemoRosterOnceAndAgainOnlyWhenItChanged() {
        var files = files("classpath*:households/*.csv");

        assertThat(files.load()).isEqualTo(1);
        List<Household> demo = stored.get(ChatId.of("wrDemoCustomer05"));
        assertThat(demo).hasSize(12).allSatisfy(h -> assertThat(h.building()).isEqualTo("5"));
        assertThat(demo).contains(new Household("5", "", "501"), new Household("5", "", "602"));
        assertThat(audit)
                .singleElement()
                .satisfies(e -> assertThat(e.actor().value()).isEqualTo("system-config"));

        assertThat(files.load())
                .as("unchanged: nothing written, nothing audited")
                .isZero();
        assertThat(audit).hasSize(1);
    }

    @Test
    void theLocalProfileLoadsTheDemoRoster() throws Exception {
        String local = new String(
                new org.springframework.core.io.ClassPathResource("application-local.yml")
                        .getInputStream()
                        .readAllBytes(),
                StandardCharsets.UTF_8);

        assertThat(local).contains("households:", "classpath*:households/*.csv");
    }

    @Test
    void stopsTheStartOnABadFileNamingItsLines(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("wrBad01.csv"), "楼栋,房号\n5,101\n5,\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> files("file:" + dir + "/*.csv").load())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrBad01.csv")
                .hasMessageContaining("第 3 行");
        assertThat(stored).isEmpty();
    }
}
