package org.sanshe.bot.storage.support;

import java.time.Instant;
import org.sanshe.bot.storage.config.StorageConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The smallest context that runs storage: Boot's DataSource, Flyway, MyBatis-Plus and transactions, plus our wiring. */
@SpringBootConfiguration
@EnableAutoConfiguration(
        excludeName = {
            "org.redisson.spring.starter.RedissonAutoConfigurationV2",
            "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
            "org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration",
            "org.springframework.boot.autoconfigure.data.redis.RedisRepositoriesAutoConfiguration"
        })
@Import(StorageConfiguration.class)
public class StorageTestApplication {
    public static final String DATA_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @Bean
    MutableClock clock() {
        return new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    }
}
