package org.sanshe.bot.wecom.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Conversation;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.event.EventId;
import org.sanshe.bot.core.event.InboundEvent;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.wecom.translate.Ingest;
import org.sanshe.bot.wecom.translate.Translated;
import org.sanshe.bot.wecom.translate.WeComTranslation;

/**
 * Chat records in the documented format of 会话内容存档 (获取会话内容 → 消息格式): the examples' field names and shapes,
 * with ids and words of our own.
 */
class ArchiveTranslatorTest {
    private static final Instant READ_AT = Instant.parse("2026-11-23T08:00:05Z");
    private static final Predicate<ChatId> ALL = chat -> true;
    private final ArchiveTranslator translator = new ArchiveTranslator();

    /** 文本: a resident writes in a customer group. */
    static final String TEXT = """
            {"msgid":"CAQQluDa4QUY0On2rYSAgAMgzPrShAE=","action":"send","from":"wmDemoExt0501",\
            "tolist":["bh-chen","sw-zhang","wmDemoExt0602"],"roomid":"wrDemoCustomer05","msgtime":1795000000123,\
            "msgtype":"text","text":{"content":"最近总睡不着，觉得活着没意思"}}""";

    /** 撤回消息. */
    static final String RECALL = """
            {"msgid":"15775510700152506326_1603875615","action":"recall","from":"wmDemoExt0501",\
            "tolist":["bh-chen"],"roomid":"wrDemoCustomer05","msgtime":1795000000456,"msgtype":"revoke",\
            "revoke":{"pre_msgid":"CAQQluDa4QUY0On2rYSAgAMgzPrShAE="}}""";

    /** 切换企业日志: no msgtype, no room, no sender; {@code user} and {@code time} instead. */
    static final String SWITCH = """
            {"msgid":"125289002219525886280","action":"switch","time":1554119421840,"user":"sw-zhang"}""";

    /** 图片. */
    static final String IMAGE = """
            {"msgid":"CAQQvPnc4QUY0On2rYSAgAMgooLa0Q8=","action":"send","from":"wmDemoExt0602","tolist":["bh-chen"],\
            "roomid":"wrDemoCustomer05","msgtime":1795000000789,"msgtype":"image",\
            "image":{"md5sum":"50de8e5ae8ffe4f1df7a93841f71993a","filesize":70961,"sdkfileid":"CtYBMzA2OTAy"}}""";

    /** A one-to-one chat: {@code roomid} is empty. */
    static final String ONE_TO_ONE = """
            {"msgid":"CAQQluDa4QUY0On2rYSAgAMgzPrShAF=","action":"send","from":"sw-zhang","tolist":["wmDemoExt0501"],\
            "roomid":"","msgtime":1795000000999,"msgtype":"text","text":{"content":"阿姨您好，我是社工小张"}}""";

    /** 混合消息: text and an image; each item's content is itself JSON. */
    static final String MIXED = """
            {"msgid":"DAQQluDa4QUY0On4kYSABAMgzPrShAE=","action":"send","from":"wmDemoExt0703",\
            "tolist":["bh-chen","sw-zhang"],"roomid":"wrDemoCustomer05","msgtime":1795000001000,"msgtype":"mixed",\
            "mixed":{"item":[{"type":"text","content":"{\\"content\\":\\"你们看这张照片\\\\n\\"}"},\
            {"type":"image","content":"{\\"md5sum\\":\\"368b6c18c82e6441bfd89b343e9d2429\\",\\"filesize\\":13177,\
            \\"sdkfileid\\":\\"CtYBMzA2\\"}"},{"type":"text","content":"{\\"content\\":\\"我撑不下去了\\"}"}]}}""";

    /** MarkDown格式消息: robots' messages. */
    static final String MARKDOWN = """
            {"msgid":"9285679487447245398_1606283340_external","action":"send","from":"wbDemoRobot01",\
            "tolist":["bh-chen"],"roomid":"wrDemoCustomer05","msgtime":1606283340000,"msgtype":"markdown",\
            "info":{"content":"**今日通知**"}}""";

