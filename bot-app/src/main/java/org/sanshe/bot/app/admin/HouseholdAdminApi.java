package org.sanshe.bot.app.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.core.household.HouseholdCoverage;
import org.sanshe.bot.core.nickname.Household;
import org.sanshe.bot.core.nickname.NicknameConvention;
import org.sanshe.bot.core.port.Groups;
import org.sanshe.bot.core.port.HouseholdRosters;
import org.sanshe.bot.core.port.NicknameRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code PUT /api/admin/groups/{chatId}/households} (body: the roster CSV) replaces a group's household roster;
 * {@code GET} of the same path answers its counts as JSON: per building the roster and, once the group's nicknames
 * were read, present, missing, shared and not on the roster. Counts only, never a room or a member: the lists are for
 * /户数 in a private chat. A missing or wrong bearer token: 403 with an empty body. Storage runs off the event loop.
 */
final class HouseholdAdminApi {
    static final String PATH = "/api/admin/groups/{chatId}/households";
    static final String ACTOR = "admin-api";
    private static final Logger log = LoggerFactory.getLogger(HouseholdAdminApi.class);
    private static final Pattern CHAT_ID = Pattern.compile("[A-Za-z0-9_\\-@.]{1,128}");

    private final AdminAuth auth;
    private final HouseholdRosterImport importer;
    private final HouseholdRosters rosters;
    private final Groups groups;
    private final NicknameRecords nicknames;
    private final GroupTypes types;

    HouseholdAdminApi(
            AdminAuth auth,
            HouseholdRosterImport importer,
            HouseholdRosters rosters,
            Groups groups,
            NicknameRecords nicknames,
            GroupTypes types) {
        this.auth = auth;
        this.importer = importer;
        this.rosters = rosters;
        this.groups = groups;
        this.nicknames = nicknames;
        this.types = types;
    }

    /** Without a token the routes match nothing: the API does not exist (404). */
    RouterFunction<ServerResponse> routes() {
        if (!auth.enabled()) {
            return request -> Mono.empty();
        }
        return RouterFunctions.route().PUT(PATH, this::put).GET(PATH, this::get).build();
    }

    private Mono<ServerResponse> put(ServerRequest r) {
        if (!allowed(r)) {
            return forbidden();
        }
        Optional<ChatId> chat = chat(r);
        if (chat.isEmpty()) {
            return badChat();
        }
        return r.bodyToMono(String.class)
                .defaultIfEmpty("")
                .publishOn(Schedulers.boundedElastic())
                .map(csv -> importer.importCsv(chat.get(), csv, ACTOR, "导入户数名册", false))
                .flatMap(result -> {
                    if (!result.ok()) {
                        log.info(
                                "admin api: roster for {} refused, {} bad rows",
                                chat.get().value(),
                                result.rows().size());
                        List<Map<String, Object>> errors = new ArrayList<>();
                        for (int i = 0; i < result.rows().size(); i++) {
                            errors.add(Map.of(
                                    "line",
                                    result.rows().get(i).line(),
                                    "message",
                                    result.errors().get(i)));
                        }
                        return ServerResponse.badRequest()
                                .bodyValue(Map.of("error", "名册有误，未导入任何一行。", "errors", errors));
                    }
                    log.info(
                            "admin api: roster for {} imported, {} households",
                            chat.get().value(),
                            result.households().size());
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("chatId", chat.get().value());
                    body.put("registered", groups.findByChat(chat.get()).isPresent());
                    body.put("households", result.households().size());
                    body.put("buildings", result.perBuilding());
                    return ServerResponse.ok().bodyValue(body);
                });
    }

    private Mono<ServerResponse> get(ServerRequest r) {
        if (!allowed(r)) {
            return forbidden();
        }
        Optional<ChatId> chat = chat(r);
        if (chat.isEmpty()) {
            return badChat();
        }
        return Mono.fromCallable(() -> summary(chat.get()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(body -> ServerResponse.ok().bodyValue(body));
    }

    private Map<String, Object> summary(ChatId chat) {
        List<Household> roster = rosters.of(chat);
        Optional<Group> group = groups.findByChat(chat);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chatId", chat.value());
        body.put("registered", group.isPresent());
        group.ifPresent(g -> body.put("name", g.name()));
        body.put("households", roster.size());
        Optional<NicknameConvention> convention = group.filter(g -> g.channel() == Channel.CUSTOMER)
                .flatMap(g -> types.byCode(g.typeCode()))
                .map(t -> t.nicknameConvention())
                .filter(c -> !c.isEmpty());
        var records = group.isPresent()
                ? nicknames.in(chat)
                : Map.<org.sanshe.bot.core.chat.UserId, NicknameRecords.NicknameRecord>of();
        body.put("read", !records.isEmpty());
        if (convention.isEmpty() || records.isEmpty()) {
            Map<String, Integer> perBuilding = new LinkedHashMap<>();
            roster.forEach(h -> perBuilding.merge(h.building(), 1, Integer::sum));
            List<Map<String, Object>> buildings = new ArrayList<>();
            perBuilding.forEach((b, n) -> buildings.add(Map.of("building", b, "households", n)));
            body.put("buildings", buildings);
            return body;
        }
        HouseholdCoverage c = HouseholdCoverage.of(roster, records, convention.get());
        body.put("present", c.present());
        body.put("missing", c.missing());
        body.put("shared", c.shared());
        body.put("notOnRoster", c.notOnRoster());
        body.put("members", c.members());
        body.put("notCompliant", c.notCompliant());
        body.put("withoutHousehold", c.withoutHousehold());
        List<Map<String, Object>> buildings = new ArrayList<>();
        for (HouseholdCoverage.Building b : c.buildings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("building", b.building());
            m.put("households", b.rostered());
            m.put("present", b.present().size());
            m.put("missing", b.missing().size());
            m.put("shared", b.shared().size());
            m.put("owners", b.owners());
            m.put("tenants", b.tenants());
            m.put("notOnRoster", b.notOnRoster().size());
            buildings.add(m);
        }
        body.put("buildings", buildings);
        return body;
    }

    private boolean allowed(ServerRequest r) {
        boolean ok = auth.allows(Optional.ofNullable(r.headers().firstHeader(HttpHeaders.AUTHORIZATION)));
        if (!ok) {
            log.warn("admin api: {} {} refused (no or wrong token)", r.method(), r.path());
        }
        return ok;
    }

    private static Optional<ChatId> chat(ServerRequest r) {
        String id = r.pathVariable("chatId");
        return CHAT_ID.matcher(id).matches() ? Optional.of(ChatId.of(id)) : Optional.empty();
    }

    private static Mono<ServerResponse> forbidden() {
        return ServerResponse.status(HttpStatus.FORBIDDEN).build();
    }

    private static Mono<ServerResponse> badChat() {
        return ServerResponse.badRequest().bodyValue(Map.of("error", "群 ID 不对"));
    }
}
