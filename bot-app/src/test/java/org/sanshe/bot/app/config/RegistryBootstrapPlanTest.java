package org.sanshe.bot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.app.SansheBotApplication;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.io.ClassPathResource;

/** What the declarations under {@code bot.bootstrap} mean, and the start refused with the wrong entry named. */
class RegistryBootstrapPlanTest {
    private static final GroupTypes TYPES = GroupTypesLoader.load(new ClassPathResource("group-types.yml"));

    private static RegistryBootstrap.Plan plan(List<BotProperties.BootGroup> g, List<BotProperties.BootRole> r) {
        return new RegistryBootstrap(new BotProperties.Bootstrap(g, r), TYPES, null, null, Clock.systemUTC()).plan();
    }

    private static BotProperties.BootGroup group(String chat, String channel, String type, String name) {
        return new BotProperties.BootGroup(chat, channel, type, name);
    }

    @Test
    void readsTypesByNameOrCodeChannelsInAnyCaseAndGrantsHereOrEverywhere() {
        var plan = plan(
                List.of(
                        group(" wrPlan01 ", "AIBOT", "聚焦群", "阳光社区聚焦服务群"),
                        group("wrPlan0002", "Customer", "residents", " ")),
                List.of(
                        new BotProperties.BootRole("zhangsan", "社工", ""),
                        new BotProperties.BootRole("lisi", "秘书", "wrPlan01")));

        assertThat(plan.groups())
                .extracting(
                        RegistryBootstrap.PlannedGroup::chat,
                        g -> g.type().code(),
                        RegistryBootstrap.PlannedGroup::channel,
                        RegistryBootstrap.PlannedGroup::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                ChatId.of("wrPlan01"), "FOCUS_SERVICE", Channel.AIBOT, "阳光社区聚焦服务群"),
                        org.assertj.core.groups.Tuple.tuple(
                                ChatId.of("wrPlan0002"), "RESIDENTS", Channel.CUSTOMER, "线上小区居民群·0002"));
        assertThat(plan.grants())
                .containsExactly(
                        new RegistryBootstrap.PlannedGrant(UserId.of("zhangsan"), Role.SOCIAL_WORKER, Optional.empty()),
                        new RegistryBootstrap.PlannedGrant(
                                UserId.of("lisi"), Role.SECRETARY, Optional.of(ChatId.of("wrPlan01"))));
    }

    @Test
    void anUnknownGroupTypeIsRefusedNamingTheEntryAndTheValidTypes() {
        assertThatThrownBy(() -> plan(
                        List.of(group("wrOk", "aibot", "聚焦服务群", ""), group("wrBad", "aibot", "夜间巡访群", "")), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bot.bootstrap.groups[1].type")
                .hasMessageContaining("夜间巡访群")
                .hasMessageContaining("FOCUS_SERVICE");
    }

    @Test
    void anUnknownChannelIsRefusedNamingTheEntry() {
        assertThatThrownBy(() -> plan(List.of(group("wrBad", "app", "聚焦服务群", "")), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bot.bootstrap.groups[0].channel")
                .hasMessageContaining("'app'");
    }

    @Test
    void anUnknownRoleOrTheResidentRoleIsRefusedNamingTheEntry() {
        assertThatThrownBy(() -> plan(List.of(), List.of(new BotProperties.BootRole("u1", "保安", ""))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bot.bootstrap.roles[0].role")
                .hasMessageContaining("保安");
        assertThatThrownBy(() -> plan(
                        List.of(),
                        List.of(
                                new BotProperties.BootRole("u1", "社工", ""),
                                new BotProperties.BootRole("u2", "居民", ""))))
                .hasMessageContaining("bot.bootstrap.roles[1].role");
    }

    @Test
    void theServiceRefusesToStartWithAnUnknownGroupTypeAndNamesTheEntry() {
        // as an operator would set them: arguments (or environment variables) outrank the packaged application.yml
        var app = new SpringApplicationBuilder(SansheBotApplication.class).web(WebApplicationType.NONE);
        String[] args = {
            "--bot.local.data-dir=" + System.getProperty("java.io.tmpdir") + "/sanshe-bootstrap-bad-test",
            "--bot.local.seed-demo=false",
            "--spring.datasource.url=jdbc:h2:mem:bootstrapbad;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
            "--bot.bootstrap.groups[0].chat-id=wrBootBad01",
            "--bot.bootstrap.groups[0].type=夜间巡访群"
        };

        assertThatThrownBy(() -> {
                    try (var started = app.run(args)) {
                        // started after all: closed here, and the assertion fails
                    }
                })
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bot.bootstrap.groups[0].type")
                .hasMessageContaining("夜间巡访群");
    }
}
