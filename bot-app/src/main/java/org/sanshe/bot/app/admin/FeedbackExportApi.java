package org.sanshe.bot.app.admin;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.StateChange.FeedbackGiven;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/admin/escalation-feedback?since=2026-12-01T00:00:00Z&format=csv|jsonl&limit=N}: the 有用 / 误报 that
 * staff gave on escalation cards and notes, oldest first, with the words the detector read (decrypted: they are a
 * resident's words) and what it said about them, for whoever measures detection. JSON lines by default, CSV with a
 * header on {@code format=csv}. Every export is audited (who: {@code admin-api}, how many rows, since when). A missing or
 * wrong bearer token: 403 with an empty body; no token configured: the route does not exist.
 */
final class FeedbackExportApi {
    static final String PATH = "/api/admin/escalation-feedback";
    static final int MAX_LIMIT = 50_000;
    private static final Logger log = LoggerFactory.getLogger(FeedbackExportApi.class);
    private static final List<String> COLUMNS = List.of(
            "escalation",
            "member",
            "verdict",
            "verdict_zh",
            "at",
            "urgency",
            "category",
            "severity",
            "basis",
            "text",
            "normalised");

    /** Feedback given at or after a time, oldest first, at most so many. */
    interface Source {
        List<FeedbackGiven> since(Instant since, int limit);
    }

    private final AdminAuth auth;
    private final Source source;
    private final Consumer<AuditEntry> audit;
    private final Clock clock;

    FeedbackExportApi(AdminAuth auth, Source source, Consumer<AuditEntry> audit, Clock clock) {
        this.auth = auth;
        this.source = source;
        this.audit = audit;
        this.clock = clock;
    }

    RouterFunction<ServerResponse> routes() {
        if (!auth.enabled()) {
            return request -> Mono.empty();
        }
        return RouterFunctions.route().GET(PATH, this::get).build();
    }

    private Mono<ServerResponse> get(ServerRequest r) {
        if (!auth.allows(Optional.ofNullable(r.headers().firstHeader(HttpHeaders.AUTHORIZATION)))) {
            log.warn("admin api: GET {} refused (no or wrong token)", r.path());
            return ServerResponse.status(HttpStatus.FORBIDDEN).build();
        }
        Instant since;
        int limit;
        try {
            since = r.queryParam("since").map(Instant::parse).orElse(Instant.EPOCH);
            limit = r.queryParam("limit").map(Integer::parseInt).orElse(10_000);
        } catch (DateTimeParseException | NumberFormatException e) {
            return ServerResponse.badRequest().bodyValue(Map.of("error", "since 写成 2026-12-01T00:00:00Z，limit 写成数字"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return ServerResponse.badRequest().bodyValue(Map.of("error", "limit 在 1 到 " + MAX_LIMIT + " 之间"));
        }
        boolean csv = r.queryParam("format").filter("csv"::equalsIgnoreCase).isPresent();
        Instant from = since;
        int max = limit;
        return Mono.fromCallable(() -> export(from, max, csv))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(body -> ServerResponse.ok()
                        .contentType(
                                csv
                                        ? MediaType.parseMediaType("text/csv;charset=UTF-8")
                                        : MediaType.parseMediaType("application/x-ndjson;charset=UTF-8"))
                        .bodyValue(body));
    }

    private String export(Instant since, int limit, boolean csv) {
        List<FeedbackGiven> rows = source.since(since, limit);
        // the words are a resident's: whoever reads them is on record, like every read of a record
        audit.accept(new AuditEntry(
                clock.instant(),
                UserId.of(HouseholdAdminApi.ACTOR),
                "导出上报反馈",
                Optional.empty(),
                AuditEntry.Result.DONE,
                rows.size() + " 条，自 " + since + (csv ? "（CSV）" : "（JSON lines）")));
        log.info("admin api: {} feedback rows exported since {}", rows.size(), since);
        return csv ? csv(rows) : jsonLines(rows);
    }

    private static List<Object> values(FeedbackGiven f) {
        return List.of(
                f.number(),
                f.by().value(),
                f.verdict().name(),
                f.verdict().chineseName(),
                f.at().toString(),
                f.urgent() ? "URGENT" : "WATCH",
                f.category(),
                f.severity(),
                f.basis(),
                f.text(),
                f.normalised());
    }

    private static String csv(List<FeedbackGiven> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(COLUMNS.toArray(String[]::new))
                        .get())) {
            for (FeedbackGiven f : rows) {
                printer.printRecord(values(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String jsonLines(List<FeedbackGiven> rows) {
        StringBuilder out = new StringBuilder();
        for (FeedbackGiven f : rows) {
            Map<String, Object> line = new LinkedHashMap<>();
            List<Object> v = values(f);
            for (int i = 0; i < COLUMNS.size(); i++) {
                line.put(COLUMNS.get(i), v.get(i));
            }
            try {
                out.append(org.sanshe.bot.wecom.translate.AiBotTranslator.JSON.writeValueAsString(line))
                        .append('\n');
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("feedback row not writable as JSON", e);
            }
        }
        return out.toString();
    }
}
