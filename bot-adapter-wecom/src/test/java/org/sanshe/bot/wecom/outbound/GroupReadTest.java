package org.sanshe.bot.wecom.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.MemberKind;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.Outbound;
import org.sanshe.bot.core.event.InboundEvent;
import org.sanshe.bot.core.pipeline.DeliveryResult;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.core.pipeline.OutboxMessage;
import org.sanshe.bot.wecom.customer.CustomerGroupLookup;
import org.sanshe.bot.wecom.customer.LookupTranslator;
import org.sanshe.bot.wecom.translate.Translated;

/**
 * Reading a registered customer group's members again (nickname checks): the outbox row runs the real weixin-java-cp
 * {@code groupchat/get} against a fake WeCom, the answer goes into the inbox in the group's order, once per request,
 * and reads back as the event the core decides, names and group nicknames included.
 */
class GroupReadTest {
    private static final String GET = "/cgi-bin/externalcontact/groupchat/get";
    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");

    private FakeWeCom wecom;
    private final List<InboxEntry> inbox = new ArrayList<>();
    private WeComSender sender;

    @BeforeEach
    void start() throws Exception {
        wecom = new FakeWeCom();
        WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
        config.setCorpId("ww1436e0e65a779aee");
        config.setCorpSecret("app-secret");
        config.setAgentId(1000002);
        config.setBaseApiUrl(wecom.base());
        WxCpServiceImpl service = new WxCpServiceImpl();
        service.setWxCpConfigStorage(config);
        service.setMaxRetryTimes(1);
        service.setRetrySleepMillis(10);
        org.sanshe.bot.core.pipeline.Inbox collecting = entry -> {
            boolean fresh = inbox.stream().noneMatch(e -> e.dedupKey().equals(entry.dedupKey()));
            if (fresh) {
                inbox.add(entry);
            }
            return fresh;
        };
        sender = new WeComSender(
                service,
                1000002,
                URI.create(wecom.base()),
                HttpClient.newHttpClient(),
                new CustomerGroupLookup(service, () -> collecting, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterEach
    void stop() {
        wecom.close();
    }

    private OutboxMessage planned(String chat, String requestId) {
        var plan = new DeliveryPlanner()
                .plan(
                        new Translated(
                                new InboundEvent.TimerFired(
                                        new org.sanshe.bot.core.event.EventId("timer:1"),
                                        "nickname-check",
                                        requestId,
                                        NOW),
                                Optional.empty()),
                        List.of(new Outbound.ReadGroupMembers(ChatId.of(chat), requestId)));
        assertThat(plan)
                .singleElement()
                .satisfies(m -> assertThat(m.kind()).isEqualTo(DeliveryPlanner.READ_GROUP_MEMBERS));
        return plan.get(0);
    }

    @Test
    void theMembersWithTheirGroupNicknamesComeBackAsOneEventInTheGroupsOrder() {
        String answer = "{\"errcode\":0,\"errmsg\":\"ok\",\"group_chat\":{\"chat_id\":\"wrCust5\",\"name\":\"5栋居民群\","
                + "\"owner\":\"bh-chen\",\"create_time\":1700000000,\"member_list\":["
                + "{\"userid\":\"bh-chen\",\"type\":1,\"join_time\":1700000000,\"join_scene\":1,"
                + "\"name\":\"陈阿姨\",\"group_nickname\":\"楼门栋长-陈阿姨\"},"
                + "{\"userid\":\"wm703\",\"type\":2,\"join_time\":1700000001,\"join_scene\":3,"
                + "\"name\":\"小雨\",\"group_nickname\":\"\"}]}}";
        wecom.then(GET, 200, answer).then(GET, 200, answer);
        OutboxMessage row = planned("wrCust5", "join:wrCust5:1");

        assertThat(sender.send(row)).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(sender.send(row)).as("a retried row answers once").isInstanceOf(DeliveryResult.Sent.class);

        assertThat(wecom.requests(GET).get(0).body())
                .contains("\"chat_id\":\"wrCust5\"")
                .contains("\"need_name\":1");
        assertThat(inbox).singleElement().satisfies(e -> {
            assertThat(e.channel()).isEqualTo(Channel.CUSTOMER);
            assertThat(e.orderingKey()).isEqualTo("g:wrCust5");
            assertThat(e.dedupKey()).startsWith("read:");
        });
        var translator = new LookupTranslator();
        assertThat(translator.handles(inbox.get(0).payload())).isTrue();
        var event = (InboundEvent.CustomerGroupRead)
                translator.translate(inbox.get(0).payload(), NOW).orElseThrow().event();
        assertThat(event.chat()).isEqualTo(ChatId.of("wrCust5"));
        assertThat(event.orderingKey()).isEqualTo("g:wrCust5");
        assertThat(event.errorCode()).isEmpty();
        var members = event.details().orElseThrow().members();
        assertThat(members).extracting(m -> m.id().value()).containsExactly("bh-chen", "wm703");
        assertThat(members.get(0).groupNickname()).contains("楼门栋长-陈阿姨");
        assertThat(members.get(1).groupNickname()).isEmpty();
        assertThat(members.get(1).kind()).isEqualTo(MemberKind.EXTERNAL);
        assertThat(event.details().get().owner()).isEqualTo(UserId.of("bh-chen"));
    }

    @Test
    void anAnswerWithoutTheGroupIsTriedAgainNotTakenForAnEmptyGroup() {
        wecom.then(GET, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");

        assertThat(sender.send(planned("wrOdd", "poll:wrOdd:1"))).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(inbox).isEmpty();
    }

    @Test
    void anErrorRetryingCannotFixIsAnAnswerToo() {
        wecom.thenErrcode(GET, 86003);

        assertThat(sender.send(planned("wrGone", "poll:wrGone:1"))).isInstanceOf(DeliveryResult.Sent.class);

        var event = (InboundEvent.CustomerGroupRead) new LookupTranslator()
                .translate(inbox.get(0).payload(), NOW)
                .orElseThrow()
                .event();
        assertThat(event.details()).isEmpty();
        assertThat(event.errorCode()).contains(86003);
    }
}
