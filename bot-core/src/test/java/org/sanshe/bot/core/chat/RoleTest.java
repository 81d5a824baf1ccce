package org.sanshe.bot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void parsesTheChineseName() {
        assertThat(Role.parse("社工")).contains(Role.SOCIAL_WORKER);
        assertThat(Role.parse("群管理员")).contains(Role.ADMIN);
        assertThat(Role.parse("楼门栋长")).contains(Role.BUILDING_HEAD);
    }

    @Test
    void parsesTheCodeNameInAnyCase() {
        assertThat(Role.parse("social_worker")).contains(Role.SOCIAL_WORKER);
        assertThat(Role.parse("ADMIN")).contains(Role.ADMIN);
        assertThat(Role.parse("Counselor")).contains(Role.COUNSELOR);
    }

    @Test
    void ignoresSurroundingSpaces() {
        assertThat(Role.parse("  社工 ")).contains(Role.SOCIAL_WORKER);
        assertThat(Role.parse(" medical\t")).contains(Role.MEDICAL);
    }

    @Test
    void rejectsAnAbbreviationItDoesNotKnow() {
        assertThat(Role.parse("管理")).isEmpty();
        assertThat(Role.parse("社工张三")).isEmpty();
        assertThat(Role.parse("social worker")).isEmpty();
    }

    @Test
    void rejectsNothingAtAll() {
        assertThat(Role.parse(null)).isEmpty();
        assertThat(Role.parse("")).isEmpty();
        assertThat(Role.parse("   ")).isEmpty();
    }

    @Test
    void comparesByRankNotByDeclarationOrder() {
        // ADMIN is declared first (ordinal 0) but ranks highest: an ordinal comparison would get this backwards.
        assertThat(Role.ADMIN.ordinal()).isLessThan(Role.SOCIAL_WORKER.ordinal());
        assertThat(Role.ADMIN.atLeast(Role.SOCIAL_WORKER)).isTrue();
        assertThat(Role.SOCIAL_WORKER.atLeast(Role.ADMIN)).isFalse();
        assertThat(Role.RESIDENT.atLeast(Role.VOLUNTEER)).isFalse();
    }

    @Test
    void rolesOfEqualRankCountAsEachOther() {
        // MEDICAL and COUNSELOR both rank 50: a command requiring one is open to the other
        assertThat(Role.MEDICAL.atLeast(Role.COUNSELOR)).isTrue();
        assertThat(Role.COUNSELOR.atLeast(Role.MEDICAL)).isTrue();
    }

    @Test
    void everyRoleIsAtLeastItselfAndAtLeastAResident() {
        for (Role role : Role.values()) {
            assertThat(role.atLeast(role)).as(role.name()).isTrue();
            assertThat(role.atLeast(Role.RESIDENT)).as(role.name()).isTrue();
        }
    }

    @Test
    void ranksFollowTheDomain() {
        assertThat(Role.ADMIN.rank()).isEqualTo(100);
        assertThat(Role.SOCIAL_WORKER.rank()).isEqualTo(80);
        assertThat(Role.SECRETARY.rank()).isGreaterThan(Role.MEDICAL.rank());
        assertThat(Role.BUILDING_HEAD.rank()).isGreaterThan(Role.VOLUNTEER.rank());
        assertThat(Role.RESIDENT.rank()).isZero();
    }
}
