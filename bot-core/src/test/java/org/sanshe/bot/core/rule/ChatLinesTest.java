package org.sanshe.bot.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Realistic lines from community groups, with what the shipped lexicon must find in them ("-" for nothing). A line
 * that changes here changes what reaches a social worker: say why in the commit.
 */
class ChatLinesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            我真的不想活了，太累了                          | SELF_HARM
            活着没意思，不如早点走                          | SELF_HARM
            活着真的没意思，每天就是等着                    | SELF_HARM
            我老伴走了以后，我就是个累赘，不想拖累孩子们    | SELF_HARM
            我已经攒了一瓶安眠药                            | SELF_HARM
            千万别想不开啊，有什么事跟我们说                | SELF_HARM
            你别紧张，我不是要跳楼                          | SELF_HARM
            我没有不想活，只是有点累                        | SELF_HARM
            我不想死，救救我，喘不过气                      | MEDICAL_EMERGENCY SEVERE_DISTRESS
            我爸喘不上气，嘴唇发紫，怎么办                  | MEDICAL_EMERGENCY
            医生，胸口剧痛，出冷汗                          | MEDICAL_EMERGENCY
            孩子抽搐了，已经叫了救护车                      | MEDICAL_EMERGENCY
            孩子高烧不退，39度8，退烧药也不管用             | MEDICAL_EMERGENCY
            今天特别胸闷，有点喘                            | MEDICAL_EMERGENCY
            楼上的老人摔倒了起不来，家里就他一个人          | FALL_OR_LOST
            我妈摔倒了，还好自己起来了                      | FALL_OR_LOST
            3栋有个老人走丢了，穿灰色外套，大家帮忙留意     | FALL_OR_LOST
            独居的李奶奶敲门没人应，电话也打不通            | FALL_OR_LOST
            他又打我了，我不敢回家                          | DOMESTIC_VIOLENCE
            我老公喝了酒就打我，孩子吓得一直哭              | DOMESTIC_VIOLENCE
            他没有打我，就是吵得很凶                        | -
            有事打我电话，24小时开机                        | -
            老公喝酒就家暴，孩子也被打                      | DOMESTIC_VIOLENCE
            最近压力很大，感觉快崩溃了                      | SEVERE_DISTRESS
            听说明天要封城了，赶紧转发扩散                  | RUMOUR
            内部消息，别外传                                | RUMOUR
            请不要轻信和传播小道消息，以官方通知为准        | -
            喝符水能治新冠，我舅舅就是这么好的              | SUPERSTITION
            看到请转发，保全家平安，不转就会倒霉            | SUPERSTITION
            谁再乱说我弄死你                                | PORN_VIOLENCE
            房子出租，优惠价，加我微信详谈                  | ADVERTISING
            超市跳楼价大甩卖，快去抢                        | ADVERTISING
            我的电话是138 1234 5678，有事打给我             | PRIVATE_INFO
            张阿姨住3栋2单元1202室，身份证号110101195501012345 | PRIVATE_INFO
            这个价格要死了                                  | -
            累死了，今天排队做核酸三个小时                  | -
            哈哈哈笑死我了                                  | -
            想死你们了，等解封了一起吃饭                    | -
            昨晚没有发高烧，今天也还好                      | -
            我妈差点摔倒，幸好扶住了                        | -
            社区明天有预防老人跌倒的讲座                    | -
            我没有被打，就是吵架了                          | -
            我不想活动，腿疼                                | -
            看到这个表情我嘴角抽搐                          | -
            电脑系统崩溃了，网课上不了                      | -
            他打我电话没接到                                | -
            不好意思被打扰了                                | -
            我们小区是中风险地区吗                          | -
            志愿者代购药品明天送到                          | -
            吐血推荐这家的馒头                              | -
            叫不醒一个装睡的人                              | -
            他老给我打电话，烦死了                          | -
            今天的菜什么时候到？                            | -
            社工你好，我想咨询一下老人的慢性病用药          | -
            谢谢志愿者，辛苦了！                            | -
            """)
    void findsWhatASocialWorkerWouldWantToSee(String line, String expected) {
        List<Category> wanted = expected.equals("-")
                ? List.of()
                : Arrays.stream(expected.split(" ")).map(Category::valueOf).toList();

        Detection d = Lexicons.detect(line);

        assertThat(d.categories())
                .as("%s (suppressed: %s)", line, d.suppressed())
                .containsExactlyInAnyOrderElementsOf(wanted);
    }
}
