package org.sanshe.bot.app.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bot.*} settings of the service itself.
 *
 * @param admins userids who are administrators from the start (BOT_ADMINS, comma-separated)
 * @param botUserIds userids the bot speaks under, so it never answers itself
 * @param commandLimit commands one member may run per {@code commandWindow}
 * @param local the embedded default's settings
 * @param pipeline the dispatcher's and delivery workers' settings
 */
@Validated
@ConfigurationProperties("bot")
public record BotProperties(
        @DefaultValue List<String> admins,
        @DefaultValue List<String> botUserIds,
        @DefaultValue("20") @Min(1) int commandLimit,
        @DefaultValue("PT1M") @NotNull Duration commandWindow,
        @Valid @NotNull @DefaultValue Local local,
        @Valid @NotNull @DefaultValue Pipeline pipeline) {

    /**
     * @param dataDir where the embedded database and the generated local secrets live
     * @param seedDemo seed the demo community on first start
     */
    public record Local(
            @DefaultValue("./data") Path dataDir,
            @DefaultValue("true") boolean seedDemo) {}

    /**
     * @param dispatchThreads threads deciding events (each drains one partition at a time)
     * @param batchSize events decided and committed per transaction
     * @param partitionLease how long a partition stays with an instance that stops renewing it
     * @param pollInterval how often idle workers look for work written by other instances
     * @param maxDecideAttempts attempts before an event that cannot be decided is set aside as FAILED
     * @param deliveryThreads threads sending to WeCom
     * @param deliveryLease how long a claimed outbox row stays with a worker that stops (a crash)
     * @param maxDeliveryAttempts attempts before a message is kept as FAILED
     * @param appMessagesPerMinute app messages to one member per minute (WeCom drops the excess silently at 30)
     */
    public record Pipeline(
            @DefaultValue("2") @Min(1) int dispatchThreads,
            @DefaultValue("50") @Min(1) int batchSize,
            @DefaultValue("PT15S") Duration partitionLease,
            @DefaultValue("PT0.2S") Duration pollInterval,
            @DefaultValue("5") @Min(1) int maxDecideAttempts,
            @DefaultValue("32") @Min(1) int deliveryThreads,
            @DefaultValue("PT60S") Duration deliveryLease,
            @DefaultValue("8") @Min(1) int maxDeliveryAttempts,
            @DefaultValue("25") @Min(1) int appMessagesPerMinute) {}
}
