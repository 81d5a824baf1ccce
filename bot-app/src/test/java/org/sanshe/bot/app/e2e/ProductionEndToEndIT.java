package org.sanshe.bot.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.sanshe.bot.app.SansheBotApplication;
import org.sanshe.bot.app.support.WeComCallbacks;
import org.sanshe.bot.storage.support.RealServices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The end-to-end contract in the {@code prod} profile on real MariaDB (a fresh database) and Redis: Redisson backs the
 * rate limits and the WeCom access token.
 */
@ActiveProfiles("prod")
// one live service per JVM, as in production: its workers stop when the class is done
@DirtiesContext
@SpringBootTest(
        classes = SansheBotApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // a chain that climbs in seconds, not minutes (EndToEndContract checks that these took effect)
        properties = {
            "bot.escalation.ack-timeout=" + EndToEndContract.ACK_TIMEOUT,
            "bot.escalation.timer-poll=" + EndToEndContract.TIMER_POLL,
            // the tests share the configured admin: cards to them are checked one by one, not coalesced (that is
            // CoalescingTest, the storage contract and scripts/wecom-client/escalation.mjs)
            "bot.escalation.coalesce-window=PT0S"
        })
class ProductionEndToEndIT extends EndToEndContract {
    private static String url;

    @Autowired
    RedissonClient redisson;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RealServices.requireRedis();
        forgetCachedAccessToken();
        url = RealServices.useFreshDatabase(registry, "sanshe_e2e");
        for (String p : WeComCallbacks.properties(FAKE.baseUrl())) {
            String[] kv = p.split("=", 2);
            registry.add(kv[0], () -> kv[1]);
        }
        registry.add("spring.data.redis.host", () -> RealServices.REDIS_HOST);
        registry.add("spring.data.redis.port", () -> RealServices.REDIS_PORT);
    }

    /** Tokens are shared through Redis and outlive a run: start without one, so that fetching it is tested too. */
    private static void forgetCachedAccessToken() {
        var config = new org.redisson.config.Config();
        config.useSingleServer().setAddress(RealServices.redisAddress());
        RedissonClient client = org.redisson.Redisson.create(config);
        try {
            client.getKeys().deleteByPattern("sanshe:wecom*" + WeComCallbacks.CORP_ID + "*");
        } finally {
            client.shutdown();
        }
    }

    @AfterAll
    static void drop() {
        if (url != null) {
            RealServices.dropDatabase(url);
        }
    }

    @Test
    void keepsTheAccessTokenInRedisForEveryInstance() throws Exception {
        answersAPrivateAppMessageThroughTheRealClientsMessageSend();
        Iterable<String> tokenKeys =
                redisson.getKeys().getKeysByPattern("sanshe:wecom*" + WeComCallbacks.CORP_ID + "*");
        assertThat(tokenKeys).isNotEmpty();
        // idempotency keys stay in process (the inbox's unique key is the guarantee across instances): Redis is not
        // on the acknowledgement path, see StorageConfiguration
    }
}
