package org.sanshe.bot.wecom.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.wecom.outbound.DeliveryPlanner.AIBOT_RESPONSE;
import static org.sanshe.bot.wecom.outbound.DeliveryPlanner.APP_TEXT;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Conversation;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.Outbound;
import org.sanshe.bot.core.event.EventId;
import org.sanshe.bot.core.event.InboundEvent;
import org.sanshe.bot.core.pipeline.OutboxMessage;
import org.sanshe.bot.wecom.translate.Translated;

class DeliveryPlannerTest {
    private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");
    private static final String RESPONSE_URL = "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=RC";
    private static final UserId RESIDENT = UserId.of("zhangsan");
    private static final UserId WORKER = UserId.of("worker-li");

    private final DeliveryPlanner planner = new DeliveryPlanner();

    private static Translated text(Conversation conversation, Optional<String> responseUrl) {
        return new Translated(new InboundEvent.TextReceived(new EventId("e1"), conversation, "/咨询", AT), responseUrl);
    }

    private static Translated aibotGroupText(Optional<String> responseUrl) {
        return text(Conversation.group(Channel.AIBOT, ChatId.of("CHAT1"), RESIDENT), responseUrl);
    }

    @Test
    void joinsAllRepliesToAnAiBotMessageIntoOneResponseUrlPost() {
        List<OutboxMessage> plan = planner.plan(
                aibotGroupText(Optional.of(RESPONSE_URL)),
                List.of(new Outbound.ReplyInConversation("第一段"), new Outbound.ReplyInConversation("第二段")));

        assertThat(plan).containsExactly(new OutboxMessage(AIBOT_RESPONSE, RESPONSE_URL, "第一段\n\n第二段"));
    }

    @Test
    void answersAnAiBotDirectMessageThroughItsResponseUrlToo() {
        List<OutboxMessage> plan = planner.plan(
                text(Conversation.direct(Channel.AIBOT, RESIDENT), Optional.of(RESPONSE_URL)),
                List.of(new Outbound.ReplyInConversation("好的")));

        assertThat(plan).containsExactly(new OutboxMessage(AIBOT_RESPONSE, RESPONSE_URL, "好的"));
    }

    @Test
    void plansNothingForAnAiBotReplyWithoutAResponseUrl() {
        List<OutboxMessage> plan =
                planner.plan(aibotGroupText(Optional.empty()), List.of(new Outbound.ReplyInConversation("x")));

        assertThat(plan).isEmpty();
    }

    @Test
    void neverSendsAReplyIntoAConversationReadFromTheChatArchiveButStillSendsThePrivateMessages() {
        var archived = text(Conversation.group(Channel.ARCHIVE, ChatId.of("wrCustomer05"), RESIDENT), Optional.empty());

        List<OutboxMessage> plan = planner.plan(
                archived,
                List.of(
                        new Outbound.ReplyInConversation("不会发到群里"),
                        new Outbound.EscalationCard(WORKER, 7, "【紧急转介 #7】", "描述", "esc_7_1"),
                        new Outbound.WatchNote(WORKER, 8, "【请留意 #8】", "描述", "esc_8_1")));

        assertThat(plan)
                .extracting(OutboxMessage::kind)
                .containsExactly(DeliveryPlanner.APP_CARD, DeliveryPlanner.APP_NOTE);
        assertThat(plan).extracting(OutboxMessage::target).containsOnly("worker-li");
    }

    @Test
    void answersAnAppConversationWithAnAppTextToTheSender() {
        List<OutboxMessage> plan = planner.plan(
                text(Conversation.direct(Channel.APP, RESIDENT), Optional.empty()),
                List.of(new Outbound.ReplyInConversation("a"), new Outbound.ReplyInConversation("b")));

        assertThat(plan).containsExactly(new OutboxMessage(APP_TEXT, "zhangsan", "a\n\nb"));
    }

    @Test
    void answersAnAppCardClickWithAnAppTextToTheClicker() {
        var click = new Translated(
                new InboundEvent.CardButtonClicked(
                        new EventId("c1"), Conversation.direct(Channel.APP, WORKER), "task", "accept", AT),
                Optional.empty());

        assertThat(planner.plan(click, List.of(new Outbound.ReplyInConversation("已接单"))))
                .containsExactly(new OutboxMessage(APP_TEXT, "worker-li", "已接单"));
    }

    @Test
    void sendsAPrivateMessageAsAnAppTextToThatMember() {
        List<OutboxMessage> plan =
                planner.plan(aibotGroupText(Optional.empty()), List.of(new Outbound.PrivateMessage(WORKER, "有新的求助")));

        assertThat(plan).containsExactly(new OutboxMessage(APP_TEXT, "worker-li", "有新的求助"));
    }

    @Test
    void putsTheConversationReplyBeforePrivateMessages() {
        List<OutboxMessage> plan = planner.plan(
                aibotGroupText(Optional.of(RESPONSE_URL)),
                List.of(
                        new Outbound.PrivateMessage(WORKER, "有新的求助"),
                        new Outbound.ReplyInConversation("已转给社工"),
                        new Outbound.PrivateMessage(UserId.of("worker-wang"), "抄送")));

        assertThat(plan)
                .containsExactly(
                        new OutboxMessage(AIBOT_RESPONSE, RESPONSE_URL, "已转给社工"),
                        new OutboxMessage(APP_TEXT, "worker-li", "有新的求助"),
                        new OutboxMessage(APP_TEXT, "worker-wang", "抄送"));
    }

    @Test
    void plansNoReplyIntoACustomerGroup() {
        var joined = new Translated(
                new InboundEvent.MembersJoined(
                        new EventId("j1"), Channel.CUSTOMER, ChatId.of("wr1"), List.of(RESIDENT), AT),
                Optional.empty());

        assertThat(planner.plan(joined, List.of(new Outbound.ReplyInConversation("欢迎入群"))))
                .isEmpty();
        assertThat(planner.plan(
                        joined,
                        List.of(
                                new Outbound.ReplyInConversation("欢迎入群"),
                                new Outbound.PrivateMessage(WORKER, "新成员请改群昵称"))))
                .containsExactly(new OutboxMessage(APP_TEXT, "worker-li", "新成员请改群昵称"));
    }

    @Test
    void plansNothingWhenTheCoreSaidNothing() {
        assertThat(planner.plan(aibotGroupText(Optional.of(RESPONSE_URL)), List.of()))
                .isEmpty();
    }
}
