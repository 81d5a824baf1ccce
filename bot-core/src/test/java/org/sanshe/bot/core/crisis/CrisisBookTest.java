package org.sanshe.bot.core.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.rule.Lexicon;
import org.sanshe.bot.core.rule.RuleMatcher;

class CrisisBookTest {
    private static final String RULE = """
            规则：老人跌倒起不来
            类别：FALL_OR_LOST
            紧急度：紧急
            范围：消息
            条件：老人 + 跌倒 + 起不来
            理由：测试
            例句：奶奶摔倒了爬不起来
            例句：爷爷在厨房摔倒了，起不来
            """;

    private static Map<String, String> files(String situations) {
        Map<String, String> m = new HashMap<>();
        m.put("variants.tsv", "摔到了\t摔倒了\n");
        m.put("concepts.tsv", "奶奶\t老人\n爷爷\t老人\n摔倒\t跌倒\n爬不起来\t起不来\n起不来\t起不来\n");
        m.put("frames.tsv", "没事了\t已缓解\n");
        m.put("situations.txt", situations);
        return m;
    }

    private static RuleMatcher noTerms() {
        return RuleMatcher.compile(Lexicon.parse("empty.tsv", "").orElseThrow());
    }

    @Test
    void aRuleFiresOnItsExamplesAndOnVariantSpellings() {
        CrisisDetector d = CrisisDetector.build(CrisisBook.parse(files(RULE)).orElseThrow(), noTerms());
        assertThat(d.read("奶奶摔到了，爬不起来").situations()).containsExactly("老人跌倒起不来");
        assertThat(d.read("奶奶摔倒了").situations()).isEmpty();
    }

    @Test
    void everyBadLineIsReportedWithItsPlace() {
        Map<String, String> m = files("""
                规则：坏规则
                类别：SELFHARM
                紧急度：很急
                范围：段
                条件：老人 + 不存在的概念
                例句：只有一句
                未知字段：x
                """);
        m.put("frames.tsv", "没事了\t结束了\n");
        m.put("concepts.tsv", m.get("concepts.tsv") + "缺值\n");
        CrisisBook.Parse parse = CrisisBook.parse(m);
        assertThat(parse).isInstanceOf(CrisisBook.Parse.Invalid.class);
        assertThat(((CrisisBook.Parse.Invalid) parse).errors().stream().map(BookError::toString))
                .anySatisfy(e -> assertThat(e).contains("concepts.tsv:6").contains("两列"))
                .anySatisfy(e -> assertThat(e).contains("frames.tsv:1").contains("未知的框架「结束了」"))
                .anySatisfy(e -> assertThat(e).contains("situations.txt:7").contains("未知的字段「未知字段」"))
                .anySatisfy(e -> assertThat(e).contains("未知的类别 SELFHARM"))
                .anySatisfy(e -> assertThat(e).contains("紧急度"))
                .anySatisfy(e -> assertThat(e).contains("范围"))
                .anySatisfy(e -> assertThat(e).contains("未知的概念「不存在的概念」"))
                .anySatisfy(e -> assertThat(e).contains("理由"))
                .anySatisfy(e -> assertThat(e).contains("两条「例句」"));
        assertThatThrownBy(parse::orElseThrow).hasMessageContaining("error(s)");
    }

    @Test
    void aMissingFileIsAnError() {
        Map<String, String> m = files(RULE);
        m.remove("frames.tsv");
        assertThat(((CrisisBook.Parse.Invalid) CrisisBook.parse(m)).errors())
                .extracting(BookError::toString)
                .containsExactly("frames.tsv: 缺少这个文件");
    }

    @Test
    void anExampleThatDoesNotFireItsRuleStopsTheStart() {
        String broken = RULE.replace("例句：爷爷在厨房摔倒了，起不来", "例句：爷爷在厨房坐着看电视");
        CrisisBook book = CrisisBook.parse(files(broken)).orElseThrow();
        assertThatThrownBy(() -> CrisisDetector.build(book, noTerms()))
                .hasMessageContaining("老人跌倒起不来")
                .hasMessageContaining("爷爷在厨房坐着看电视");
    }

    @Test
    void thePackagedFilesLoad() {
        assertThat(CrisisFiles.BOOK.situations()).hasSizeGreaterThan(60);
        assertThat(CrisisFiles.BOOK.situations().stream()
                        .map(Situation::category)
                        .distinct())
                .as("every crisis category has situation rules")
                .hasSize((int) java.util.Arrays.stream(org.sanshe.bot.core.rule.Category.values())
                        .filter(org.sanshe.bot.core.rule.Category::isCrisis)
                        .count());
        assertThat(CrisisFiles.DETECTOR.toString()).contains("situations");
    }
}
