package org.sanshe.bot.app.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
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
 * @param zone the time zone people read times in (audit lists, reminders)
 * @param groupTypesFile where the group types are declared (a Spring resource: classpath:… or file:…)
 * @param bootstrap groups and role grants declared in configuration, applied idempotently at every start
 * @param escalation how crisis escalations climb their chain
 * @param lexiconDir a folder of lexicon files replacing the packaged config/lexicon/*.tsv; empty: the packaged ones
 * @param crisis crisis detection: the situation rules' folder and the learned signal (issue 12)
 * @param rulesFile what is done about rule breaches, per rule and group type (a Spring resource)
 * @param archive the chat-archive feed (会话内容存档), off unless enabled
 * @param nickname when customer groups' nicknames are checked (issue 5)
 * @param adminToken the bearer token of the admin API (BOT_ADMIN_TOKEN); empty: the admin API does not exist (404)
 * @param households household rosters loaded at start (issue 5)
 */
@Validated
@ConfigurationProperties("bot")
public record BotProperties(
        @DefaultValue List<String> admins,
        @DefaultValue List<String> botUserIds,
        @DefaultValue("20") @Min(1) int commandLimit,
        @DefaultValue("PT1M") @NotNull Duration commandWindow,
        @Valid @NotNull @DefaultValue Local local,
        @Valid @NotNull @DefaultValue Pipeline pipeline,
        @DefaultValue("Asia/Shanghai") @NotNull ZoneId zone,
        @DefaultValue("classpath:group-types.yml") @NotNull String groupTypesFile,
        @Valid @NotNull @DefaultValue Bootstrap bootstrap,
        @Valid @NotNull @DefaultValue Escalation escalation,
        @DefaultValue("") String lexiconDir,
        @Valid @NotNull @DefaultValue Crisis crisis,
        @DefaultValue("classpath:rules.yml") @NotNull String rulesFile,
        @Valid @NotNull @DefaultValue Archive archive,
        @Valid @NotNull @DefaultValue Nickname nickname,
        @DefaultValue("") @NotNull AdminToken adminToken,
        @Valid @NotNull @DefaultValue Households households) {

    /**
     * The admin API's bearer token, from the environment only. A value of its own so that no {@code toString()} (this
     * record's included) ever prints it.
     */
    public record AdminToken(String value) {
        public AdminToken {
            value = value == null ? "" : value.strip();
        }

        public boolean isSet() {
            return !value.isEmpty();
        }

        @Override
        public String toString() {
            return value.isEmpty() ? "<unset>" : "****";
        }
    }

    /**
     * {@code bot.households.*}: household rosters (户数名册) read at every start.
     *
     * @param files resource patterns of roster CSV files, each named after its group's chat id
     *     ({@code classpath*:households/*.csv}, {@code file:/etc/sanshe/households/*.csv}); a roster that differs from
     *     the stored one replaces it (audited); a bad row stops the start with every bad line named
     */
    public record Households(@DefaultValue List<String> files) {}

    /**
     * {@code bot.nickname.*}: when registered customer groups' nicknames are checked and how often anyone is reminded.
     *
     * @param joinCheckDelay how long after members join their group is read (WeCom fills in the details a moment later)
     * @param pollInterval every registered customer group is read again this often, each at its own offset
     * @param remindInterval a member is listed as not compliant in the secretary's digest at most this often
     * @param maxReminders after this many, the member goes on the "needs a personal word" list instead
     * @param groupSendTypes group type codes whose groups also get a group-send draft (add_msg_template, confirmed by
     *     the owner) when members are due a reminder, at most once a remind-interval; empty by default (each customer
     *     group can receive only about one group-send a day, and the owner's own notices come first)
     */
    public record Nickname(
            @DefaultValue("PT2S") @NotNull Duration joinCheckDelay,
            @DefaultValue("PT30M") @NotNull Duration pollInterval,
            @DefaultValue("P1D") @NotNull Duration remindInterval,
            @DefaultValue("3") @Min(1) int maxReminders,
            @DefaultValue List<String> groupSendTypes) {}

    /**
     * {@code bot.archive.*}: reading group messages from WeCom's chat archive (会话内容存档), for groups where the bot
     * cannot listen (docs/ARCHIVE.md). The secret, the private key and the proxy credentials come from the environment
     * only (BOT_ARCHIVE_SECRET, BOT_ARCHIVE_PRIVATE_KEY, BOT_ARCHIVE_PROXY_CREDENTIALS) and are masked in
     * {@link #toString()}.
     *
     * @param enabled read the archive; in {@code prod} the service then refuses to start until the library path, the
     *     secret and a usable private key are set
     * @param sdkLibraryPath the absolute path of WeCom's native {@code libWeWorkFinanceSdk_Java.so}
     * @param privateKey the RSA private key (PEM) whose public key was uploaded to WeCom
     * @param secret the 会话内容存档 Secret (not the app's)
     * @param proxy empty, or the proxy the native SDK connects through ({@code http://10.0.0.1:8081})
     * @param proxyCredentials empty, or the proxy's {@code user:password}
     * @param pollInterval how often each instance reads what is new
     * @param batch records read at most per pass (WeCom allows 1000)
     * @param timeout how long one read may take
     */
    public record Archive(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("") String sdkLibraryPath,
            @DefaultValue("") String privateKey,
            @DefaultValue("") String secret,
            @DefaultValue("") String proxy,
            @DefaultValue("") String proxyCredentials,
            @DefaultValue("PT5S") @NotNull Duration pollInterval,
            @DefaultValue("100") @Min(1) @Max(1000) int batch,
            @DefaultValue("PT10S") @NotNull Duration timeout) {
        @Override
        public String toString() {
            return "Archive[enabled=" + enabled + ", sdkLibraryPath=" + sdkLibraryPath + ", privateKey="
                    + mask(privateKey) + ", secret=" + mask(secret) + ", proxy=" + proxy + ", proxyCredentials="
                    + mask(proxyCredentials) + ", pollInterval=" + pollInterval + ", batch=" + batch + ", timeout="
                    + timeout + "]";
        }

        private static String mask(String secret) {
            return secret == null || secret.isEmpty() ? "<unset>" : "****";
        }
    }

    /**
     * @param ackTimeout how long each level of the chain has to acknowledge before the next is messaged
     * @param rounds how many times the whole chain is tried before the escalation is flagged 无人接手
     * @param timerPoll how often due timers are looked for
     * @param coalesceWindow the window of 留意 notes: a member is sent at most {@code noteBudget} of them at once within
     *     it, the rest together at its end (PT0S: every note at once). 紧急 cards never wait for it
     * @param noteBudget 留意 notes sent at once to one member within a window
     */
    public record Escalation(
            @DefaultValue("PT5M") @NotNull Duration ackTimeout,
            @DefaultValue("2") @Min(1) int rounds,
            @DefaultValue("PT0.5S") @NotNull Duration timerPoll,
            @DefaultValue("PT1M") @NotNull Duration coalesceWindow,
            @DefaultValue("10") @Min(1) int noteBudget) {}

    /**
     * @param dir a folder holding variants.tsv, concepts.tsv, frames.tsv and situations.txt, replacing the packaged
     *     config/crisis/; empty: the packaged ones
     * @param learned the learned signal (a sentence-embedding model and a classifier, in process)
     */
    public record Crisis(
            @DefaultValue("") String dir,
            @Valid @NotNull @DefaultValue Learned learned) {}

    /**
     * @param enabled load the model at start and read every message with it too; false: rules alone
     * @param timeout how long a message waits for the model before it is decided on rules alone
     * @param urgentAbove a probability at or above this, in a message without any frame cue, is 紧急
     * @param watchAbove a probability at or above this is at least 留意
     * @param lowerBelow a 紧急 finding of a situation rule (not an explicit term) in a message the model reads below this
     *     goes out as 留意; 0: never
     *     <p>The three defaults (0.8, 0.8, 0.4) were chosen by {@code scripts/eval-crisis.sh --calibrate} on four
     *     labelled sets that neither the rules nor the model had been tuned on, read by the shipped model as in use: the
     *     most crises at 紧急 with 紧急 on harmless messages at most 3% and 留意 on them at most 19%.
     *     Figures: docs/CARE-SAFETY.md.
     * @param threads the model's own threads (each reads one message at a time); the pipeline never runs it
     * @param queue messages that may wait for those threads; beyond them a message is read by the rules alone at once
     * @param modelFile the classifier's weights (a Spring resource; the packaged {@code config/crisis/model.tsv})
     */
    public record Learned(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("PT0.3S") @NotNull Duration timeout,

            @DefaultValue("0.8") @DecimalMin("0") @DecimalMax("1")
            double urgentAbove,

            @DefaultValue("0.8") @DecimalMin("0") @DecimalMax("1")
            double watchAbove,

            @DefaultValue("0.4") @DecimalMin("0") @DecimalMax("1")
            double lowerBelow,

            @DefaultValue("2") @Min(1) @Max(16) int threads,
            @DefaultValue("32") @Min(1) int queue,

            @DefaultValue("classpath:crisis/model.tsv") @NotBlank
            String modelFile) {}

    /**
     * @param groups chats registered as groups at start ({@code bot.bootstrap.groups[i].chat-id/.channel/.type/.name})
     * @param roles grants made at start ({@code bot.bootstrap.roles[i].user-id/.role/.group}, group empty =
     *     everywhere)
     */
    public record Bootstrap(
            @DefaultValue List<@Valid BootGroup> groups,
            @DefaultValue List<@Valid BootRole> roles) {}

    /**
     * @param chatId the WeCom chat id
     * @param channel {@code aibot} (an internal group the AI bot is in) or {@code customer} (a customer group)
     * @param type a group type's code or name from the group types file
     * @param name the group's name; empty: the type's name and the chat id's tail
     */
    public record BootGroup(
            @NotBlank String chatId,
            @DefaultValue("aibot") @NotBlank String channel,
            @NotBlank String type,
            @DefaultValue("") String name) {}

    /**
     * @param userId the member's WeCom userid
     * @param role a role's code or Chinese name (社工, 群秘书, SECRETARY …)
     * @param group a chat id where the grant holds; empty: everywhere
     */
    public record BootRole(
            @NotBlank String userId,
            @NotBlank String role,
            @DefaultValue("") String group) {}

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
     * @param urgentReserve of those, how many only 紧急 escalation cards may use: replies, reminders and 留意 notes stop
     *     at {@code appMessagesPerMinute - urgentReserve}, so that they never leave a card waiting
     */
    public record Pipeline(
            @DefaultValue("2") @Min(1) int dispatchThreads,
            @DefaultValue("50") @Min(1) int batchSize,
            @DefaultValue("PT15S") Duration partitionLease,
            @DefaultValue("PT0.2S") Duration pollInterval,
            @DefaultValue("5") @Min(1) int maxDecideAttempts,
            @DefaultValue("32") @Min(1) int deliveryThreads,
            @DefaultValue("PT60S") Duration deliveryLease,
            @DefaultValue("24") @Min(1) int maxDeliveryAttempts,
            @DefaultValue("25") @Min(1) int appMessagesPerMinute,
            @DefaultValue("10") @Min(0) int urgentReserve) {
        public Pipeline {
            if (urgentReserve >= appMessagesPerMinute) {
                throw new IllegalArgumentException(
                        "bot.pipeline.urgent-reserve must be less than bot.pipeline.app-messages-per-minute");
            }
        }

        /** App messages to one member per minute that are not 紧急 cards. */
        public int ordinaryMessagesPerMinute() {
            return appMessagesPerMinute - urgentReserve;
        }
    }
}
