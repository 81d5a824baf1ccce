package org.sanshe.bot.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.rule.Lexicons.detect;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleMatcherTest {

    @Test
    void notWantingToLiveIsAnUrgentSelfHarmCrisis() {
        Detection d = detect("不想活了");

        assertThat(d.isCrisis()).isTrue();
        assertThat(d.mostUrgentCrisis()).hasValueSatisfying(f -> {
            assertThat(f.category()).isEqualTo(Category.SELF_HARM);
            assertThat(f.severity()).isEqualTo(Severity.URGENT);
        });
    }

    @Test
    void lifeBeingMeaninglessIsSelfHarm() {
        assertThat(detect("活着没意思").categories()).containsExactly(Category.SELF_HARM);
    }

    @Test
    void breathlessnessAndChestPainAreMedicalEmergencies() {
        assertThat(detect("喘不上气").categories()).containsExactly(Category.MEDICAL_EMERGENCY);
        assertThat(detect("胸口剧痛").categories()).containsExactly(Category.MEDICAL_EMERGENCY);
        assertThat(detect("胸口剧痛").mostUrgentCrisis().orElseThrow().severity()).isEqualTo(Severity.URGENT);
    }

    @Test
    void anElderWhoFellAndCannotGetUpIsAnUrgentFall() {
        Finding fall = detect("老人摔倒了起不来").mostUrgentCrisis().orElseThrow();

        assertThat(fall.category()).isEqualTo(Category.FALL_OR_LOST);
        assertThat(fall.severity()).isEqualTo(Severity.URGENT);
    }

    @Test
    void everydayHyperboleRaisesNothing() {
        for (String line : List.of("累死了", "笑死我了", "饿死了", "气死我了", "想死你了", "热死了", "这个价格要死了")) {
            assertThat(detect(line).isClean()).as(line).isTrue();
        }
    }

    @Test
    void missingSomeoneTerriblyIsSilencedByItsExceptionNotIgnored() {
        Detection d = detect("想死你了");

        assertThat(d.isClean()).isTrue();
        assertThat(d.suppressed()).singleElement().satisfies(s -> {
            assertThat(s.match().term()).isEqualTo("想死");
            assertThat(s.reason()).isEqualTo(Suppressed.Reason.EXCEPTION);
            assertThat(s.by()).isEqualTo("想死你了");
        });
    }

    @Test
    void theHyperboleExceptionsHoldEvenAgainstABareDeathTerm() {
        // no shipped term matches 累死了 today; a deployer who adds 死了 must not flood the social workers
        Lexicon withDeath =
                Lexicons.REAL.withTerms(List.of(Term.literal("死了", Category.SEVERE_DISTRESS, Severity.WATCH)));
        RuleMatcher matcher = RuleMatcher.compile(withDeath);

        for (String line : List.of("累死了", "饿死了", "气死我了", "笑死我了", "烦死了")) {
            assertThat(matcher.detect(line).isClean()).as(line).isTrue();
        }
        assertThat(matcher.detect("我家的猫死了").categories()).containsExactly(Category.SEVERE_DISTRESS);
    }

    @Test
    void aMobileNumberIsPrivateWithOrWithoutSpaces() {
        for (String line : List.of("我的电话13812345678", "电话 138 1234 5678 找我", "+86 138-1234-5678", "１３８１２３４５６７８")) {
            assertThat(detect(line).categories()).as(line).containsExactly(Category.PRIVATE_INFO);
        }
    }

    @Test
    void longerDigitRunsAreNotMobileNumbers() {
        assertThat(detect("订单号 2022112313812345678 已发货").isClean()).isTrue();
        assertThat(detect("快递单号138123456789").isClean()).isTrue();
    }

    @Test
    void anIdentityNumberIsThePrivateInformationOfHighestSeverity() {
        Detection d = detect("张阿姨的身份证号11010119550307451X，麻烦登记一下");

        assertThat(d.breaches()).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo(Category.PRIVATE_INFO);
            assertThat(f.severity()).isEqualTo(Severity.URGENT);
        });
    }

    @Test
    void theMatchSpansTheNumberAsTypedSoItCanBeMasked() {
        String message = "张阿姨的身份证号11010119550307451X，麻烦登记一下";
        Match m = detect(message).matches().get(0);

        assertThat(message.substring(m.start(), m.end())).isEqualTo("11010119550307451X");
        assertThat(m.term()).startsWith("re:").doesNotContain("110101"); // the entry, not the number
    }

    @Test
    void aDetailedAddressIsPrivate() {
        for (String line : List.of("我住3栋2单元1202室", "王大爷家3号楼1202没人接电话", "送到１２栋　502", "长乐路88弄12号502室")) {
            assertThat(detect(line).categories()).as(line).contains(Category.PRIVATE_INFO);
        }
        assertThat(detect("每栋100人分批下楼做核酸").isClean()).isTrue();
        assertThat(detect("3栋的居民请注意").isClean()).isTrue();
    }

    @Test
    void addingWeChatForADiscountIsAdvertising() {
        assertThat(detect("加微信领优惠").categories()).containsExactly(Category.ADVERTISING);
        assertThat(detect("加Ｖ：abc123").categories()).containsExactly(Category.ADVERTISING);
    }

    @Test
    void fullWidthAndSpacedTextStillMatches() {
        assertThat(detect("不 想 活 了").categories()).containsExactly(Category.SELF_HARM);
        assertThat(detect("不想活了。。。").categories()).containsExactly(Category.SELF_HARM);
        assertThat(detect("不～想～活").categories()).containsExactly(Category.SELF_HARM);
        assertThat(detect("不想……活了").categories()).containsExactly(Category.SELF_HARM);
        assertThat(detect("不\u200b想\u200b活").categories()).containsExactly(Category.SELF_HARM);
        assertThat(detect("加ＶＸ领取").categories()).containsExactly(Category.ADVERTISING);
        assertThat(detect("喘　不　上　气").categories()).containsExactly(Category.MEDICAL_EMERGENCY);
    }

    @Test
    void aSingleFullStopIsTheEndOfAClauseNotFiller() {
        // an ellipsis is hesitation inside a clause; a single full stop is not
        assertThat(detect("不想。活了").isClean()).isTrue();
    }

    @Test
    void matchOffsetsReferToTheMessageAsReceived() {
        String message = "唉，我 不 想 活 了";
        Match m = detect(message).matches().get(0);

        assertThat(message.substring(m.start(), m.end())).isEqualTo("不 想 活");
    }

    @Test
    void aNegationJustBeforeALesserCrisisDropsIt() {
        Detection d = detect("昨晚没有发高烧");

        assertThat(d.isClean()).isTrue();
        assertThat(d.suppressed()).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo(Suppressed.Reason.NEGATION);
            assertThat(s.by()).isEqualTo("没有");
            assertThat(s.match().term()).isEqualTo("高烧");
        });
    }

    @Test
    void aNegationNeverDropsAnUrgentCrisis() {
        assertThat(detect("我没有不想活").categories()).containsExactly(Category.SELF_HARM);
        assertThat(detect("我不是要跳楼").categories()).containsExactly(Category.SELF_HARM);
        assertThat(detect("没有喘不上气").categories()).containsExactly(Category.MEDICAL_EMERGENCY);
    }

    @Test
    void aNegationThatIsPartOfTheTermDoesNotCancelIt() {
        // 不想活 starts with 不, 没有希望 with 没有, 好几天没见 contains 没
        assertThat(detect("我真的不想活了").categories()).containsExactly(Category.SELF_HARM);
        assertThat(detect("感觉没有希望了").categories()).containsExactly(Category.SEVERE_DISTRESS);
        assertThat(detect("隔壁王奶奶好几天没见了").categories()).containsExactly(Category.FALL_OR_LOST);
    }

    @Test
    void aNegationReachesOnlyAFewCharactersWithinItsClause() {
        assertThat(detect("没有发烧，但是胸闷").categories()).containsExactly(Category.MEDICAL_EMERGENCY);
        assertThat(detect("没有发烧但是胸闷").categories()).containsExactly(Category.MEDICAL_EMERGENCY);
        assertThat(detect("我妈差点摔倒").isClean()).isTrue();
        assertThat(detect("我妈差点在小区门口那里摔倒").categories()).containsExactly(Category.FALL_OR_LOST);
    }

    @Test
    void anExceptionAlsoSilencesTheNegationCueInsideIt() {
        // 没想到 is surprise, not the cue 没
        assertThat(detect("没想到被打了").categories()).containsExactly(Category.DOMESTIC_VIOLENCE);
        assertThat(detect("没有被打").isClean()).isTrue();
    }

    @Test
    void pleasToSomeoneAtRiskAreNotNegations() {
        assertThat(detect("千万别想不开啊").categories()).containsExactly(Category.SELF_HARM);
        assertThat(detect("别打我").categories()).containsExactly(Category.DOMESTIC_VIOLENCE);
    }

    @Test
    void ruleBreachesAreNeverNegated() {
        assertThat(detect("这不是广告，加微信").categories()).containsExactly(Category.ADVERTISING);
        assertThat(detect("不是内部消息").categories()).containsExactly(Category.RUMOUR);
    }

    @Test
    void aPhraseCanBeAnExceptionForTheWordsInsideItAndAFindingOfItsOwn() {
        Detection d = detect("超市跳楼价大甩卖");

        assertThat(d.categories()).containsExactly(Category.ADVERTISING);
        assertThat(d.suppressed()).extracting(s -> s.match().term()).containsExactly("跳楼");
    }

    @Test
    void crisesComeMostSevereFirstThenLifeBeforeHealth() {
        Detection d = detect("我快崩溃了，老公打我，我不想活了");

        assertThat(d.crises())
                .extracting(Finding::category)
                .containsExactly(Category.SELF_HARM, Category.DOMESTIC_VIOLENCE, Category.SEVERE_DISTRESS);
    }

    @Test
    void aFindingCarriesTheHighestSeverityOfItsMatches() {
        Finding fall = detect("老人摔倒了起不来").crises().get(0);

        assertThat(fall.matches()).extracting(Match::term).containsExactly("摔倒了起不来", "摔倒");
        assertThat(fall.severity()).isEqualTo(Severity.URGENT);
    }

    @Test
    void crisesAndBreachesAreReportedTogether() {
        Detection d = detect("邻居王大爷 5号楼1203 好几天没见人了，电话13812345678也不接");

        assertThat(d.crises()).extracting(Finding::category).containsExactly(Category.FALL_OR_LOST);
        assertThat(d.breaches()).extracting(Finding::category).containsExactly(Category.PRIVATE_INFO);
        assertThat(d.breaches().get(0).matches()).hasSize(2);
    }

    @Test
    void anEmptyOrOrdinaryMessageFindsNothing() {
        assertThat(detect("")).isEqualTo(Detection.none());
        assertThat(detect("今天的菜什么时候到？").isClean()).isTrue();
        assertThat(detect("   ").isClean()).isTrue();
    }

    @Test
    void oddTextNeverBreaksTheMatcher() {
        for (String odd : List.of("\uD83D\uDE2D\uD83D\uDE2D不想活", "\uD800", "ﷺ不想活", "…", "。。。", "\n\n", "Ａ\u0301")) {
            detect(odd);
        }
        assertThat(detect("\uD83D\uDE2D\uD83D\uDE2D不想活").categories()).containsExactly(Category.SELF_HARM);
    }

    @Test
    void oneMatcherServesManyThreadsAtOnce() throws Exception {
        List<String> lines = List.of("我不想活了", "累死了", "加微信领优惠", "老人摔倒了起不来", "13812345678");
        List<List<Category>> expected =
                lines.stream().map(l -> detect(l).categories()).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        int k = i % lines.size();
                        if (!detect(lines.get(k)).categories().equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
