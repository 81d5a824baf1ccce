package org.sanshe.bot.storage.contract;

import org.junit.jupiter.api.AfterAll;
import org.sanshe.bot.storage.support.RealServices;
import org.sanshe.bot.storage.support.StorageTestApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The household roster contract on a real MariaDB/MySQL server, in a fresh database (every migration, V8 included). */
@SpringBootTest(
        classes = StorageTestApplication.class,
        properties = {"bot.storage.data-key=" + StorageTestApplication.DATA_KEY, "bot.storage.coordination=local"})
class MariaDbHouseholdRosterIT extends HouseholdRosterContract {
    private static String url;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        url = RealServices.useFreshDatabase(registry, "sanshe_household_it");
    }

    @AfterAll
    static void drop() {
        if (url != null) {
            RealServices.dropDatabase(url);
        }
    }
}
