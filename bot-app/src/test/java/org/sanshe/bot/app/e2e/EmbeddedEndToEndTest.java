package org.sanshe.bot.app.e2e;

import org.sanshe.bot.app.SansheBotApplication;
import org.sanshe.bot.app.support.WeComCallbacks;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The end-to-end contract on the embedded default: H2 and in-process coordination. */
// one live service per JVM, as in production: its workers stop when the class is done
@DirtiesContext
@SpringBootTest(
        classes = SansheBotApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // visible to the start-up environment, unlike a dynamic property: the generated secrets go there too
        properties = {
            "bot.local.data-dir=${java.io.tmpdir}/sanshe-e2e-test-${random.uuid}",
            // a chain that climbs in seconds, not minutes (EndToEndContract checks that these took effect)
            "bot.escalation.ack-timeout=" + EndToEndContract.ACK_TIMEOUT,
            "bot.escalation.timer-poll=" + EndToEndContract.TIMER_POLL,
            // the tests share the configured admin: cards to them are checked one by one, not coalesced (that is
            // CoalescingTest, the storage contract and scripts/wecom-client/escalation.mjs)
            "bot.escalation.coalesce-window=PT0S"
        })
class EmbeddedEndToEndTest extends EndToEndContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        for (String p : WeComCallbacks.properties(FAKE.baseUrl())) {
            String[] kv = p.split("=", 2);
            registry.add(kv[0], () -> kv[1]);
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "sanshe-e2e-test"));
        registry.add("bot.local.seed-demo", () -> "false");
    }
}
