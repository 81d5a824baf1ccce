package org.sanshe.bot.app.local;

import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.chat.Role;

/**
 * The demo community seeded on first start of the embedded default: one group of each core type (DOMAIN.md) and a few
 * members with roles. The names follow the guidance's nickname conventions. Invented people, no real data.
 */
public final class DemoCommunity {
    private DemoCommunity() {}

    public record DemoGroup(String chatId, String name, String typeCode) {}

    /** A member, the roles granted (in {@code grantChat}, or everywhere when empty) and the name shown in the simulator. */
    public record DemoMember(String userId, String displayName, List<Role> roles, Optional<String> grantChat) {}

    public static final List<DemoGroup> GROUPS = List.of(
            new DemoGroup("wrDemoResidents01", "阳光社区3栋居民群", "RESIDENTS"),
            new DemoGroup("wrDemoFocus01", "阳光社区聚焦服务群", "FOCUS_SERVICE"),
            new DemoGroup("wrDemoCompanion01", "阳光社区重点陪助群", "KEY_COMPANION"));

    /** An internal group the AI bot is in but nobody registered yet: to try /绑定群 in the simulator. */
    public static final String UNREGISTERED_INTERNAL_GROUP = "wrDemoNewGroup01";

    /** A customer group WeCom (the built-in fake) knows, not registered yet: to try /登记客户群 in the simulator. */
    public record DemoCustomerGroup(String chatId, String name, String owner, List<DemoCustomerMember> members) {}

    /**
     * A member of the demo customer group as groupchat/get lists it.
     *
     * @param type 1 staff, 2 WeChat user (external)
     */
    public record DemoCustomerMember(String userId, int type, String name, String groupNickname) {}

    public static final List<DemoCustomerGroup> CUSTOMER_GROUPS = List.of(new DemoCustomerGroup(
            "wrDemoCustomer05",
            "阳光社区5栋居民群",
            "bh-chen",
            List.of(
                    new DemoCustomerMember("bh-chen", 1, "陈阿姨", "楼门栋长-陈阿姨"),
                    new DemoCustomerMember("sw-zhang", 1, "张三", "社工-张三"),
                    new DemoCustomerMember("wmDemoExt0501", 2, "微笑向暖", "5栋501-自住"),
                    new DemoCustomerMember("wmDemoExt0602", 2, "老刘", "5-602 租住"),
                    new DemoCustomerMember("wmDemoExt0703", 2, "小雨", "小雨"))));

    public static final List<DemoMember> MEMBERS = List.of(
            new DemoMember("demo-admin", "群管理员-王主任", List.of(Role.ADMIN), Optional.empty()),
            new DemoMember("sw-zhang", "社工-张三", List.of(Role.SOCIAL_WORKER), Optional.empty()),
            new DemoMember("sec-li", "群秘书-李四", List.of(Role.SECRETARY), Optional.of("wrDemoFocus01")),
            new DemoMember("med-wang", "医务-王医生", List.of(Role.MEDICAL), Optional.of("wrDemoFocus01")),
            new DemoMember("psy-zhao", "心理咨询-赵老师", List.of(Role.COUNSELOR), Optional.of("wrDemoFocus01")),
            new DemoMember("bh-chen", "楼门栋长-陈阿姨", List.of(Role.BUILDING_HEAD), Optional.of("wrDemoResidents01")),
            new DemoMember("res-3-1202", "3栋1202-自住", List.of(), Optional.empty()),
            new DemoMember("res-3-0501", "3栋501-租住", List.of(), Optional.empty()));
}
