package org.sanshe.bot.storage.contract;

import org.junit.jupiter.api.AfterAll;
import org.sanshe.bot.storage.support.RealServices;
import org.sanshe.bot.storage.support.StorageTestApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The archive cursor contract on a real MariaDB/MySQL server, in a fresh database (every migration, V6 included). */
@SpringBootTest(
        classes = StorageTestApplication.class,
        properties = {"bot.storage.data-key=" + StorageTestApplication.DATA_KEY, "bot.storage.coordination=local"})
class MariaDbArchiveCursorIT extends ArchiveCursorContract {
    private static String url;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        url = RealServices.useFreshDatabase(registry, "sanshe_archive_it");
    }

    @AfterAll
    static void drop() {
        if (url != null) {
            RealServices.dropDatabase(url);
        }
    }
}
