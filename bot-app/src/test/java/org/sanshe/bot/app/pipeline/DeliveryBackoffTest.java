package org.sanshe.bot.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.app.config.BotProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** How long the outbox keeps trying before it gives a message up: the packaged settings against a WeCom outage. */
class DeliveryBackoffTest {

    private static int packagedMaxDeliveryAttempts() throws Exception {
        var env = new StandardEnvironment();
        for (var source : new YamlPropertySourceLoader().load("packaged", new ClassPathResource("application.yml"))) {
            env.getPropertySources().addLast(source);
        }
        return Binder.get(env)
                .bindOrCreate("bot.pipeline", BotProperties.Pipeline.class)
                .maxDeliveryAttempts();
    }

    @Test
    void thePackagedAttemptsOutlastHalfAnHourOfWeComOutageEvenWithTheShortestJitter() throws Exception {
        int attempts = packagedMaxDeliveryAttempts();

        assertThat(DeliveryWorker.shortestRetrySpan(attempts)).isGreaterThanOrEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theDefaultWithoutTheConfigFileIsTheSame() throws Exception {
        var defaults = Binder.get(new StandardEnvironment())
                .bindOrCreate("bot.pipeline", BotProperties.Pipeline.class)
                .maxDeliveryAttempts();

        assertThat(defaults).isEqualTo(packagedMaxDeliveryAttempts());
    }

    @Test
    void noBackoffIsShorterThanItsShortest() {
        for (int attempt = 1; attempt <= 30; attempt++) {
            for (int i = 0; i < 200; i++) {
                assertThat(DeliveryWorker.backoff(attempt))
                        .isGreaterThanOrEqualTo(DeliveryWorker.shortestBackoff(attempt));
            }
        }
    }
}
