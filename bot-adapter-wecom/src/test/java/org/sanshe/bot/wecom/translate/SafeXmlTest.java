package org.sanshe.bot.wecom.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sanshe.bot.wecom.Vectors.A;
import org.sanshe.bot.wecom.Vectors.B;
import org.sanshe.bot.wecom.callback.BadCallbackException;

class SafeXmlTest {

    @Test
    void readsCdataAndPlainTextFields() {
        SafeXml.Fields a = SafeXml.parse(A.A2_PLAINTEXT);
        SafeXml.Fields b = SafeXml.parse(B.B2_PLAINTEXT);

        assertThat(a.require("FromUserName")).isEqualTo("mycreate");
        assertThat(a.require("Content")).isEqualTo("hello");
        assertThat(a.require("MsgId")).isEqualTo("4561255354251345929");
        assertThat(a.require("CreateTime")).isEqualTo("1409659813");
        assertThat(b.require("FromUserName")).isEqualTo("ChenJiaShun");
        assertThat(b.require("Content")).isEqualTo("你好");
        assertThat(b.require("AgentID")).isEqualTo("1000002");
    }

    @Test
    void joinsTextSplitAcrossCdataSectionsAndEscapes() {
        SafeXml.Fields f = SafeXml.parse("<xml><Content><![CDATA[a]]]]><![CDATA[>b]]> &amp; c&lt;</Content></xml>");

        assertThat(f.require("Content")).isEqualTo("a]]>b & c<");
    }

    @Test
    void readsMemChangeListItemsAsAList() {
        SafeXml.Fields f = SafeXml.parse("<xml><ChatId>wr1</ChatId><MemChangeList><Item><![CDATA[wmJack]]></Item>"
                + "<Item>wmRose</Item><Item><![CDATA[zhangsan]]></Item></MemChangeList><CurMemVer>7</CurMemVer></xml>");

        assertThat(f.list("MemChangeList")).containsExactly("wmJack", "wmRose", "zhangsan");
        assertThat(f.require("ChatId")).isEqualTo("wr1");
        assertThat(f.require("CurMemVer")).isEqualTo("7");
    }

    @Test
    void readsASingleItemAsAListOfOne() {
        SafeXml.Fields f = SafeXml.parse("<xml><MemChangeList><Item>wmJack</Item></MemChangeList></xml>");

        assertThat(f.list("MemChangeList")).containsExactly("wmJack");
        assertThat(f.list("Nothing")).isEmpty();
    }

    @Test
    void treatsAnEmptyFieldAsMissing() {
        SafeXml.Fields f = SafeXml.parse("<xml><EventKey><![CDATA[]]></EventKey><Event>x</Event></xml>");

        assertThat(f.get("EventKey")).isEmpty();
        assertThat(f.get("Absent")).isEmpty();
        assertThat(f.get("Event")).hasValue("x");
        assertThatThrownBy(() -> f.require("EventKey"))
                .isInstanceOf(BadCallbackException.class)
                .hasMessageContaining("EventKey");
    }

    @Test
    void keepsTheFirstOfRepeatedFields() {
        SafeXml.Fields f = SafeXml.parse("<xml><MsgType>text</MsgType><MsgType>event</MsgType></xml>");

        assertThat(f.require("MsgType")).isEqualTo("text");
    }

    @Test
    void refusesDeepNesting() {
        String deep = "<xml>" + "<a>".repeat(10) + "x" + "</a>".repeat(10) + "</xml>";

        assertThatThrownBy(() -> SafeXml.parse(deep))
                .isInstanceOf(BadCallbackException.class)
                .hasMessageContaining("deep");
    }

    @Test
    void refusesTooManyElements() {
        String wide = "<xml>" + "<a>1</a>".repeat(600) + "</xml>";

        assertThatThrownBy(() -> SafeXml.parse(wide)).isInstanceOf(BadCallbackException.class);
    }

    @Test
    void refusesADoctypeEvenWithoutEntities() {
        assertThatThrownBy(() -> SafeXml.parse("<!DOCTYPE xml><xml><a>1</a></xml>"))
                .isInstanceOf(BadCallbackException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesAnInternalEntity() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e \"boom\">]><xml><a>&e;</a></xml>";

        assertThatThrownBy(() -> SafeXml.parse(xml)).isInstanceOf(BadCallbackException.class);
    }

    @Test
    void refusesAnUndeclaredEntityReference() {
        assertThatThrownBy(() -> SafeXml.parse("<xml><a>&nope;</a></xml>")).isInstanceOf(BadCallbackException.class);
    }

    @Test
    void refusesXmlThatIsNotWellFormed() {
        assertThatThrownBy(() -> SafeXml.parse("<xml><a>1</b></xml>"))
                .isInstanceOf(BadCallbackException.class)
                .hasMessageContaining("well-formed");
        assertThatThrownBy(() -> SafeXml.parse("<xml><a>1</a>")).isInstanceOf(BadCallbackException.class);
        assertThatThrownBy(() -> SafeXml.parse("{\"encrypt\":\"x\"}")).isInstanceOf(BadCallbackException.class);
    }

    @Test
    void refusesADocumentWithoutARoot() {
        assertThatThrownBy(() -> SafeXml.parse("")).isInstanceOf(BadCallbackException.class);
        assertThatThrownBy(() -> SafeXml.parse("<?xml version=\"1.0\"?>")).isInstanceOf(BadCallbackException.class);
        assertThatThrownBy(() -> SafeXml.parse("<!-- only a comment -->")).isInstanceOf(BadCallbackException.class);
    }
}
