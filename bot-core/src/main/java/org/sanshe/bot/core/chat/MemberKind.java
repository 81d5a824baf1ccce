package org.sanshe.bot.core.chat;

/** Who a member is to WeCom: staff of the enterprise, an external WeChat user, or not known (seen only by id). */
public enum MemberKind {
    STAFF("员工"),
    EXTERNAL("微信用户"),
    UNKNOWN("未知");

    private final String chineseName;

    MemberKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** WeCom's {@code member_list[].type}: 1 staff, 2 external. */
    public static MemberKind ofWeComType(int type) {
        return type == 1 ? STAFF : type == 2 ? EXTERNAL : UNKNOWN;
    }
}
