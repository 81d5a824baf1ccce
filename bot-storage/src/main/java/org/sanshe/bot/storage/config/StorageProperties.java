package org.sanshe.bot.storage.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bot.storage.*}.
 *
 * @param dataKey base64 of 32 random bytes: encrypts personal data at rest (BOT_STORAGE_DATA_KEY); masked in toString
 * @param coordination {@code local} (in-process idempotency and rate limits, one instance) or {@code redis} (rate limits
 *     and the access token shared through Redisson, several instances; idempotency keys stay in process)
 * @param partitions how many dispatch partitions events are spread over; keep it fixed while events are pending
 * @param directoryCache how long group and role lookups are cached per instance (0 = not cached)
 */
@Validated
@ConfigurationProperties("bot.storage")
public record StorageProperties(
        String dataKey,
        @DefaultValue("local") String coordination,
        @DefaultValue("32") @Min(1) @Max(1024) int partitions,
        @DefaultValue("PT5S") java.time.Duration directoryCache) {

    @Override
    public String toString() {
        return "StorageProperties[dataKey=" + (dataKey == null || dataKey.isEmpty() ? "<unset>" : "****")
                + ", coordination=" + coordination + ", partitions=" + partitions + ", directoryCache=" + directoryCache
                + "]";
    }
}
