package org.sanshe.bot.app.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sanshe.bot.core.chat.ChatId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Loads {@code bot.households.files} at every start: each CSV, named after its group's chat id
 * ({@code wrDemoCustomer05.csv}), replaces that group's roster when it differs from the stored one (audited under
 * {@value #ACTOR}); an unchanged file writes nothing. A bad row stops the start with the file and every bad line named,
 * as a bad lexicon does: a half-read roster would make the report lie.
 */
final class HouseholdRosterFiles implements SmartLifecycle {
    static final String ACTOR = "system-config";
    private static final Logger log = LoggerFactory.getLogger(HouseholdRosterFiles.class);

    private final List<String> patterns;
    private final ResourcePatternResolver resources;
    private final HouseholdRosterImport importer;
    private volatile boolean running;

    HouseholdRosterFiles(List<String> patterns, ResourcePatternResolver resources, HouseholdRosterImport importer) {
        this.patterns = List.copyOf(patterns);
        this.resources = resources;
        this.importer = importer;
    }

    /** @return how many rosters were new or changed */
    int load() {
        int files = 0;
        int changed = 0;
        for (String pattern : patterns) {
            if (pattern.isBlank()) {
                continue;
            }
            Resource[] found;
            try {
                found = resources.getResources(pattern.strip());
            } catch (IOException e) {
                throw new IllegalStateException("bot.households.files: cannot list '" + pattern + "'", e);
            }
            for (Resource r : found) {
                String name = r.getFilename();
                if (name == null || !name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                    continue;
                }
                ChatId chat = ChatId.of(name.substring(0, name.length() - 4));
                String csv;
                try (InputStream in = r.getInputStream()) {
                    csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException("bot.households.files: cannot read " + name, e);
                }
                var result = importer.importCsv(chat, csv, ACTOR, "配置导入户数名册", true);
                if (!result.ok()) {
                    List<String> lines = new ArrayList<>(result.errors());
                    throw new IllegalStateException(
                            "bot.households.files: " + name + " was not imported: " + String.join("; ", lines));
                }
                files++;
                changed += result.changed() ? 1 : 0;
            }
        }
        log.info("household rosters: {} files, {} new or changed", files, changed);
        return changed;
    }

    @Override
    public void start() {
        load();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 190; // after the registry bootstrap, before the dispatcher
    }
}
