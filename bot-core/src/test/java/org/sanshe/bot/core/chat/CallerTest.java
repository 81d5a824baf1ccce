package org.sanshe.bot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {
    private static final UserId ZHANGSAN = UserId.of("zhangsan");

    @Test
    void aMemberWithoutGrantsIsAResident() {
        Caller caller = new Caller(ZHANGSAN, Set.of());

        assertThat(caller.roles()).containsExactly(Role.RESIDENT);
        assertThat(caller.can(Role.RESIDENT)).isTrue();
        assertThat(caller.can(Role.VOLUNTEER)).isFalse();
    }

    @Test
    void canWhatItsHighestRoleCan() {
        Caller caller = new Caller(ZHANGSAN, Set.of(Role.VOLUNTEER, Role.SOCIAL_WORKER));

        assertThat(caller.can(Role.SOCIAL_WORKER)).isTrue();
        assertThat(caller.can(Role.SECRETARY)).isTrue();
        assertThat(caller.can(Role.ADMIN)).isFalse();
    }

    @Test
    void listsRolesHighestRankFirst() {
        Caller caller = new Caller(ZHANGSAN, Set.of(Role.VOLUNTEER, Role.ADMIN, Role.MEDICAL));

        assertThat(caller.rolesByRank()).containsExactly(Role.ADMIN, Role.MEDICAL, Role.VOLUNTEER);
    }

    @Test
    void listsRolesOfEqualRankByName() {
        Caller caller = new Caller(ZHANGSAN, Set.of(Role.MEDICAL, Role.COUNSELOR));

        assertThat(caller.rolesByRank()).containsExactly(Role.COUNSELOR, Role.MEDICAL);
    }
}
