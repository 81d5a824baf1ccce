package org.sanshe.bot.app.archive;

import org.sanshe.bot.storage.support.StorageTestApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** The archive feed over the embedded default's storage: H2 in MySQL mode. */
@SpringBootTest(
        classes = StorageTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:archivepoller;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
            "bot.storage.data-key=" + StorageTestApplication.DATA_KEY,
            "bot.storage.coordination=local",
            "bot.local.data-dir=${java.io.tmpdir}/sanshe-archivepoller-test"
        })
class H2ArchivePollerTest extends ArchivePollerContract {}
