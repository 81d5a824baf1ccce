package org.sanshe.bot.core.nickname;

import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.chat.Role;

/**
 * The identity a nickname shows in front of a name (社工-张三): the prefixes of the guidance, with their common short
 * forms. A title is a claim, never a grant (DOMAIN.md: "a nickname that says 社工 grants nothing"); {@link #staff()}
 * tells whether the claim is to be a worker, which is what an impersonation check needs.
 */
public enum Title {
    ADMIN("群管理员", Role.ADMIN, true, "管理员", "群管", "群主"),
    SOCIAL_WORKER("社工", Role.SOCIAL_WORKER, true, "社会工作者", "社工师"),
    SECRETARY("群秘书", Role.SECRETARY, true, "秘书"),
    MEDICAL("医务", Role.MEDICAL, true, "医务志愿者", "医务人员", "医生", "医师", "护士"),
    COUNSELOR("心理咨询", Role.COUNSELOR, true, "心理咨询志愿者", "心理咨询师", "心理咨询员", "心理志愿者", "心理"),
    VOLUNTEER("社区志愿者", Role.VOLUNTEER, true, "志愿者", "一般志愿者"),
    BUILDING_HEAD("楼门栋长", Role.BUILDING_HEAD, true, "楼栋长", "楼长", "栋长", "门栋长", "单元长", "居民小组长"),
    GRID_WORKER("网格员", Role.BUILDING_HEAD, true, "网格长"),
    COMMUNITY("社区", null, true, "社区工作人员", "社区工作者", "居委会", "居委"),
    SUPERVISOR("督导", null, true, "督导专家", "专家"),
    SERVICE_RECIPIENT("服务对象", Role.RESIDENT, false);

    private final String word;
    private final Role role;
    private final boolean staff;
    private final List<String> synonyms;

    Title(String word, Role role, boolean staff, String... synonyms) {
        this.word = word;
        this.role = role;
        this.staff = staff;
        this.synonyms = List.of(synonyms);
    }

    /** The guidance's word, used in suggestions unless a format writes another of the words. */
    public String word() {
        return word;
    }

    /** The other words that mean the same. */
    public List<String> synonyms() {
        return synonyms;
    }

    /** The role this title claims, where the bot has one (社区 and 督导 have none). */
    public Optional<Role> role() {
        return Optional.ofNullable(role);
    }

    /** Whether the title claims to be a worker of the community (everything but 服务对象). */
    public boolean staff() {
        return staff;
    }
}
