package org.sanshe.bot.app.pipeline;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.sanshe.bot.app.config.BotProperties;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.core.engine.BotSettings;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.core.pipeline.Spool;
import org.sanshe.bot.core.port.RateLimiter;
import org.sanshe.bot.storage.crypt.FieldCipher;
import org.sanshe.bot.storage.dispatch.DispatchStore;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.sanshe.bot.storage.outbox.OutboxStore;
import org.sanshe.bot.storage.spool.FileSpool;
import org.sanshe.bot.storage.timer.TimerStore;
import org.sanshe.bot.wecom.outbound.DeliveryPlanner;
import org.sanshe.bot.wecom.outbound.WeComSender;
import org.sanshe.bot.wecom.translate.WeComTranslation;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Wires the pipeline: inbox → dispatcher → decide → commit → outbox → delivery, and its gauges. */
@Configuration(proxyBeanMethods = false)
public class PipelineConfiguration {

    /** This instance's name in leases: host, process and a random part, so a restarted process is a new node. */
    @Bean
    String pipelineNode() {
        return ManagementFactory.getRuntimeMXBean().getName() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @Bean
    DecisionStep decisionStep(
            WeComTranslation translation,
            Engine engine,
            DeliveryPlanner planner,
            MybatisGroups directory,
            BatchRateLimiter limiter,
            BotSettings settings) {
        return new DecisionStep(translation, engine, planner, directory, limiter, settings);
    }

    @Bean
    DeliveryWorker deliveryWorker(
            OutboxStore outbox,
            WeComSender sender,
            RateLimiter rateLimiter,
            BotProperties p,
            Clock clock,
            MeterRegistry m) {
        return new DeliveryWorker(outbox, sender, rateLimiter, p.pipeline(), clock, m);
    }

    @Bean
    Dispatcher dispatcher(
            DispatchStore store,
            DecisionStep step,
            BotProperties p,
            String pipelineNode,
            DeliveryWorker delivery,
            MeterRegistry m) {
        return new Dispatcher(store, step, p.pipeline(), pipelineNode, delivery::wake, m);
    }

    @Bean
    @Primary
    Inbox wakingInbox(@Qualifier("inbox") Inbox inbox, Dispatcher dispatcher) {
        return new WakingInbox(inbox, dispatcher);
    }

    @Bean
    NicknamePollSeeder nicknamePollSeeder(
            MybatisGroups groups, GroupTypes types, TimerStore timers, Clock clock, BotProperties p) {
        return new NicknamePollSeeder(groups, types, timers, clock, p.nickname().pollInterval());
    }

    @Bean
    TimerLoop timerLoop(
            TimerStore timers, Inbox inbox, Clock clock, BotProperties p, Spool spool, SpoolReplayer replayer) {
        // timers wait while callbacks of an outage are in the spool, or replayed but not yet decided
        return new TimerLoop(
                timers,
                inbox,
                clock,
                p.escalation().timerPoll(),
                () -> spool.diverting() || replayer.replayedUndecided());
    }

    /**
     * Callbacks kept on this instance's disk while the database cannot take them (docs/RELIABILITY.md, "Faults"). One
     * directory per instance; the default includes the port, so that instances on one host get one each.
     */
    @Bean(destroyMethod = "close")
    FileSpool spool(@Value("${bot.spool.dir:./data/spool}") String dir, FieldCipher cipher, MeterRegistry m) {
        FileSpool spool = new FileSpool(java.nio.file.Path.of(dir), cipher);
        Gauge.builder("bot.spool.depth", spool, FileSpool::depth)
                .description("callbacks in the spool, waiting for the inbox")
                .register(m);
        Gauge.builder("bot.spool.torn", spool, FileSpool::tornRecords)
                .description("torn or damaged records cut off the spool at start")
                .register(m);
        return spool;
    }

    @Bean
    SpoolReplayer spoolReplayer(
            Spool spool,
            Inbox inbox,
            @Value("${bot.spool.replay-interval:PT0.5S}") java.time.Duration interval,
            MeterRegistry m,
            DispatchStore dispatch) {
        return new SpoolReplayer(spool, inbox, interval, m, t -> dispatch.countUndecidedUpTo(t) > 0);
    }

    /** UP while callbacks can be kept (in the inbox or the spool); the details say how many wait in the spool. */
    @Bean
    HealthIndicator spoolHealthIndicator(FileSpool spool) {
        return () -> Health.up()
                .withDetail("depth", spool.depth())
                .withDetail("diverting", spool.diverting())
                .withDetail("torn", spool.tornRecords())
                .build();
    }

    /** Backlog and failures as gauges, read from storage every few seconds (not on every scrape). */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService pipelineGauges(
            DispatchStore dispatch, OutboxStore outbox, TimerStore timers, MeterRegistry m) {
        AtomicLong inboxNew = new AtomicLong();
        AtomicLong inboxFailed = new AtomicLong();
        AtomicLong outboxPending = new AtomicLong();
        AtomicLong outboxFailed = new AtomicLong();
        AtomicLong timersPending = new AtomicLong();
        Gauge.builder("bot.inbox.backlog", inboxNew, AtomicLong::get).register(m);
        Gauge.builder("bot.inbox.failed", inboxFailed, AtomicLong::get).register(m);
        Gauge.builder("bot.outbox.pending", outboxPending, AtomicLong::get).register(m);
        Gauge.builder("bot.outbox.failed", outboxFailed, AtomicLong::get).register(m);
        Gauge.builder("bot.timers.pending", timersPending, AtomicLong::get).register(m);
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pipeline-gauges");
            t.setDaemon(true);
            return t;
        });
        s.scheduleWithFixedDelay(
                () -> {
                    try {
                        inboxNew.set(dispatch.countInbox("NEW"));
                        inboxFailed.set(dispatch.countInbox("FAILED"));
                        outboxPending.set(outbox.count("PENDING"));
                        outboxFailed.set(outbox.count("FAILED"));
                        timersPending.set(timers.pending());
                    } catch (RuntimeException e) {
                        // storage down: the gauges keep their last values; health says the rest
                    }
                },
                1,
                5,
                TimeUnit.SECONDS);
        return s;
    }
}
