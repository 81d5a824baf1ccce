package org.sanshe.bot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Group;

class GroupFinderTest {
    private static final Group SUNSHINE_FOCUS =
            new Group(1, ChatId.of("wrFOCUS1"), "阳光社区聚焦服务群", "FOCUS_SERVICE", Channel.AIBOT);
    private static final Group HAPPY_FOCUS =
            new Group(2, ChatId.of("wrFOCUS2"), "幸福里聚焦服务群", "FOCUS_SERVICE", Channel.AIBOT);
    private static final Group BUILDING_FIVE =
            new Group(3, ChatId.of("wrOgQhDgAAcw_5"), "5栋居民群", "RESIDENTS", Channel.CUSTOMER);
    private static final Group ABC = new Group(4, ChatId.of("wrABC4"), "ABC Garden 居民群", "RESIDENTS", Channel.AIBOT);
    private static final List<Group> GROUPS = List.of(SUNSHINE_FOCUS, HAPPY_FOCUS, BUILDING_FIVE, ABC);

    private static Lookup<Group> find(String typed) {
        return GroupFinder.find(typed, GROUPS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "#2", "＃２", "编号2", "编号 2", "２", " 2 "})
    void findsAGroupByItsNumberHoweverItIsWritten(String typed) {
        assertThat(find(typed)).isEqualTo(new Lookup.Found<>(HAPPY_FOCUS));
    }

    @Test
    void aNumberNoGroupHasIsReadAsAName() {
        assertThat(find("5")).isEqualTo(new Lookup.Found<>(BUILDING_FIVE));
        assertThat(find("99")).isEqualTo(new Lookup.NotFound<>());
    }

    @Test
    void findsAGroupByItsChatIdInAnyCase() {
        assertThat(find("wrOgQhDgAAcw_5")).isEqualTo(new Lookup.Found<>(BUILDING_FIVE));
        assertThat(find("WRFOCUS1")).isEqualTo(new Lookup.Found<>(SUNSHINE_FOCUS));
    }

    @Test
    void findsAGroupByItsFullName() {
        assertThat(find("阳光社区聚焦服务群")).isEqualTo(new Lookup.Found<>(SUNSHINE_FOCUS));
    }

    @Test
    void readsNamesInQuotesFullWidthAndAnyCase() {
        assertThat(find("「阳光社区聚焦服务群」")).isEqualTo(new Lookup.Found<>(SUNSHINE_FOCUS));
        assertThat(find("“幸福里聚焦服务群”")).isEqualTo(new Lookup.Found<>(HAPPY_FOCUS));
        assertThat(find("《5栋居民群》")).isEqualTo(new Lookup.Found<>(BUILDING_FIVE));
        assertThat(find("ａｂｃ ｇａｒｄｅｎ 居民群")).isEqualTo(new Lookup.Found<>(ABC));
        assertThat(find("abc garden")).isEqualTo(new Lookup.Found<>(ABC));
    }

    @Test
    void findsAGroupByAPartOfTheNameOnlyItHas() {
        assertThat(find("幸福里")).isEqualTo(new Lookup.Found<>(HAPPY_FOCUS));
        assertThat(find("阳光")).isEqualTo(new Lookup.Found<>(SUNSHINE_FOCUS));
    }

    @Test
    void aPartSeveralGroupsShareIsAmbiguous() {
        assertThat(find("聚焦")).isEqualTo(new Lookup.Ambiguous<>(List.of(SUNSHINE_FOCUS, HAPPY_FOCUS)));
        assertThat(find("居民群")).isEqualTo(new Lookup.Ambiguous<>(List.of(BUILDING_FIVE, ABC)));
    }

    @Test
    void aFullNameWinsOverGroupsThatOnlyContainIt() {
        var plain = new Group(5, ChatId.of("wrPLAIN5"), "聚焦服务群", "FOCUS_SERVICE", Channel.AIBOT);

        var found = GroupFinder.find("聚焦服务群", List.of(SUNSHINE_FOCUS, plain, HAPPY_FOCUS));

        assertThat(found).isEqualTo(new Lookup.Found<>(plain));
    }

    @Test
    void twoGroupsWithTheSameNameAreAmbiguous() {
        var twin = new Group(6, ChatId.of("wrTWIN6"), "阳光社区聚焦服务群", "FOCUS_SERVICE", Channel.AIBOT);

        var found = GroupFinder.find("阳光社区聚焦服务群", List.of(SUNSHINE_FOCUS, twin));

        assertThat(found).isEqualTo(new Lookup.Ambiguous<>(List.of(SUNSHINE_FOCUS, twin)));
        // the number still tells them apart
        assertThat(GroupFinder.find("#6", List.of(SUNSHINE_FOCUS, twin))).isEqualTo(new Lookup.Found<>(twin));
    }

    @Test
    void nothingTypedOrNothingMatchingIsNotFound() {
        assertThat(find("")).isEqualTo(new Lookup.NotFound<>());
        assertThat(find("「」")).isEqualTo(new Lookup.NotFound<>());
        assertThat(find("篮球群")).isEqualTo(new Lookup.NotFound<>());
        assertThat(GroupFinder.find("阳光", List.of())).isEqualTo(new Lookup.NotFound<>());
    }
}
