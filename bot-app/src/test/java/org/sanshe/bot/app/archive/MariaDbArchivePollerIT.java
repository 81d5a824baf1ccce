package org.sanshe.bot.app.archive;

import org.junit.jupiter.api.AfterAll;
import org.sanshe.bot.storage.support.RealServices;
import org.sanshe.bot.storage.support.StorageTestApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The archive feed over MariaDB/MySQL, in a fresh database made for this run. */
@SpringBootTest(
        classes = StorageTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "bot.storage.data-key=" + StorageTestApplication.DATA_KEY,
            "bot.storage.coordination=local",
            "bot.local.data-dir=${java.io.tmpdir}/sanshe-archivepoller-it"
        })
class MariaDbArchivePollerIT extends ArchivePollerContract {
    private static String url;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        url = RealServices.useFreshDatabase(registry, "sanshe_archive_poller_it");
    }

    @AfterAll
    static void drop() {
        if (url != null) {
            RealServices.dropDatabase(url);
        }
    }
}
