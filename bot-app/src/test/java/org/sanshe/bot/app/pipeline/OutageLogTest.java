package org.sanshe.bot.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** An outage shared by several workers is one WARN, however they take turns failing and working. */
class OutageLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("outage-log-test");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void attach() {
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(lines);
    }

    @Test
    void partitionsFailingAndDrainingInTurnLogOneWarningNotOnePerTurn() {
        OutageLog log = new OutageLog(logger, "partitions paused");
        RuntimeException e = new IllegalStateException("x");

        for (int i = 0; i < 55; i++) {
            log.failed(1, e);
            log.ok(2); // another partition drained meanwhile: partition 1 is still paused
        }

        assertThat(lines.list).singleElement().satisfies(l -> {
            assertThat(l.getLevel()).isEqualTo(Level.WARN);
            assertThat(l.getFormattedMessage()).startsWith("partitions paused: IllegalStateException");
        });

        log.ok(1);
        assertThat(lines.list).hasSize(2);
        assertThat(lines.list.get(1).getLevel()).isEqualTo(Level.INFO);
        assertThat(lines.list.get(1).getFormattedMessage()).contains("works again", "55 failures");
    }

    @Test
    void theOutageLastsUntilEveryFailingKeyWorksAgain() {
        OutageLog log = new OutageLog(logger, "partitions paused");
        log.failed(1, new IllegalStateException());
        log.failed(2, new IllegalStateException());

        log.ok(1);
        assertThat(lines.list).hasSize(1);
        log.ok(2);
        assertThat(lines.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
    }

    @Test
    void aSingleWorkerStillLogsOneWarningAndOneRecovery() {
        OutageLog log = new OutageLog(logger, "outbox not read");
        for (int i = 0; i < 10; i++) {
            log.failed(new IllegalStateException());
        }
        log.ok();
        log.ok();
        assertThat(lines.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
    }
}