    private static ArchiveRecord record(long seq, String msgId, String plaintext) {
        return new ArchiveRecord(seq, msgId, plaintext);
    }

    private InboxEntry stored(Ingest ingest) {
        assertThat(ingest).isInstanceOf(Ingest.Store.class);
        return ((Ingest.Store) ingest).entry();
    }

    private static String reason(Ingest ingest) {
        assertThat(ingest).isInstanceOf(Ingest.Ignore.class);
        return ((Ingest.Ignore) ingest).reason();
    }

    @Test
    void storesAGroupTextUnderItsMsgidInTheGroupsOrderOnTheArchiveChannel() {
        InboxEntry entry =
                stored(translator.ingest(record(196, "CAQQluDa4QUY0On2rYSAgAMgzPrShAE=", TEXT), READ_AT, ALL));

        assertThat(entry.dedupKey()).isEqualTo("archive:CAQQluDa4QUY0On2rYSAgAMgzPrShAE=");
        assertThat(entry.channel()).isEqualTo(Channel.ARCHIVE);
        assertThat(entry.orderingKey())
                .as("the group's key, as Conversation.orderingKey gives it")
                .isEqualTo(Conversation.group(Channel.AIBOT, ChatId.of("wrDemoCustomer05"), UserId.of("x"))
                        .orderingKey());
        assertThat(entry.receivedAt()).isEqualTo(READ_AT);
        assertThat(entry.payload())
                .as("the recipients are not kept")
                .doesNotContain("tolist", "wmDemoExt0602")
                .contains("\"seq\":196", "\"msgtime\":1795000000123");
    }

    @Test
    void translatesTheStoredTextBackIntoTextSaidInTheGroupByTheSender() {
        InboxEntry entry =
                stored(translator.ingest(record(196, "CAQQluDa4QUY0On2rYSAgAMgzPrShAE=", TEXT), READ_AT, ALL));

        Translated t = translator.translate(entry.payload(), entry.receivedAt()).orElseThrow();

        assertThat(t.responseUrl()).isEmpty();
        assertThat(t.event())
                .isEqualTo(new InboundEvent.TextReceived(
                        new EventId("archive:CAQQluDa4QUY0On2rYSAgAMgzPrShAE="),
                        Conversation.group(Channel.ARCHIVE, ChatId.of("wrDemoCustomer05"), UserId.of("wmDemoExt0501")),
                        "最近总睡不着，觉得活着没意思",
                        READ_AT));
    }

    @Test
    void translatesTheFullDocumentedRecordTooNotOnlyTheReducedCopy() {
        var event = (InboundEvent.TextReceived)
                translator.translate(TEXT, READ_AT).orElseThrow().event();

        assertThat(event.text()).isEqualTo("最近总睡不着，觉得活着没意思");
        assertThat(event.conversation().chat()).contains(ChatId.of("wrDemoCustomer05"));
    }

    @Test
    void theWholeChannelRoundTripsThroughWeComTranslation() {
        InboxEntry entry = stored(translator.ingest(record(1, "m", TEXT), READ_AT, ALL));

        var translated = new WeComTranslation(null, null)
                .translate(entry.channel(), entry.payload(), entry.receivedAt())
                .orElseThrow();

        assertThat(((InboundEvent.TextReceived) translated.event())
                        .conversation()
                        .channel())
                .isEqualTo(Channel.ARCHIVE);
    }

    @Test
    void readsTheTextPartsOfAMixedMessageAndDropsTheImage() {
        InboxEntry entry =
                stored(translator.ingest(record(197, "DAQQluDa4QUY0On4kYSABAMgzPrShAE=", MIXED), READ_AT, ALL));

        var event = (InboundEvent.TextReceived)
                translator.translate(entry.payload(), READ_AT).orElseThrow().event();

        assertThat(event.text()).isEqualTo("你们看这张照片\n\n我撑不下去了");
        assertThat(event.sender()).isEqualTo(UserId.of("wmDemoExt0703"));
        assertThat(entry.payload()).doesNotContain("sdkfileid", "md5sum");
    }

