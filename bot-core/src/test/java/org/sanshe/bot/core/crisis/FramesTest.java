package org.sanshe.bot.core.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.port.ContentScanner.Urgency;
import org.sanshe.bot.core.rule.Category;

/** Situations, terms and the frames that move them from 紧急 to 留意, on the packaged files. */
class FramesTest {
    private static Optional<Urgency> urgency(String message) {
        return CrisisFiles.read(message).urgency();
    }

    private static CrisisFinding top(String message) {
        return CrisisFiles.read(message).top().orElseThrow(() -> new AssertionError("nothing found in " + message));
    }

    @Test
    void describedCrisesAreUrgentWithoutTheirNames() {
        CrisisFinding stroke = top("我爸吃着饭嘴突然歪了，说话也含含糊糊的");
        assertThat(stroke.category()).isEqualTo(Category.MEDICAL_EMERGENCY);
        assertThat(stroke.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(stroke.source()).isEqualTo(CrisisFinding.Source.SITUATION);
        assertThat(stroke.basis()).startsWith("中风征象");

        assertThat(top("以后我家猫就拜托你照顾了，谢谢你这些年，再见了").category()).isEqualTo(Category.SELF_HARM);
        assertThat(top("对门独居的大爷好几天没见出门了，敲门也没人应").category()).isEqualTo(Category.FALL_OR_LOST);
        assertThat(top("老两口屋里烧着炭盆，早上叫不醒").urgency()).isEqualTo(Urgency.URGENT);
        assertThat(top("对门的孩子一个人在家好几天了，一直在哭").category()).isEqualTo(Category.CHILD_PROTECTION);
    }

    @Test
    void aResolvedFallIsANoteNotACard() {
        CrisisFinding f = top("我妈昨天在楼下摔了一跤，去医院拍了片子没事，谢谢大家关心");
        assertThat(f.category()).isEqualTo(Category.FALL_OR_LOST);
        assertThat(f.urgency()).isEqualTo(Urgency.WATCH);
    }

    @Test
    void aResolvedEmergencyIsLoweredButANewDangerAfterItIsNot() {
        CrisisFinding lowered = top("我爸昨天突然嘴歪说不出话，送医院抢救过来了，现在稳定了");
        assertThat(lowered.urgency()).isEqualTo(Urgency.WATCH);
        assertThat(lowered.frames()).contains(Frame.RESOLVED);
        assertThat(lowered.basis()).contains("已缓解");

        assertThat(urgency("上次吃药被救回来了，这两天她又在偷偷攒安眠药")).contains(Urgency.URGENT);
    }

    @Test
    void anExplicitThreatInADramaIsANoteAndADescribedOneIsNothing() {
        assertThat(urgency("电视剧里女主说她不想活了，看得我好难受")).contains(Urgency.WATCH);
        assertThat(urgency("《急诊科医生》里那个孕妇大出血的戏看得我心都揪起来了")).contains(Urgency.WATCH);
        assertThat(urgency("刚看的医疗剧里一个病人突然嘴歪眼斜，说话不清，吓人")).isEmpty();
        assertThat(urgency("明天志愿者培训内容：海姆立克急救法、小儿高热惊厥处理，请准时参加")).isEmpty();
        assertThat(urgency("一键紧急呼叫器，老人摔倒自动报警，开业特价")).isEmpty();
    }

    @Test
    void aFirstHandThreatStaysUrgentWhateverTheFrameElsewhere() {
        assertThat(urgency("看了那个新闻，我也不想活了")).contains(Urgency.URGENT);
        assertThat(urgency("问一下，我妈现在嘴歪了说话也不清楚，要打120吗")).contains(Urgency.URGENT);
    }

    @Test
    void negationLowersEvenASevereTerm() {
        assertThat(urgency("我没有不想活，就是最近太累了")).contains(Urgency.WATCH);
        assertThat(urgency("我妈没摔着，放心")).isEmpty();
        assertThat(urgency("他要是敢报警就弄死我全家")).contains(Urgency.URGENT);
    }

    @Test
    void jokesAndHyperboleAreNotCards() {
        assertThat(urgency("这个数学题我要跳楼了hhh")).isNotEqualTo(Optional.of(Urgency.URGENT));
        assertThat(urgency("笑死我了，今天又加班")).isEmpty();
        assertThat(urgency("想死你们了，周末聚聚")).isEmpty();
    }

    @Test
    void aHypotheticalQuestionIsNotACard() {
        assertThat(urgency("如果老人摔倒了，应该怎么扶？")).isEmpty();
        assertThat(urgency("请问老人突然说话不清应该去哪个医院？")).isEmpty();
        // an explicit term in a question still reaches a person, as a note
        assertThat(urgency("如果老人摔倒了起不来，应该怎么扶？")).contains(Urgency.WATCH);
    }
}
