package org.sanshe.bot.wecom.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Conversation;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.event.EventId;
import org.sanshe.bot.core.event.InboundEvent;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.wecom.Vectors.C;
import org.sanshe.bot.wecom.callback.BadCallbackException;

class AiBotTranslatorTest {
    private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");
    private final AiBotTranslator translator = new AiBotTranslator("欢迎");

    /** A 1:1 or group callback with the common fields and the given type-specific tail. */
    private static String callback(String msgid, String chat, String tail) {
        String where = chat == null ? "\"chattype\":\"single\"" : "\"chatid\":\"" + chat + "\",\"chattype\":\"group\"";
        return "{\"msgid\":\"" + msgid + "\",\"aibotid\":\"AIBOTID\"," + where
                + ",\"from\":{\"userid\":\"zhangsan\"},\"response_url\":\"https://qyapi.weixin.qq.com/cgi-bin/aibot/"
                + "response?response_code=RC\"," + tail + "}";
    }

    @Test
    void refusesIdsThatAreNotJsonStrings() {
        String text = "\"msgtype\":\"text\",\"text\":{\"content\":\"hi\"}";
        for (String id : new String[] {"5", "true", "-1.5e3", "[\"M\"]", "{\"a\":\"M\"}"}) {
            String numeric = callback("M", null, text).replace("\"msgid\":\"M\"", "\"msgid\":" + id);
            assertThatThrownBy(() -> translator.ingest(numeric, AT))
                    .as("msgid %s", id)
                    .isInstanceOf(BadCallbackException.class)
                    .hasMessageContaining("msgid");
        }
        String numericUser = callback("M", null, text).replace("\"userid\":\"zhangsan\"", "\"userid\":5");
        assertThatThrownBy(() -> translator.ingest(numericUser, AT))
                .isInstanceOf(BadCallbackException.class)
                .hasMessageContaining("from.userid");
    }

    @Test
    void ignoresATextWhoseContentIsNotAString() {
        String numeric = callback("M", null, "\"msgtype\":\"text\",\"text\":{\"content\":5}");

        assertThat(translator.ingest(numeric, AT)).isInstanceOf(Ingest.Ignore.class);
    }

    @Test
    void translatesTheOfficialGroupTextIntoTextReceivedInTheGroup() {
        Optional<Translated> t = translator.translate(C.C2_PLAINTEXT, AT);

        assertThat(t).isPresent();
        assertThat(t.get().event())
                .isEqualTo(new InboundEvent.TextReceived(
                        new EventId("aibot:CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI="),
                        Conversation.group(Channel.AIBOT, ChatId.of("CHATID"), UserId.of("USERID")),
                        "@RobotA /help",
                        AT));
        assertThat(t.get().responseUrl()).hasValue("RESPONSEURL");
    }

    @Test
    void translatesASingleChatTextIntoADirectConversation() {
        Translated t = translator
                .translate(callback("M1", null, "\"msgtype\":\"text\",\"text\":{\"content\":\"/咨询 社保\"}"), AT)
                .orElseThrow();

        var text = (InboundEvent.TextReceived) t.event();
        assertThat(text.conversation()).isEqualTo(Conversation.direct(Channel.AIBOT, UserId.of("zhangsan")));
        assertThat(text.sender()).isEqualTo(UserId.of("zhangsan"));
        assertThat(text.text()).isEqualTo("/咨询 社保");
        assertThat(text.orderingKey()).isEqualTo("p:zhangsan");
        assertThat(t.responseUrl()).hasValue("https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=RC");
    }

    @Test
    void joinsTheTextsOfAMixedMessage() {
        String mixed = callback(
                "M2",
                "G1",
                "\"msgtype\":\"mixed\",\"mixed\":{\"msg_item\":[{\"msgtype\":\"text\",\"text\":{\"content\":\"@bot 看图\"}},"
                        + "{\"msgtype\":\"image\",\"image\":{\"url\":\"https://x/1\"}},"
                        + "{\"msgtype\":\"text\",\"text\":{\"content\":\"第二段\"}}]}");

        var text = (InboundEvent.TextReceived)
                translator.translate(mixed, AT).orElseThrow().event();

        assertThat(text.text()).isEqualTo("@bot 看图 第二段");
        assertThat(text.conversation().chat()).hasValue(ChatId.of("G1"));
    }

