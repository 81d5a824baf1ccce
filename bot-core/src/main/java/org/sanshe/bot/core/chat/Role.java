package org.sanshe.bot.core.chat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The roles of DOMAIN.md. Permissions compare by {@link #rank()}, an explicit number, never by declaration order, so
 * that adding a role cannot silently widen anyone's rights.
 */
public enum Role {
    ADMIN(100, "群管理员"),
    SOCIAL_WORKER(80, "社工"),
    SECRETARY(60, "群秘书"),
    MEDICAL(50, "医务志愿者"),
    COUNSELOR(50, "心理咨询志愿者"),
    BUILDING_HEAD(40, "楼门栋长"),
    VOLUNTEER(30, "志愿者"),
    RESIDENT(0, "居民");

    private final int rank;
    private final String chineseName;

    Role(int rank, String chineseName) {
        this.rank = rank;
        this.chineseName = chineseName;
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

    /** Accepts the code name in any case, or the Chinese name. */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values())
                .filter(r -> r.name().equals(t.toUpperCase(Locale.ROOT)) || r.chineseName.equals(t))
                .findFirst();
    }
}
