package org.sanshe.bot.core.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrisisTextTest {
    @Test
    void traditionalScriptIsReadAsSimplified() {
        assertThat(CrisisText.normalise("我想自殺")).isEqualTo("我想自杀");
        assertThat(CrisisText.normalise("他要跳樓")).isEqualTo("他要跳楼");
        assertThat(CrisisText.normalise("媽媽在衛生間摔倒了，起不來")).isEqualTo("妈妈在卫生间摔倒了,起不来");
    }

    @Test
    void foldsWidthCaseSpacesAndFillersButKeepsClauseMarks() {
        assertThat(CrisisText.normalise("不 想 活 了。。。ＺＳ")).isEqualTo("不想活了zs");
        assertThat(CrisisText.normalise("我没事，别担心！")).isEqualTo("我没事,别担心!");
    }

    @Test
    void simplifiedTextIsReturnedUnchanged() {
        String text = "今天的活动在三楼会议室";
        assertThat(CrisisText.simplified(text)).isSameAs(text);
        // ICU alone would change simplified characters too (一跤 → 一交): only traditional forms are changed
        assertThat(CrisisText.simplified("摔了一跤，活着")).isEqualTo("摔了一跤，活着");
        assertThat(CrisisText.simplified("摔了一跤，殺")).isEqualTo("摔了一跤，杀");
        assertThat(CrisisText.normalise("")).isEmpty();
    }

    @Test
    void aSpaceBetweenClausesIsAClauseMarkAndOtherSpacesAreFoldedAway() {
        assertThat(CrisisText.normalise("站在楼顶 风好大 不想下去了")).isEqualTo("站在楼顶,风好大,不想下去了");
        assertThat(CrisisText.normalise("2单元501  谁来一下")).isEqualTo("2单元501,谁来一下");
        // single characters spaced out, a one-character subject, Latin text: no clause there
        assertThat(CrisisText.normalise("想 自 杀")).isEqualTo("想自杀");
        assertThat(CrisisText.normalise("我 不想活了")).isEqualTo("我不想活了");
        assertThat(CrisisText.normalise("I want to die")).isEqualTo("iwanttodie");
        // a line break is a clause mark already
        assertThat(CrisisText.normalise("摔倒了\n起不来")).doesNotContain(" ");
    }
}