    @Test
    void keepsTheTextOfAQuotedMessage() {
        String quoting = callback(
                "M5",
                "G1",
                "\"msgtype\":\"text\",\"text\":{\"content\":\"@bot /上报 请跟进\"},"
                        + "\"quote\":{\"msgtype\":\"text\",\"text\":{\"content\":\"我家老人摔倒了\"}}");
        String plain = callback("M6", "G1", "\"msgtype\":\"text\",\"text\":{\"content\":\"你好\"}");

        var text = (InboundEvent.TextReceived)
                translator.translate(quoting, AT).orElseThrow().event();

        assertThat(text.text()).isEqualTo("@bot /上报 请跟进");
        assertThat(text.quoted()).hasValue("我家老人摔倒了");
        assertThat(((InboundEvent.TextReceived)
                                translator.translate(plain, AT).orElseThrow().event())
                        .quoted())
                .isEmpty();
    }

    @Test
    void takesAVoiceMessagesTranscriptAsText() {
        String voice = callback("M3", null, "\"msgtype\":\"voice\",\"voice\":{\"content\":\"我要请假\"}");

        var text = (InboundEvent.TextReceived)
                translator.translate(voice, AT).orElseThrow().event();

        assertThat(text.text()).isEqualTo("我要请假");
    }

    @Test
    void translatesACardClickWithItsTaskAndButton() {
        String click = callback(
                "M4",
                null,
                "\"msgtype\":\"event\",\"create_time\":1700000000,\"event\":{\"eventtype\":\"template_card_event\","
                        + "\"template_card_event\":{\"card_type\":\"button_interaction\",\"event_key\":\"accept\","
                        + "\"task_id\":\"esc-42\"}}");

        Translated t = translator.translate(click, AT).orElseThrow();

        assertThat(t.event())
                .isEqualTo(new InboundEvent.CardButtonClicked(
                        new EventId("aibot:M4"),
                        Conversation.direct(Channel.AIBOT, UserId.of("zhangsan")),
                        "esc-42",
                        "accept",
                        AT));
        assertThat(t.responseUrl()).isPresent();
    }

    @Test
    void carriesNoResponseUrlWhenTheCallbackHasNone() {
        String noUrl = "{\"msgid\":\"M5\",\"chattype\":\"single\",\"from\":{\"userid\":\"u\"},\"msgtype\":\"text\","
                + "\"text\":{\"content\":\"hi\"}}";

        assertThat(translator.translate(noUrl, AT).orElseThrow().responseUrl()).isEmpty();
    }

    @Test
    void translatesNothingTheCoreDoesNotDecideOn() {
        assertThat(translator.translate(callback("M6", null, "\"msgtype\":\"image\",\"image\":{\"url\":\"u\"}"), AT))
                .isEmpty();
        assertThat(translator.translate(callback("M7", null, "\"msgtype\":\"stream\",\"stream\":{\"id\":\"S\"}"), AT))
                .isEmpty();
        assertThat(translator.translate(
                        callback("M8", null, "\"msgtype\":\"event\",\"event\":{\"eventtype\":\"enter_chat\"}"), AT))
                .isEmpty();
        assertThat(translator.translate(callback("M9", null, "\"msgtype\":\"hologram\""), AT))
                .isEmpty();
    }

    @Test
    void refusesJsonWithTrailingGarbage() {
        assertThatThrownBy(() -> translator.translate(C.C2_PLAINTEXT + " {\"x\":1}", AT))
                .isInstanceOf(BadCallbackException.class);
        assertThatThrownBy(() -> translator.ingest(C.C2_PLAINTEXT + "]", AT)).isInstanceOf(BadCallbackException.class);
    }

    @Test
    void refusesJsonWithDuplicateKeys() {
        String twoSenders = "{\"msgid\":\"M\",\"from\":{\"userid\":\"a\"},\"from\":{\"userid\":\"admin\"},"
                + "\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}";

        assertThatThrownBy(() -> translator.translate(twoSenders, AT)).isInstanceOf(BadCallbackException.class);
        assertThatThrownBy(() -> translator.ingest(twoSenders, AT)).isInstanceOf(BadCallbackException.class);
    }

