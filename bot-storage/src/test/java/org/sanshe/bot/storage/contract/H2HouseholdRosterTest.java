package org.sanshe.bot.storage.contract;

import org.sanshe.bot.storage.support.StorageTestApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** The household roster contract on H2 in MySQL mode: the embedded default. */
@SpringBootTest(
        classes = StorageTestApplication.class,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:householdroster;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
            "bot.storage.data-key=" + StorageTestApplication.DATA_KEY,
            "bot.storage.coordination=local"
        })
class H2HouseholdRosterTest extends HouseholdRosterContract {}