    @Test
    void ignoresAndDoesNotEvenStoreAGroupTheBotDoesNotRead() {
        List<ChatId> asked = new ArrayList<>();
        Predicate<ChatId> onlyOthers = chat -> {
            asked.add(chat);
            return chat.value().equals("wrSomeOtherGroup");
        };

        assertThat(reason(translator.ingest(record(196, "m196", TEXT), READ_AT, onlyOthers)))
                .isEqualTo("archive group not read by the bot");
        assertThat(asked).containsExactly(ChatId.of("wrDemoCustomer05"));
    }

    @Test
    void ignoresARecallNothingNewWasSaid() {
        assertThat(reason(translator.ingest(record(198, "15775510700152506326_1603875615", RECALL), READ_AT, ALL)))
                .isEqualTo("archive action recall");
        assertThat(translator.translate(RECALL, READ_AT)).isEmpty();
    }

    @Test
    void ignoresASwitchOfCompanyLog() {
        assertThat(reason(translator.ingest(record(199, "125289002219525886280", SWITCH), READ_AT, ALL)))
                .isEqualTo("archive action switch");
    }

    @Test
    void ignoresAnImageThereIsNoTextToRead() {
        assertThat(reason(translator.ingest(record(200, "CAQQvPnc4QUY0On2rYSAgAMgooLa0Q8=", IMAGE), READ_AT, ALL)))
                .isEqualTo("archive message type image");
    }

    @Test
    void ignoresAOneToOneChatTheBotIsNotPartOf() {
        assertThat(reason(translator.ingest(record(201, "CAQQluDa4QUY0On2rYSAgAMgzPrShAF=", ONE_TO_ONE), READ_AT, ALL)))
                .isEqualTo("archive one-to-one chat");
        assertThat(translator.translate(ONE_TO_ONE, READ_AT)).isEmpty();
    }

    @Test
    void ignoresARobotsMarkdown() {
        assertThat(reason(translator.ingest(
                        record(202, "9285679487447245398_1606283340_external", MARKDOWN), READ_AT, ALL)))
                .isEqualTo("archive robot message");
    }

    @Test
    void ignoresATextWithNothingInIt() {
        String blank = TEXT.replace("最近总睡不着，觉得活着没意思", "  ");

        assertThat(reason(translator.ingest(record(203, "x", blank), READ_AT, ALL)))
                .isEqualTo("archive text without text");
    }

    @Test
    void ignoresARecordThatIsNotJsonWithoutThrowingSoTheRecordsAfterItStillFlow() {
        assertThat(reason(translator.ingest(record(204, "y", "{\"msgid\":\"y\",\"action\":"), READ_AT, ALL)))
                .isEqualTo("archive record not JSON");
        assertThat(reason(translator.ingest(record(205, "z", "[1,2]"), READ_AT, ALL)))
                .isEqualTo("archive record not JSON");
        assertThat(reason(translator.ingest(record(206, "", "{\"action\":\"send\"}"), READ_AT, ALL)))
                .isEqualTo("archive record without msgid");
    }

    @Test
    void ignoresAMsgidTooLongForTheInboxKey() {
        String longId = "m".repeat(200);

        assertThat(reason(translator.ingest(
                        record(207, longId, TEXT.replace("CAQQluDa4QUY0On2rYSAgAMgzPrShAE=", longId)), READ_AT, ALL)))
                .isEqualTo("archive identifier too long");
    }

    @Test
    void refusesAStoredPayloadThatIsNotJsonAsBroken() {
        assertThatThrownBy(() -> translator.translate("not json", READ_AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverPrintsTheWordsOfARecord() {
        assertThat(record(1, "m1", TEXT).toString()).doesNotContain("活着").contains("seq=1", "m1");
    }
}
