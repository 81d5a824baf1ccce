package org.sanshe.bot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.GroupType;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.nickname.NicknameConvention;
import org.sanshe.bot.core.nickname.NicknameProblem;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

/** config/group-types.yml as packaged, and the mistakes in such a file that stop the start with the entry named. */
class GroupTypesLoaderTest {

    private static GroupTypes packaged() {
        return GroupTypesLoader.load(new ClassPathResource("group-types.yml"));
    }

    private static GroupTypes yaml(String text) {
        return GroupTypesLoader.load(new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), "test group types"));
    }

    @Test
    void thePackagedFileHasElevenTypesEachWithAChineseNameRulesAndAnEscalationChain() {
        GroupTypes types = packaged();

        assertThat(types.all()).hasSize(11);
        assertThat(types.all()).allSatisfy(t -> {
            assertThat(t.chineseName()).as(t.code()).matches(".*\\p{IsHan}.*");
            assertThat(t.rules()).as(t.code()).isNotBlank();
            assertThat(t.escalationChain()).as(t.code()).isNotEmpty().contains(Role.ADMIN);
        });
        assertThat(types.all()).extracting(GroupType::code).doesNotHaveDuplicates();
    }

    @Test
    void thePackagedFileHasTheThreeCoreTiersAndFourSupportGroupsOfTheGuidance() {
        GroupTypes types = packaged();

        assertThat(types.all())
                .filteredOn(t -> t.tier() == GroupType.Tier.CORE)
                .extracting(GroupType::code, GroupType::chineseName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("RESIDENTS", "线上小区居民群"),
                        org.assertj.core.groups.Tuple.tuple("FOCUS_SERVICE", "聚焦服务群"),
                        org.assertj.core.groups.Tuple.tuple("KEY_COMPANION", "重点陪助群"));
        assertThat(types.all())
                .filteredOn(t -> t.tier() == GroupType.Tier.SUPPORT)
                .extracting(GroupType::code, GroupType::chineseName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PREVENTION_WORK", "线上社区防控工作群"),
                        org.assertj.core.groups.Tuple.tuple("VOLUNTEER_POOL", "线上志愿服务总群"),
                        org.assertj.core.groups.Tuple.tuple("VOLUNTEER_DISPATCH", "线上志愿者派驻协调群"),
                        org.assertj.core.groups.Tuple.tuple("EXPERT_SUPERVISION", "线上专家督导群"));
        assertThat(types.all())
                .filteredOn(t -> t.tier() == GroupType.Tier.OTHER)
                .hasSize(4);
    }

    @Test
    void thePackagedTypesAreFoundByTheWordsPeopleType() {
        GroupTypes types = packaged();

        assertThat(types.find("居民群")).get().extracting(GroupType::code).isEqualTo("RESIDENTS");
        assertThat(types.find("聚焦服务群")).get().extracting(GroupType::code).isEqualTo("FOCUS_SERVICE");
        assertThat(types.find("focus-service"))
                .get()
                .extracting(GroupType::code)
                .isEqualTo("FOCUS_SERVICE");
        assertThat(types.find("重点陪助群")).get().extracting(GroupType::code).isEqualTo("KEY_COMPANION");
        assertThat(types.byCode("RESIDENTS").orElseThrow().rulesFor("阳光小区5栋居民群"))
                .contains("阳光小区5栋居民群")
                .doesNotContain("{群名}");
    }

    @Test
    void theClasspathCopyIsTheProjectsConfigFile() throws Exception {
        var source = new FileSystemResource("../config/group-types.yml");
        assertThat(source.exists()).isTrue();
        assertThat(new ClassPathResource("group-types.yml").getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(source.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aNameUsedByTwoTypesIsRefusedNamingBoth() {
        assertThatThrownBy(() -> yaml("""
                        group-types:
                          - code: NIGHT_PATROL
                            name: 夜间巡访群
                          - code: NIGHT_WATCH
                            name: 夜间值守群
                            aliases: [夜间巡访群]
                        """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("夜间巡访群")
                .hasMessageContaining("NIGHT_PATROL")
                .hasMessageContaining("NIGHT_WATCH");
    }

    @Test
    void aCodeThatIsNotUpperCaseLettersDigitsAndUnderscoresIsRefusedNamingTheEntry() {
        assertThatThrownBy(() -> yaml("""
                        group-types:
                          - code: NIGHT_PATROL
                            name: 夜间巡访群
                          - code: night-watch
                            name: 夜间值守群
                        """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("group-types[1]")
                .hasMessageContaining("night-watch");
    }

    @Test
    void anUnknownRoleInTheEscalationChainIsRefusedNamingTheEntryAndTheRole() {
        assertThatThrownBy(() -> yaml("""
                        group-types:
                          - code: NIGHT_PATROL
                            name: 夜间巡访群
                            escalation-chain: [SOCIAL_WORKER, 保安队长]
                        """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("group-types[0]")
                .hasMessageContaining("保安队长");
    }

    @Test
    void aTypeWithoutANameIsRefusedNamingTheEntryAndTheField() {
        assertThatThrownBy(() -> yaml("""
                        group-types:
                          - code: NIGHT_PATROL
                            name: 夜间巡访群
                          - code: NIGHT_WATCH
                            aliases: [值守群]
                        """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("group-types[1]")
                .hasMessageContaining("'name'");
    }

    @Test
    void aFileWithoutAListOfTypesOrThatIsMissingIsRefused() {
        assertThatThrownBy(() -> yaml("types: []\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("group-types");
        assertThatThrownBy(() -> GroupTypesLoader.load(new FileSystemResource("/nonexistent/group-types.yml")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bot.group-types-file");
    }

    @Test
    void aSmallValidFileIsReadWithItsDefaults() {
        GroupTypes types = yaml("""
                group-types:
                  - code: NIGHT_PATROL
                    name: 夜间巡访群
                    aliases: [巡访群]
                    tier: support
                    escalation-chain: [社工, ADMIN]
                """);

        assertThat(types.all()).singleElement().satisfies(t -> {
            assertThat(t.tier()).isEqualTo(GroupType.Tier.SUPPORT);
            assertThat(t.escalationChain()).isEqualTo(List.of(Role.SOCIAL_WORKER, Role.ADMIN));
            assertThat(t.rules()).isEmpty();
        });
        assertThat(types.find("巡访群")).isPresent();
    }

    @Test
    void everyPackagedTypeHasNicknameFormatsThatReadAsTheGrammar() {
        GroupTypes types = packaged();

        assertThat(types.all()).allSatisfy(t -> {
            assertThat(t.nicknameConvention().isEmpty()).as(t.code()).isFalse();
            assertThat(t.nicknameFormats())
                    .as(t.code())
                    .isEqualTo(t.nicknameConvention().sources());
        });
        assertThat(types.byCode("RESIDENTS").orElseThrow().nicknameFormats())
                .containsExactly("楼栋房号-自住", "楼栋房号-租住", "楼门栋长-姓名", "社工-姓名", "社区-姓名");
    }

    @Test
    void thePackagedConventionsCheckTheNicknamesOfTheirGroups() {
        GroupTypes types = packaged();
        NicknameConvention residents = types.byCode("RESIDENTS").orElseThrow().nicknameConvention();
        NicknameConvention volunteers =
                types.byCode("VOLUNTEER_POOL").orElseThrow().nicknameConvention();
        NicknameConvention companion =
                types.byCode("KEY_COMPANION").orElseThrow().nicknameConvention();
        NicknameConvention landlords = types.byCode("LANDLORDS").orElseThrow().nicknameConvention();
        NicknameConvention shops = types.byCode("BUSINESSES").orElseThrow().nicknameConvention();

        assertThat(residents.check("3-1202 业主").canonical()).contains("3栋1202-自住");
        assertThat(residents.check("3栋1202").suggestions()).containsExactly("3栋1202-自住", "3栋1202-租住");
        assertThat(volunteers.check("3栋1202-自住").problems()).containsExactly(NicknameProblem.UNKNOWN_FORMAT);
        assertThat(volunteers.check("志愿者张三").canonical()).contains("社区志愿者-张三");
        assertThat(companion.check("王阿姨").compliant()).isTrue();
        assertThat(companion.check("督导王五").problems()).containsExactly(NicknameProblem.TITLE_NOT_ACCEPTED);
        assertThat(landlords.check("3栋1202房东").canonical()).contains("3栋1202-房东");
        assertThat(shops.check("李记超市·李四").canonical()).contains("李记超市-李四");
    }

    @Test
    void aNicknameFormatThatCannotBeReadIsRefusedNamingTheEntryTheFormatAndTheWord() {
        assertThatThrownBy(() -> yaml("""
                        group-types:
                          - code: NIGHT_PATROL
                            name: 夜间巡访群
                            nickname-formats: ["社工-姓名"]
                          - code: NIGHT_WATCH
                            name: 夜间值守群
                            nickname-formats: ["楼栋房号-自主"]
                        """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("group-types[1]")
                .hasMessageContaining("NIGHT_WATCH")
                .hasMessageContaining("nickname-formats")
                .hasMessageContaining("楼栋房号-自主")
                .hasMessageContaining("'自主'");
    }

    @Test
    void twoNicknameFormatsThatMeanTheSameAreRefused() {
        assertThatThrownBy(() -> yaml("""
                        group-types:
                          - code: NIGHT_PATROL
                            name: 夜间巡访群
                            nickname-formats: ["楼栋房号-自住", "楼栋房号 业主"]
                        """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("group-types[0]")
                .hasMessageContaining("mean the same");
    }
}
