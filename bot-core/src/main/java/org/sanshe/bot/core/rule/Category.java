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
    /** 中毒、服药过量: 吃了一整瓶安眠药, 喝了农药, 煤气味很大人叫不醒. */
    POISONING(true, 25),
    /** 老人跌倒、走失: 摔倒了起不来, 老人走丢了, 敲门没人应. */
    FALL_OR_LOST(true, 30),
    /** 伤害他人的威胁: 要拿刀去砍他, 有个声音叫我去杀人. */
    HARM_TO_OTHERS(true, 35),
    /** 家庭暴力、虐待: 家暴, 他打我, 被打. */
    DOMESTIC_VIOLENCE(true, 40),
    /** 儿童保护: 孩子一个人被关在家好几天, 身上到处是伤. */
    CHILD_PROTECTION(true, 45),
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
