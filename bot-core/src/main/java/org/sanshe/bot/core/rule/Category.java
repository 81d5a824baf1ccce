package org.sanshe.bot.core.rule;

/**
 * What a lexicon entry is about. Crisis categories (生命优先) open an escalation to a social worker; the others are
 * breaches of the group rules (群规) an admin reviews. When two findings are equally severe, the one with the lower
 * {@link #priority()} comes first: a threat to life before a threat to health, before everything else.
 */
public enum Category {
    /** 自杀、自伤意图: 不想活了, 活着没意思, 割腕. */
    SELF_HARM(true, 10),
    /** 急症: 喘不上气, 胸口剧痛, 昏迷, 抽搐. */
    MEDICAL_EMERGENCY(true, 20),
    /** 老人跌倒、走失: 摔倒了起不来, 老人走丢了, 敲门没人应. */
    FALL_OR_LOST(true, 30),
    /** 家庭暴力、虐待: 家暴, 他打我, 被打. */
    DOMESTIC_VIOLENCE(true, 40),
    /** 严重情绪困扰: 崩溃, 撑不下去, 绝望. */
    SEVERE_DISTRESS(true, 50),
    /** 未经核实的疫情信息: 内部消息, 转发扩散, 要封城. */
    RUMOUR(false, 110),
    /** 封建迷信: 喝符水, 驱邪, 转发保平安. */
    SUPERSTITION(false, 120),
    /** 色情、暴力、恐怖内容与威胁: 裸聊, 血腥视频, 弄死你. */
    PORN_VIOLENCE(false, 130),
    /** 广告、微商、诈骗引流: 加微信, 扫码领取, 刷单. */
    ADVERTISING(false, 140),
    /** 个人隐私: 手机号, 身份证号, 详细住址. */
    PRIVATE_INFO(false, 150);

    private final boolean crisis;
    private final int priority;

    Category(boolean crisis, int priority) {
        this.crisis = crisis;
        this.priority = priority;
    }

    public boolean isCrisis() {
        return crisis;
    }

    public int priority() {
        return priority;
    }
}
