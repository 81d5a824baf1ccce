package org.sanshe.bot.core.nickname;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.text.Texts;

/** The parser over the table of real-looking nicknames ({@link NicknameTable}), and what the table cannot show. */
class NicknameParserTest {
    private static final NicknameConvention RESIDENTS = NicknameTable.CONVENTIONS.get("RESIDENTS");
    private static final NicknameConvention COMPANION = NicknameTable.CONVENTIONS.get("KEY_COMPANION");

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (String line : NicknameTable.ROWS.split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] c =
                    Arrays.stream(line.split(" \\| ", -1)).map(String::strip).toArray(String[]::new);
            if (c.length != 6) {
                throw new IllegalArgumentException("a row needs 6 columns: " + line);
            }
            rows.add(Arguments.of(c[0], c[1], c[2], c[3], c[4], c[5]));
        }
        return rows.stream();
    }

    @Test
    void theTableHasAtLeast150Nicknames() {
        assertThat(table().count()).isGreaterThanOrEqualTo(150);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("table")
    void readsTheNicknameAsTheTableSays(
            String type, String nickname, String outcome, String suggested, String household, String title) {
        NicknameConvention convention = NicknameTable.CONVENTIONS.get(type);
        assertThat(convention).as(type).isNotNull();

        NicknameCheck check = convention.check(nickname);

        if (outcome.equals("ok")) {
            assertThat(check.problems()).as("problems").isEmpty();
            assertThat(check.compliant()).isTrue();
            assertThat(check.canonical()).as("canonical").contains(suggested);
            assertThat(check.suggestions()).as("suggestions").isEmpty();
        } else {
            assertThat(check.problems())
                    .as("problems")
                    .containsExactlyElementsOf(Arrays.stream(outcome.split(", "))
                            .map(NicknameProblem::valueOf)
                            .toList());
            assertThat(check.compliant()).isFalse();
            assertThat(check.canonical()).as("canonical").isEmpty();
            assertThat(check.suggestions())
                    .as("suggestions")
                    .containsExactlyElementsOf(suggested.equals("-") ? List.of() : List.of(suggested.split(" / ")));
        }
        assertThat(check.householdKey()).as("household").isEqualTo(optional(household));
        assertThat(check.title().map(Title::name)).as("title").isEqualTo(optional(title));
        assertThat(check.explain(Texts.chinese())).hasSameSizeAs(check.problems());
        for (String s : check.suggestions()) {
            assertThat(convention.check(s).compliant())
                    .as("the suggestion " + s + " is itself compliant")
                    .isTrue();
        }
    }

    private static java.util.Optional<String> optional(String cell) {
        return cell.equals("-") ? java.util.Optional.empty() : java.util.Optional.of(cell);
    }

    @Test
    void aMissingOrBlankNicknameIsEmptyUnlessAnyNicknameWillDo() {
        assertThat(RESIDENTS.check(null).problems()).containsExactly(NicknameProblem.EMPTY);
        assertThat(RESIDENTS.check("  ").problems()).containsExactly(NicknameProblem.EMPTY);
        assertThat(COMPANION.check("").compliant()).isTrue();
        assertThat(NicknameConvention.none().check(null).compliant()).isTrue();
    }

    @Test
    void withoutAConventionOnlyPrivacyCounts() {
        NicknameConvention none = NicknameConvention.none();

        assertThat(none.check("随便写写").compliant()).isTrue();
        NicknameCheck phone = none.check("张三 13812345678");
        assertThat(phone.problems()).containsExactly(NicknameProblem.CONTAINS_PHONE);
        assertThat(phone.suggestion()).contains("张三");
    }

    @Test
    void theSameHouseholdHasTheSameKeyHoweverItIsWritten() {
        List<String> ways = List.of("3栋1202-自住", "3-1202 租住", "03#1202室业主", "三号楼1202", "自住 1202 3栋", "３栋１２０２");

        assertThat(ways)
                .allSatisfy(
                        w -> assertThat(RESIDENTS.check(w).householdKey()).as(w).contains("3--1202"));
        assertThat(RESIDENTS.check("3栋2单元1202自住").household())
                .contains(new Household("3", "2", "1202"))
                .get()
                .extracting(Household::unitIfGiven)
                .isEqualTo(java.util.Optional.of("2"));
    }

    @Test
    void aStaffTitleIsReportedAsAClaimWhetherOrNotTheGroupAcceptsIt() {
        NicknameCheck accepted = RESIDENTS.check("社工张三");
        NicknameCheck notAccepted = RESIDENTS.check("医生李四");
        NicknameCheck community = RESIDENTS.check("社区王五");
        NicknameCheck recipient = COMPANION.check("服务对象李四");
        NicknameCheck resident = RESIDENTS.check("3栋1202自住");

        assertThat(accepted.claimsStaff()).isTrue();
        assertThat(accepted.claimedRole()).contains(Role.SOCIAL_WORKER);
        assertThat(notAccepted.claimsStaff()).isTrue();
        assertThat(notAccepted.claimedRole()).contains(Role.MEDICAL);
        assertThat(community.claimsStaff()).isTrue();
        assertThat(community.claimedRole()).isEmpty();
        assertThat(recipient.claimsStaff()).isFalse();
        assertThat(recipient.claimedRole()).contains(Role.RESIDENT);
        assertThat(resident.claimsStaff()).isFalse();
        assertThat(resident.title()).isEmpty();
        assertThat(RESIDENTS.check("社工心理咨询师张三").titles()).containsExactly(Title.SOCIAL_WORKER, Title.COUNSELOR);
    }

    @Test
    void thePartsFoundAreReportedEvenWhenTheNicknameIsNotCompliant() {
        NicknameCheck check = RESIDENTS.check("3栋1202 业主 13812345678");

        assertThat(check.compliant()).isFalse();
        assertThat(check.privacyRisk()).isTrue();
        assertThat(check.household()).contains(new Household("3", "", "1202"));
        assertThat(check.tenure()).contains(Tenure.OWNER);
        assertThat(check.format().map(NicknameFormat::source)).contains("楼栋房号-自住");
        assertThat(NicknameTable.CONVENTIONS.get("BUSINESSES").check("李记超市-李四")).satisfies(c -> {
            assertThat(c.shop()).contains("李记超市");
            assertThat(c.name()).contains("李四");
        });
    }

    @Test
    void explainsEachProblemInChineseWithTheWordsOfTheGroup() {
        assertThat(RESIDENTS.check("3栋1202").explain(Texts.chinese())).containsExactly("没有写明自住或租住。");
        assertThat(RESIDENTS.check("督导王五").explain(Texts.chinese()))
                .containsExactly("本群的群昵称不用“督导”这个身份；本群可以用的是：楼门栋长或社工或社区。");
        assertThat(NicknameTable.CONVENTIONS.get("LANDLORDS").check("3栋1202业主").explain(Texts.chinese()))
                .containsExactly("本群不用“业主”，请写房东。");
        assertThat(NicknameTable.CONVENTIONS.get("VOLUNTEER_POOL").check("张三").explain(Texts.chinese()))
                .containsExactly("没有写身份：本群工作人员的昵称以社区志愿者或医务或心理咨询开头。");
        assertThat(RESIDENTS.check("张三").explain(Texts.chinese()))
                .containsExactly("看不出昵称是按哪种格式写的。本群的群昵称格式：楼栋房号-自住、楼栋房号-租住、楼门栋长-姓名、社工-姓名、社区-姓名。");
        assertThat(NicknameTable.CONVENTIONS.get("PROPERTY").check("张三").explain(Texts.english()))
                .containsExactly("\"物业\" is missing.");
        assertThat(RESIDENTS.check("3栋1202").explain(Texts.english())).containsExactly("Say 自住 or 租住.");
    }

    @Test
    void everyProblemHasATextInBothLanguages() {
        for (NicknameProblem p : NicknameProblem.values()) {
            assertThat(Texts.chinese().has(p.messageKey())).as(p.name()).isTrue();
            assertThat(Texts.english().has(p.messageKey())).as(p.name()).isTrue();
        }
    }

    @Test
    void aCheckShowsNoPartOfTheNicknameWhenPrinted() {
        assertThat(RESIDENTS.check("社工张三13812345678").toString())
                .doesNotContain("张三")
                .doesNotContain("138")
                .contains("CONTAINS_PHONE");
        assertThat(RESIDENTS.check("社工张三").toString()).isEqualTo("NicknameCheck[compliant]");
    }

    @Test
    void noSuggestionEverHoldsThePhoneOrIdNumberOfTheNickname() {
        Random random = new Random(5);
        String[] around = {"3栋1202自住", "社工张三", "王阿姨", "3-1202 租户", "医生李四", ""};
        for (int i = 0; i < 2_000; i++) {
            String phone = "1" + (3 + random.nextInt(7)) + digits(random, 9);
            String id = digits(random, 17) + (random.nextBoolean() ? "X" : Integer.toString(random.nextInt(10)));
            String secret = random.nextBoolean() ? phone : id;
            String shown = random.nextInt(3) == 0 && secret.length() == 11
                    ? secret.substring(0, 3) + "-" + secret.substring(3, 7) + "-" + secret.substring(7)
                    : secret;
            String base = around[random.nextInt(around.length)];
            String nickname = random.nextBoolean() ? base + shown : shown + " " + base;
            for (NicknameConvention c : List.of(RESIDENTS, COMPANION, NicknameConvention.none())) {
                NicknameCheck check = c.check(nickname);
                assertThat(check.privacyRisk()).as(nickname).isTrue();
                assertThat(check.compliant()).isFalse();
                for (String s : check.suggestions()) {
                    assertThat(s.replaceAll("[^0-9]", "")).as(nickname).doesNotContain(secret.substring(3, 10));
                }
            }
        }
    }

    private static String digits(Random random, int count) {
        StringBuilder b = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    @Test
    void anyTextAtAllIsReadWithoutFailing() {
        Random random = new Random(7);
        String alphabet = "0123456789０１２栋幢座楼号单元门室房户层#-_·—~ （）()【】自住租户业主房东社工医务心理咨询群管理员秘书志愿者"
                + "楼门栋长社区督导服务对象张三李四王五一二三十两〇AbXx🌸😊\u3000\uFF0D";
        int[] cps = alphabet.codePoints().toArray();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(24);
            for (int k = 0; k < length; k++) {
                b.appendCodePoint(cps[random.nextInt(cps.length)]);
            }
            String nickname = b.toString();
            for (NicknameConvention c : NicknameTable.CONVENTIONS.values()) {
                assertThatCode(() -> {
                            NicknameCheck check = c.check(nickname);
                            check.explain(Texts.chinese());
                            check.suggestions()
                                    .forEach(s -> assertThat(c.check(s).compliant())
                                            .as("suggestion " + s + " for " + nickname)
                                            .isTrue());
                        })
                        .as(nickname)
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void theFastNormalisationIsNfkcForEveryCharacter() {
        for (int cp = 0; cp <= 0x10FFFF; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                continue;
            }
            String text = "3" + new String(Character.toChars(cp)) + "栋a";
            assertThat(Reading.normalise(text))
                    .as("U+%04X", cp)
                    .isEqualTo(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC));
        }
        assertThat(Reading.normalise("３栋１２０２－自住　🌸")).isEqualTo("3栋1202-自住 🌸");
    }
}
