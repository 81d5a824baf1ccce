package org.sanshe.bot.wecom.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Conversation;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.event.EventId;
import org.sanshe.bot.core.event.InboundEvent;
import org.sanshe.bot.wecom.Vectors.A;
import org.sanshe.bot.wecom.Vectors.B;
import org.sanshe.bot.wecom.callback.BadCallbackException;

class AppTranslatorTest {
    private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");
    private final AppTranslator translator = new AppTranslator();

    static String groupChange(String detail, String members) {
        return "<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName>"
                + "<FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1476422800</CreateTime>"
                + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_chat]]></Event>"
                + "<ChatId><![CDATA[wrCustomerGroup1]]></ChatId><ChangeType><![CDATA[update]]></ChangeType>"
                + "<UpdateDetail><![CDATA[" + detail + "]]></UpdateDetail><MemChangeCnt>2</MemChangeCnt>"
                + "<MemChangeList>" + members
                + "</MemChangeList><LastMemVer>a</LastMemVer><CurMemVer>b</CurMemVer></xml>";
    }

    @Test
    void translatesAnAppTextIntoADirectTextOnTheAppChannel() {
        Translated t = translator.translate(B.B2_PLAINTEXT, AT).orElseThrow();

        assertThat(t.event())
                .isEqualTo(new InboundEvent.TextReceived(
                        new EventId("app:msg:1456453720"),
                        Conversation.direct(Channel.APP, UserId.of("ChenJiaShun")),
                        "你好",
                        AT));
        assertThat(t.responseUrl()).isEmpty();
    }

    @Test
    void translatesTheOfficialCdataText() {
        var text = (InboundEvent.TextReceived)
                translator.translate(A.A2_PLAINTEXT, AT).orElseThrow().event();

        assertThat(text.text()).isEqualTo("hello");
        assertThat(text.sender()).isEqualTo(UserId.of("mycreate"));
        assertThat(text.id()).isEqualTo(new EventId("app:msg:4561255354251345929"));
    }

    @Test
    void translatesAMemberJoinIntoMembersJoinedWithTheMemberIds() {
        String join = groupChange("add_member", "<Item><![CDATA[wmJack]]></Item><Item><![CDATA[lisi]]></Item>");

        InboundEvent e = translator.translate(join, AT).orElseThrow().event();

        assertThat(e).isInstanceOf(InboundEvent.MembersJoined.class);
        var joined = (InboundEvent.MembersJoined) e;
        assertThat(joined.chat()).isEqualTo(ChatId.of("wrCustomerGroup1"));
        assertThat(joined.members()).containsExactly(UserId.of("wmJack"), UserId.of("lisi"));
        assertThat(joined.channel()).isEqualTo(Channel.CUSTOMER);
        assertThat(joined.orderingKey()).isEqualTo("g:wrCustomerGroup1");
        assertThat(joined.at()).isEqualTo(AT);
    }

    @Test
    void translatesAMemberLeaveIntoMembersLeftWithTheMemberIds() {
        String leave = groupChange("del_member", "<Item><![CDATA[wmRose]]></Item>");

        InboundEvent e = translator.translate(leave, AT).orElseThrow().event();

        assertThat(e).isInstanceOf(InboundEvent.MembersLeft.class);
        assertThat(((InboundEvent.MembersLeft) e).members()).containsExactly(UserId.of("wmRose"));
        assertThat(((InboundEvent.MembersLeft) e).chat()).isEqualTo(ChatId.of("wrCustomerGroup1"));
    }

    @Test
    void skipsBlankMemberItems() {
        String join = groupChange("add_member", "<Item><![CDATA[wmJack]]></Item><Item>  </Item><Item/>");

        var joined = (InboundEvent.MembersJoined)
                translator.translate(join, AT).orElseThrow().event();

        assertThat(joined.members()).containsExactly(UserId.of("wmJack"));
    }

    @Test
    void translatesAnAppCardClick() {
        String click = "<xml><FromUserName><![CDATA[lisi]]></FromUserName><CreateTime>1409659810</CreateTime>"
                + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>"
                + "<EventKey><![CDATA[accept]]></EventKey><TaskId><![CDATA[task-7]]></TaskId></xml>";

        InboundEvent e = translator.translate(click, AT).orElseThrow().event();

        assertThat(e)
                .isEqualTo(new InboundEvent.CardButtonClicked(
                        new EventId("app:ev:lisi:1409659810:card:task-7:accept"),
                        Conversation.direct(Channel.APP, UserId.of("lisi")),
                        "task-7",
                        "accept",
                        AT));
    }

    @Test
    void translatesNothingForPayloadsTheCoreDoesNotDecideOn() {
        String image = A.A2_PLAINTEXT.replace("<MsgType><![CDATA[text]]></MsgType>", "<MsgType>image</MsgType>");
        String enterAgent = "<xml><FromUserName>lisi</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>event</MsgType><Event>enter_agent</Event></xml>";

        assertThat(translator.translate(image, AT)).isEmpty();
        assertThat(translator.translate(enterAgent, AT)).isEmpty();
    }

    /*
     * BUG in main (AppTranslator.translate, the "add_member".equals(detail) ? MembersJoined : MembersLeft branch): every
     * change_external_chat that is not add_member (change_name, change_owner, change_notice, create, dismiss) comes out
     * as MembersLeft with an empty member list, although WeComTranslation promises Optional.empty() for payloads the
     * core does not decide on (e.g. stored by an older, wider translator). Passes only with the fix.
     */
    @Test
    void translatesNothingForGroupChangesOtherThanMembership() {
        String rename = groupChange("change_name", "");
        String dismiss = groupChange("", "").replace("<![CDATA[update]]>", "<![CDATA[dismiss]]>");
        String create = groupChange("", "").replace("<![CDATA[update]]>", "<![CDATA[create]]>");

        assertThat(translator.translate(rename, AT)).isEmpty();
        assertThat(translator.translate(dismiss, AT)).isEmpty();
        assertThat(translator.translate(create, AT)).isEmpty();
    }

    @Test
    void refusesAPayloadWithoutSenderOrType() {
        assertThatThrownBy(() -> translator.translate("<xml><MsgType>text</MsgType></xml>", AT))
                .isInstanceOf(BadCallbackException.class);
        assertThatThrownBy(() -> translator.ingest("<xml><FromUserName>u</FromUserName></xml>", AT))
                .isInstanceOf(BadCallbackException.class);
    }

    @Test
    void ingestStoresAGroupChangeUnderTheGroupsOrderingKey() {
        String join = groupChange("add_member", "<Item>wmJack</Item>");

        var entry = ((Ingest.Store) translator.ingest(join, AT)).entry();

        assertThat(entry.orderingKey()).isEqualTo("g:wrCustomerGroup1");
        assertThat(entry.channel()).isEqualTo(Channel.APP);
        assertThat(entry.dedupKey())
                .isEqualTo("app:ev:sys:1476422800:change_external_chat:wrCustomerGroup1:add_member:b");
    }

    @Test
    void twoJoinsInTheSameSecondAreTwoEventsButARetryIsOne() {
        String first = groupChange("add_member", "<Item>wmJack</Item>");
        String second = first.replace("<CurMemVer>b</CurMemVer>", "<CurMemVer>c</CurMemVer>");

        String firstKey = ((Ingest.Store) translator.ingest(first, AT)).entry().dedupKey();
        String retryKey = ((Ingest.Store) translator.ingest(first, AT)).entry().dedupKey();
        String secondKey =
                ((Ingest.Store) translator.ingest(second, AT)).entry().dedupKey();

        assertThat(retryKey).isEqualTo(firstKey);
        assertThat(secondKey).isNotEqualTo(firstKey);
    }

    @Test
    void ingestIgnoresGroupChangesOtherThanMembership() {
        assertThat(translator.ingest(groupChange("change_name", ""), AT)).isInstanceOf(Ingest.Ignore.class);
        String dismiss = groupChange("", "").replace("update", "dismiss");
        assertThat(translator.ingest(dismiss, AT)).isInstanceOf(Ingest.Ignore.class);
    }

    @Test
    void storedPayloadAndTranslationAgreeOnTheEventId() {
        for (String payload : new String[] {A.A2_PLAINTEXT, groupChange("del_member", "<Item>wmRose</Item>")}) {
            var entry = ((Ingest.Store) translator.ingest(payload, AT)).entry();
            InboundEvent e = translator
                    .translate(entry.payload(), entry.receivedAt())
                    .orElseThrow()
                    .event();

            assertThat(e.id().value()).isEqualTo(entry.dedupKey());
            assertThat(e.orderingKey()).isEqualTo(entry.orderingKey());
        }
    }

    @Test
    void refusesAnIdentifierTooLongForADedupKey() {
        String longId = B.B2_PLAINTEXT.replace("1456453720", "9".repeat(200));

        assertThatThrownBy(() -> translator.ingest(longId, AT)).isInstanceOf(BadCallbackException.class);
    }
}
