package org.sanshe.bot.core.nickname;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.nickname.NicknamePart.Kind;

/** The grammar: the nickname formats of group-types.yml read as named parts, and the formats it refuses. */
class NicknameFormatTest {

    @Test
    void readsTheGuidancesFormatsIntoNamedParts() {
        assertThat(NicknameFormat.parse("楼栋房号-自住").parts())
                .extracting(NicknamePart::kind)
                .containsExactly(Kind.HOUSEHOLD, Kind.TENURE);
        assertThat(NicknameFormat.parse("楼栋房号-自住").part(Kind.TENURE).flatMap(NicknamePart::tenure))
                .contains(Tenure.OWNER);
        assertThat(NicknameFormat.parse("社工-姓名").part(Kind.TITLE).flatMap(NicknamePart::title))
                .contains(Title.SOCIAL_WORKER);
        assertThat(NicknameFormat.parse("店名-姓名").parts())
                .extracting(NicknamePart::kind)
                .containsExactly(Kind.SHOP, Kind.NAME);
        assertThat(NicknameFormat.parse("楼栋单元房号-租住").parts().get(0).unitRequired())
                .isTrue();
        assertThat(NicknameFormat.parse("楼栋房号-房东").part(Kind.TENURE).flatMap(NicknamePart::tenure))
                .contains(Tenure.LANDLORD);
        assertThat(NicknameFormat.parse("任意昵称").has(Kind.ANY)).isTrue();
        assertThat(NicknameFormat.parse("「物业」-姓名").parts().get(0)).satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.LITERAL);
            assertThat(p.word()).isEqualTo("物业");
        });
    }

    @Test
    void readsEveryTitleAndTheLongestWordFirst() {
        assertThat(NicknameFormat.parse("社区志愿者-姓名").part(Kind.TITLE).flatMap(NicknamePart::title))
                .contains(Title.VOLUNTEER);
        assertThat(NicknameFormat.parse("社区-姓名").part(Kind.TITLE).flatMap(NicknamePart::title))
                .contains(Title.COMMUNITY);
        assertThat(NicknameFormat.parse("心理咨询-姓名").part(Kind.TITLE).flatMap(NicknamePart::title))
                .contains(Title.COUNSELOR);
        for (Title t : Title.values()) {
            assertThat(NicknameFormat.parse(t.word() + "-姓名").part(Kind.TITLE).flatMap(NicknamePart::title))
                    .as(t.word())
                    .contains(t);
            for (String synonym : t.synonyms()) {
                assertThat(NicknameFormat.parse(synonym + "-姓名")
                                .part(Kind.TITLE)
                                .flatMap(NicknamePart::title))
                        .as(synonym)
                        .contains(t);
            }
        }
    }

    @Test
    void acceptsTheSeparatorsPeopleWriteOrNoneAndWritesSuggestionsWithTheFormatsOwn() {
        NicknameConvention plus = NicknameConvention.parse(List.of("社工+姓名"));
        NicknameConvention none = NicknameConvention.parse(List.of("社工姓名"));
        NicknameConvention wide = NicknameConvention.parse(List.of("楼栋房号 － 自住"));
        NicknameConvention space = NicknameConvention.parse(List.of("楼栋房号 自住"));

        assertThat(plus.check("社工·张三").canonical()).contains("社工-张三");
        assertThat(none.check("社工-张三").canonical()).contains("社工张三");
        assertThat(wide.check("3栋1202业主").canonical()).contains("3栋1202-自住");
        assertThat(space.check("3-1202-自住").canonical()).contains("3栋1202 自住");
    }

    @Test
    void aFormatWritingASynonymSuggestsInItsOwnWords() {
        NicknameConvention c = NicknameConvention.parse(List.of("楼长-姓名", "医生-姓名"));

        assertThat(c.check("楼门栋长张三").canonical()).contains("楼长-张三");
        assertThat(c.check("医务李四").canonical()).contains("医生-李四");
    }

    @Test
    void refusesAnUnknownWordNamingIt() {
        assertThatThrownBy(() -> NicknameFormat.parse("楼栋房号-自主"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'楼栋房号-自主'")
                .hasMessageContaining("unknown word '自主'");
        assertThatThrownBy(() -> NicknameFormat.parse("保安-姓名"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown word '保安'");
        assertThatThrownBy(() -> NicknameFormat.parse("楼栋房号-手机号"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'手机号'");
    }

    @Test
    void refusesAPartTwice() {
        assertThatThrownBy(() -> NicknameFormat.parse("姓名-姓名"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the name appears more than once");
        assertThatThrownBy(() -> NicknameFormat.parse("社工-医务-姓名"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a title appears more than once");
        assertThatThrownBy(() -> NicknameFormat.parse("楼栋房号-自住-租住"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a tenure word appears more than once");
    }

    @Test
    void refusesFormatsNobodyCouldFollow() {
        assertThatThrownBy(() -> NicknameFormat.parse(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> NicknameFormat.parse("店名姓名"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need a separator");
        assertThatThrownBy(() -> NicknameFormat.parse("任意昵称-姓名"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("任意昵称 stands alone");
        assertThatThrownBy(() -> NicknameFormat.parse("「物业」"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only fixed words");
        assertThatThrownBy(() -> NicknameFormat.parse("「物业-姓名"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> NicknameFormat.parse("「1期」-姓名"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Chinese characters or letters");
    }

    @Test
    void refusesTwoFormatsThatMeanTheSame() {
        assertThatThrownBy(() -> NicknameConvention.parse(List.of("楼栋房号-自住", "社工-姓名", "楼栋房号·业主")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'楼栋房号-自住' and '楼栋房号·业主' mean the same");
    }

    @Test
    void keepsTheFormatsAsWrittenForPeopleToRead() {
        NicknameConvention c = NicknameConvention.parse(List.of("楼栋房号-自住", " 社工·姓名 "));

        assertThat(c.sources()).containsExactly("楼栋房号-自住", "社工·姓名");
        assertThat(c).hasToString("楼栋房号-自住、社工·姓名");
        assertThat(c).isEqualTo(NicknameConvention.parse(List.of("楼栋房号-自住", "社工·姓名")));
        assertThat(NicknameConvention.parse(List.of())).isSameAs(NicknameConvention.none());
    }

    @Test
    void noWordOfTenureOrTitleHasTwoMeanings() {
        assertThat(Keywords.words()).hasSizeGreaterThan(50);
        assertThat(Keywords.all()).isNotNull(); // building the trie throws on a word with two meanings
    }
}
