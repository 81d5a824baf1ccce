package org.sanshe.bot.core.chat;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The roles of DOMAIN.md. Permissions compare by {@link #rank()}, an explicit number, never by declaration order, so
 * that adding a role cannot silently widen anyone's rights.
 */
public enum Role {
    ADMIN(100, "群管理员", "管理员", "群主"),
    SOCIAL_WORKER(80, "社工", "社会工作者"),
    SECRETARY(60, "群秘书", "秘书"),
    MEDICAL(50, "医务志愿者", "医务", "医生", "医务人员"),
    COUNSELOR(50, "心理咨询志愿者", "心理咨询", "心理咨询师", "心理"),
    BUILDING_HEAD(40, "楼门栋长", "楼栋长", "楼长", "居民小组长", "网格员"),
    VOLUNTEER(30, "志愿者", "社区志愿者", "一般志愿者"),
    RESIDENT(0, "居民", "服务对象");

    private final int rank;
    private final String chineseName;
    private final List<String> aliases;

    Role(int rank, String chineseName, String... aliases) {
        this.rank = rank;
        this.chineseName = chineseName;
        this.aliases = List.of(aliases);
    }

    public int rank() {
        return rank;
    }

    public String chineseName() {
        return chineseName;
    }

    public boolean atLeast(Role required) {
        return rank >= required.rank;
    }

    /** Whether this role counts as staff (工作人员): everyone but residents. */
    public boolean staff() {
        return atLeast(VOLUNTEER);
    }

    /**
     * Accepts the code name in any case ({@code secretary}, {@code SOCIAL-WORKER}), the Chinese name or a common short
     * form (社工, 医务, 心理咨询, 秘书, 楼长), in any width.
     */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        String code = t.toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(r -> r.name().equals(code) || r.chineseName.equals(t) || r.aliases.contains(t))
                .findFirst();
    }
}
