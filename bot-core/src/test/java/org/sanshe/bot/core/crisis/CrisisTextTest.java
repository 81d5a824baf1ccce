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
}
