package org.sanshe.bot.core.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A kind of group, e.g. {@code FOCUS_SERVICE} 聚焦服务群. The built-in list follows DOMAIN.md; deployments add their
 * own through configuration.
 */
public record GroupType(String code, String chineseName) {
    public GroupType {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(chineseName, "chineseName");
    }

    public static final List<GroupType> BUILT_IN = List.of(
            new GroupType("RESIDENTS", "线上小区居民群"),
            new GroupType("FOCUS_SERVICE", "聚焦服务群"),
            new GroupType("KEY_COMPANION", "重点陪助群"),
            new GroupType("PREVENTION_WORK", "线上社区防控工作群"),
            new GroupType("VOLUNTEER_POOL", "线上志愿服务总群"),
            new GroupType("VOLUNTEER_DISPATCH", "线上志愿者派驻协调群"),
            new GroupType("EXPERT_SUPERVISION", "线上专家督导群"),
            new GroupType("LANDLORDS", "房东群"),
            new GroupType("BUSINESSES", "社区商企群"),
            new GroupType("SUPPLIES", "居家生活保障群"),
            new GroupType("HOME_OBSERVATION", "居家医学观察群"));

    public static Optional<GroupType> builtIn(String code) {
        return BUILT_IN.stream().filter(t -> t.code.equals(code)).findFirst();
    }
}
