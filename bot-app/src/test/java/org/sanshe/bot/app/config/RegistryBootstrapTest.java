package org.sanshe.bot.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.app.SansheBotApplication;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.RoleGrant;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.storage.audit.MybatisAuditTrail;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Groups and grants declared under {@code bot.bootstrap} exist once the service has started, and applying the same
 * declarations again (the next start) changes nothing and audits nothing.
 */
// one live service per JVM, as in production: its workers stop when the class is done
@DirtiesContext
@SpringBootTest(
        classes = SansheBotApplication.class,
        properties = {
            "bot.local.data-dir=${java.io.tmpdir}/sanshe-bootstrap-test",
            "bot.local.seed-demo=false",
            "spring.datasource.url=jdbc:h2:mem:bootstrap;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
            "bot.bootstrap.groups[0].chat-id=wrBootFocus01",
            "bot.bootstrap.groups[0].type=聚焦服务群",
            "bot.bootstrap.groups[0].name=配置声明的聚焦服务群",
            "bot.bootstrap.groups[1].chat-id=wrBootCustomer02",
            "bot.bootstrap.groups[1].channel=customer",
            "bot.bootstrap.groups[1].type=residents",
            "bot.bootstrap.roles[0].user-id=boot-sw",
            "bot.bootstrap.roles[0].role=社工",
            "bot.bootstrap.roles[1].user-id=boot-sec",
            "bot.bootstrap.roles[1].role=SECRETARY",
            "bot.bootstrap.roles[1].group=wrBootFocus01"
        })
class RegistryBootstrapTest {
    private static final ChatId FOCUS = ChatId.of("wrBootFocus01");
    private static final ChatId CUSTOMER = ChatId.of("wrBootCustomer02");

    @Autowired
    RegistryBootstrap bootstrap;

    @Autowired
    MybatisGroups groups;

    @Autowired
    MybatisAuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    @Test
    void theDeclaredGroupsAndGrantsExistOnceTheServiceHasStarted() {
        assertThat(groups.findByChat(FOCUS)).get().satisfies(g -> {
            assertThat(g.name()).isEqualTo("配置声明的聚焦服务群");
            assertThat(g.typeCode()).isEqualTo("FOCUS_SERVICE");
            assertThat(g.channel()).isEqualTo(Channel.AIBOT);
        });
        assertThat(groups.findByChat(CUSTOMER)).get().satisfies(g -> {
            assertThat(g.name())
                    .as("no name declared: the type's name and the chat's tail")
                    .isEqualTo("线上小区居民群·er02");
            assertThat(g.typeCode()).isEqualTo("RESIDENTS");
            assertThat(g.channel()).isEqualTo(Channel.CUSTOMER);
        });

        assertThat(groups.rolesOf(UserId.of("boot-sw"), Optional.of(CUSTOMER))).containsExactly(Role.SOCIAL_WORKER);
        assertThat(groups.rolesOf(UserId.of("boot-sec"), Optional.of(FOCUS))).containsExactly(Role.SECRETARY);
        assertThat(groups.rolesOf(UserId.of("boot-sec"), Optional.of(CUSTOMER))).isEmpty();
        assertThat(groups.grantsOf(UserId.of("boot-sec")))
                .singleElement()
                .extracting(RoleGrant::grantedBy)
                .isEqualTo(UserId.of(RegistryBootstrap.ACTOR));

        assertThat(audit.recent(Optional.empty(), 50))
                .filteredOn(e -> e.actor().value().equals(RegistryBootstrap.ACTOR))
                .extracting(AuditEntry::action, AuditEntry::chat)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("配置声明群", Optional.of(FOCUS)),
                        org.assertj.core.groups.Tuple.tuple("配置声明群", Optional.of(CUSTOMER)),
                        org.assertj.core.groups.Tuple.tuple("配置声明角色", Optional.<ChatId>empty()),
                        org.assertj.core.groups.Tuple.tuple("配置声明角色", Optional.of(FOCUS)));
    }

    @Test
    void applyingTheSameDeclarationsAgainChangesNothingAndAuditsNothing() {
        long groupRows = count("bot_group");
        long grantRows = count("role_grant");
        long auditRows = count("audit_log");
        long focusId = groups.findByChat(FOCUS).orElseThrow().id();

        assertThat(bootstrap.apply()).isZero();
        assertThat(bootstrap.apply()).isZero();

        assertThat(count("bot_group")).isEqualTo(groupRows);
        assertThat(count("role_grant")).isEqualTo(grantRows);
        assertThat(count("audit_log")).isEqualTo(auditRows);
        assertThat(groups.findByChat(FOCUS).orElseThrow().id()).isEqualTo(focusId);
    }

    @Test
    void aGroupChangedSinceIsBroughtBackInLineWithItsDeclarationAndAuditedOnce() {
        jdbc.update("UPDATE bot_group SET type_code = 'KEY_COMPANION', name = '被改过的群' WHERE chat_id = 'wrBootFocus01'");
        groups.invalidate();
        long id = groups.findByChat(FOCUS).map(Group::id).orElseThrow();
        long auditRows = count("audit_log");

        assertThat(bootstrap.apply()).isEqualTo(1);

        assertThat(groups.findByChat(FOCUS)).get().satisfies(g -> {
            assertThat(g.id()).isEqualTo(id);
            assertThat(g.typeCode()).isEqualTo("FOCUS_SERVICE");
            assertThat(g.name()).isEqualTo("配置声明的聚焦服务群");
        });
        assertThat(count("audit_log")).isEqualTo(auditRows + 1);
        assertThat(audit.recent(Optional.of(FOCUS), 1)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(UserId.of(RegistryBootstrap.ACTOR));
            assertThat(e.detail()).contains("配置声明的聚焦服务群", "FOCUS_SERVICE");
        });
        assertThat(bootstrap.apply()).isZero();
    }

    @Test
    void aDeclaredGrantForAChatNobodyDeclaredOrRegisteredStopsTheStartWithTheEntryNamed() {
        var typo = new BotProperties.Bootstrap(
                java.util.List.of(),
                java.util.List.of(new BotProperties.BootRole("boot-sec", "群秘书", "wrBootFocus1"))); // one 0 short
        var withTypo = new RegistryBootstrap(typo, groupTypes, groups, audit, java.time.Clock.systemUTC());

        org.assertj.core.api.Assertions.assertThatThrownBy(withTypo::apply)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bot.bootstrap.roles[0].group")
                .hasMessageContaining("wrBootFocus1");
    }

    @Autowired
    org.sanshe.bot.core.chat.GroupTypes groupTypes;
}
