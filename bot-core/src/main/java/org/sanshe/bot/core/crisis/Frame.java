package org.sanshe.bot.core.crisis;

import java.util.Optional;

/**
 * What a message says around a crisis that makes it less urgent, named in Chinese in {@code config/crisis/frames.tsv}.
 * A frame moves a finding from 紧急 to 留意, never to nothing: a person still looks.
 */
public enum Frame {
    /** 已缓解: it happened and is over ({@code 现在没事了}, {@code 抢救过来了}); it lowers what is said before it. */
    RESOLVED("已缓解", Reach.BEFORE_CUE),
    /** 过去: long ago or last time ({@code 去年}, {@code 小时候}); in the finding's clause or the one before. */
    PAST("过去", Reach.CLAUSE_AND_NEXT),
    /** 否定: denied in the same clause, just before ({@code 没有摔倒}, {@code 不是想不开}). */
    NEGATED("否定", Reach.CLAUSE_BEFORE),
    /** 假设: a question or a what-if ({@code 如果老人摔倒了}, {@code 万一}). */
    HYPOTHETICAL("假设", Reach.CLAUSE_AND_NEXT),
    /** 媒体: a drama, a book, news from elsewhere ({@code 电视剧里}, {@code 新闻说}). */
    MEDIA("媒体", Reach.MESSAGE),
    /** 培训: a course, a talk, a notice, a drill ({@code 急救培训}, {@code 防范讲座}), even quoting someone first-hand. */
    TRAINING("培训", Reach.MESSAGE_EVEN_FIRST_HAND),
    /** 广告: a shop's sales talk ({@code 特价}, {@code 下单}). */
    SALES("广告", Reach.MESSAGE_EVEN_FIRST_HAND),
    /**
     * 动物: a pet or a plant in the finding's own clause ({@code 我家猫疯了一样满屋跑}, {@code 流浪狗走丢了}, {@code
     * 我家狗喘得厉害}). Only for distress, falls and going missing, children and a pet's illness: a pet entrusted to
     * someone is a warning sign of suicide, a dog bite ({@code 被狗咬}, an exception in the file) and a threat over a
     * dead dog are real, and hurting a pet is a sign of violence at home.
     */
    ANIMAL("动物", Reach.CLAUSE),
    /**
     * 提问: a question about what to do in general ({@code 请问}, {@code 听说…真的吗}), anywhere in the message, even about
     * one's own family ({@code 问一下，我家老人…有什么办法}); not when it says the danger is now.
     */
    QUESTION("提问", Reach.MESSAGE_EVEN_FIRST_HAND),
    /**
     * 夸张: a joke or hyperbole ({@code 哈哈哈}, {@code xswl}, {@code 开玩笑的}), even said first-hand; also a crisis word
     * in scare quotes ({@code 绿萝“自杀”了}, {@code 猫「家暴」我}), found by the detector, not by a cue.
     */
    FIGURATIVE("夸张", Reach.MESSAGE_EVEN_FIRST_HAND);

    /** Where a cue of the frame applies. */
    enum Reach {
        /** findings that start before the cue ends (the event, then the all-clear) */
        BEFORE_CUE,
        /** findings in the cue's clause that start at most a few characters after it */
        CLAUSE_BEFORE,
        /** findings after the cue, in its clause or the next one */
        CLAUSE_AND_NEXT,
        /** every finding of the message, unless said first-hand in a clause of its own */
        MESSAGE,
        /** every finding of the message, first-hand or not, unless said to be happening now */
        MESSAGE_EVEN_FIRST_HAND,
        /** findings with a span in the cue's clause */
        CLAUSE
    }

    private final String chinese;
    private final Reach reach;

    Frame(String chinese, Reach reach) {
        this.chinese = chinese;
        this.reach = reach;
    }

    /**
     * The frame says nobody here is in it (a drama, a course, an advert, a joke, a what-if), as against an event that
     * is over or denied. Such a frame drops a described situation or a less severe term altogether; only an explicit
     * term of severity 3 ({@code 跳楼}, {@code 自杀}) still goes to a person, as 留意.
     */
    public boolean elsewhere() {
        return this == MEDIA
                || this == TRAINING
                || this == SALES
                || this == FIGURATIVE
                || this == HYPOTHETICAL
                || this == QUESTION
                || this == ANIMAL;
    }

    /**
     * The frame says the words are about nobody here at all: a course or notice, an advert, a general question, a pet.
     * It drops even an explicit term of severity 3; a drama or the news, a joke, a what-if, an event that is over or
     * denied still send it as 留意 (news of a suicide can move someone in the group; 想死的心都有了 and 如果我死了 can
     * be meant).
     */
    public boolean notAboutAnyoneHere() {
        return this == TRAINING || this == SALES || this == QUESTION || this == ANIMAL;
    }

    /** Whether the frame can lower a finding of this category. */
    public boolean appliesTo(org.sanshe.bot.core.rule.Category category) {
        if (this != ANIMAL) {
            return true;
        }
        return category == org.sanshe.bot.core.rule.Category.SEVERE_DISTRESS
                || category == org.sanshe.bot.core.rule.Category.MEDICAL_EMERGENCY
                || category == org.sanshe.bot.core.rule.Category.FALL_OR_LOST
                || category == org.sanshe.bot.core.rule.Category.CHILD_PROTECTION;
    }

    public String chinese() {
        return chinese;
    }

    Reach reach() {
        return reach;
    }

    /** The frame named so in the files. */
    public static Optional<Frame> ofChinese(String name) {
        for (Frame f : values()) {
            if (f.chinese.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