    @Test
    void refusesJsonNestedDeeperThanSixteen() {
        String deep = "{\"msgid\":\"M\",\"x\":" + "[".repeat(20) + "]".repeat(20) + "}";

        assertThatThrownBy(() -> translator.translate(deep, AT)).isInstanceOf(BadCallbackException.class);
        assertThatThrownBy(() -> translator.ingest(deep, AT)).isInstanceOf(BadCallbackException.class);
    }

    @Test
    void refusesJsonThatIsNotAnObject() {
        assertThatThrownBy(() -> translator.ingest("[1,2]", AT)).isInstanceOf(BadCallbackException.class);
        assertThatThrownBy(() -> translator.ingest("\"text\"", AT)).isInstanceOf(BadCallbackException.class);
        assertThatThrownBy(() -> translator.ingest("", AT)).isInstanceOf(BadCallbackException.class);
    }

    @Test
    void refusesACallbackWithoutMsgidSenderOrGroupId() {
        String noMsgid = "{\"from\":{\"userid\":\"u\"},\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}";
        String noSender = "{\"msgid\":\"M\",\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}";
        String groupWithoutChat =
                "{\"msgid\":\"M\",\"chattype\":\"group\",\"from\":{\"userid\":\"u\"},\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}";

        for (String bad : new String[] {noMsgid, noSender, groupWithoutChat}) {
            assertThatThrownBy(() -> translator.ingest(bad, AT)).isInstanceOf(BadCallbackException.class);
            assertThatThrownBy(() -> translator.translate(bad, AT)).isInstanceOf(BadCallbackException.class);
        }
    }

    @Test
    void refusesAMsgidTooLongForADedupKey() {
        String longId = callback("M".repeat(300), null, "\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}");

        assertThatThrownBy(() -> translator.ingest(longId, AT))
                .isInstanceOf(BadCallbackException.class)
                .hasMessageContaining("too long");
    }

    @Test
    void ingestStoresTextByMsgidOrderedByGroup() {
        Ingest ingest = translator.ingest(C.C2_PLAINTEXT, AT);

        assertThat(ingest)
                .isEqualTo(new Ingest.Store(new InboxEntry(
                        "aibot:CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=", Channel.AIBOT, "g:CHATID", C.C2_PLAINTEXT, AT)));
    }

    @Test
    void ingestIgnoresATextWithoutContent() {
        assertThat(translator.ingest(callback("M10", null, "\"msgtype\":\"text\",\"text\":{\"content\":\"\"}"), AT))
                .isInstanceOf(Ingest.Ignore.class);
        assertThat(translator.ingest(callback("M11", null, "\"msgtype\":\"mixed\",\"mixed\":{\"msg_item\":[]}"), AT))
                .isInstanceOf(Ingest.Ignore.class);
    }

    @Test
    void ingestAnswersEnterChatWithTheWelcome() {
        Ingest ingest = translator.ingest(
                callback("M12", null, "\"msgtype\":\"event\",\"event\":{\"eventtype\":\"enter_chat\"}"), AT);

        assertThat(ingest).isEqualTo(new Ingest.PassiveReply("{\"msgtype\":\"text\",\"text\":{\"content\":\"欢迎\"}}"));
    }

    @Test
    void ingestIgnoresFeedbackEvents() {
        Ingest ingest = translator.ingest(
                callback(
                        "M13",
                        null,
                        "\"msgtype\":\"event\",\"event\":{\"eventtype\":\"feedback_event\",\"feedback_event\":{\"id\":\"f\",\"type\":1}}"),
                AT);

        assertThat(ingest).isInstanceOf(Ingest.Ignore.class);
    }

    @Test
    void storedPayloadAndTranslationAgreeOnTheEventId() {
        String text = callback("SAME", "G9", "\"msgtype\":\"text\",\"text\":{\"content\":\"hi\"}");

        var store = (Ingest.Store) translator.ingest(text, AT);
        Translated t = translator
                .translate(store.entry().payload(), store.entry().receivedAt())
                .orElseThrow();

        assertThat(t.event().id().value()).isEqualTo(store.entry().dedupKey());
        assertThat(t.event().orderingKey()).isEqualTo(store.entry().orderingKey());
    }
}
