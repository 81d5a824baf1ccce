package org.sanshe.bot.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatTextTest {

    @Test
    void foldsWidthAndCaseAndSqueezesOutSpacesAndFillers() {
        ChatText t = ChatText.of("加 Ｖ·Ｘ，不～想＿活　了！！");

        assertThat(t.foldedString()).isEqualTo("加 v·x,不~想_活 了!!");
        assertThat(t.squeezedString()).isEqualTo("加vx,不想活了!!");
    }

    @Test
    void anEllipsisIsFillerButASingleFullStopIsAClauseMark() {
        assertThat(ChatText.of("不想……活。了...吧").squeezedString()).isEqualTo("不想活。了吧");
        assertThat(ChatText.isClauseMark('。')).isTrue();
        assertThat(ChatText.isClauseMark('、')).isFalse();
    }

    @Test
    void dropsZeroWidthCharactersAndVariationSelectors() {
        assertThat(ChatText.of("不\u200b想\u200d活\uFE0F").squeezedString()).isEqualTo("不想活");
    }

    @Test
    void keepsLineBreaksAsClauseMarks() {
        assertThat(ChatText.of("没有\n发烧").squeezedString()).isEqualTo("没有\n发烧");
    }

    @Test
    void everySqueezedCharacterMapsBackToWhereItWasTyped() {
        String message = "唉 ﷺ 不 想ＡＢ…活";
        ChatText t = ChatText.of(message);

        for (int i = 0; i < t.squeezedLength; i++) {
            String source = message.substring(t.originStartOfSqueezed(i), t.originEndOfSqueezed(i + 1));
            String folded = Normalizer.normalize(source, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
            assertThat(folded).as("squeezed %d", i).contains(String.valueOf(t.squeezed[i]));
        }
    }

    @Test
    void agreesWithAStraightforwardReadingOnRandomTexts() {
        // typical characters (one array, no maps) mixed with ones that change length or are squeezed out
        String alphabet = "不想活了，。！ＡＢa 　…ﷺ㎏①\u200b~-·\n";
        String[] extra = {"\uD83D\uDE2D", "。。", "..", "."};
        java.util.Random random = new java.util.Random(3L);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                if (random.nextInt(8) == 0) {
                    b.append(extra[random.nextInt(extra.length)]);
                } else {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String message = b.toString();
            ChatText t = ChatText.of(message);

            // the reference: NFKC and lower case per code point, every character remembering its code point
            StringBuilder folded = new StringBuilder();
            List<int[]> origin = new ArrayList<>();
            for (int i = 0; i < message.length(); ) {
                int cp = message.codePointAt(i);
                int next = i + Character.charCount(cp);
                String nfkc = lowerAscii(Normalizer.normalize(message.substring(i, next), Normalizer.Form.NFKC));
                for (char c : nfkc.toCharArray()) {
                    folded.append(c);
                    origin.add(new int[] {i, next});
                }
                i = next;
            }
            assertThat(t.foldedString()).as(message).isEqualTo(folded.toString());
            for (int j = 0; j < folded.length(); j++) {
                assertThat(t.originStartOfFolded(j)).isEqualTo(origin.get(j)[0]);
                assertThat(t.originEndOfFolded(j + 1)).isEqualTo(origin.get(j)[1]);
            }
            // squeezed: without spaces, format characters, fillers and runs of two or more full stops
            StringBuilder squeezed = new StringBuilder();
            List<Integer> at = new ArrayList<>();
            for (int j = 0; j < folded.length(); j++) {
                char c = folded.charAt(j);
                int run = 0;
                while (j + run < folded.length() && (folded.charAt(j + run) == '.' || folded.charAt(j + run) == '。')) {
                    run++;
                }
                if (run > 1) {
                    j += run - 1;
                    continue;
                }
                boolean dropped = c != '\n'
                        && (Character.isWhitespace(c)
                                || Character.isSpaceChar(c)
                                || Character.getType(c) == Character.FORMAT
                                || "·~-".indexOf(c) >= 0);
                if (!dropped) {
                    squeezed.append(c);
                    at.add(j);
                }
            }
            assertThat(t.squeezedString()).as(message).isEqualTo(squeezed.toString());
            for (int k = 0; k < at.size(); k++) {
                assertThat(t.originStartOfSqueezed(k)).isEqualTo(origin.get(at.get(k))[0]);
                assertThat(t.originEndOfSqueezed(k + 1)).isEqualTo(origin.get(at.get(k))[1]);
                assertThat(t.squeezedBefore(at.get(k))).isEqualTo(k);
            }
            assertThat(t.squeezedBefore(folded.length())).isEqualTo(at.size());
        }
    }

    @Test
    void theFastPathAgreesWithNfkcForEveryCharacterItHandles() {
        int handled = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char fast = ChatText.foldFast((char) c);
            if (fast == 0 && c != 0) {
                continue;
            }
            handled++;
            String expected = lowerAscii(Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFKC));
            assertThat(String.valueOf(fast)).as("U+%04X", c).isEqualTo(expected);
        }
        assertThat(handled).isGreaterThan(20_000);
    }

    @Test
    void theWholeTextFoldsLikeNfkcOfEachCharacter() {
        String message = "ＡＢＣ１２３　「喘不上气」①㎏…ﬁ";
        StringBuilder expected = new StringBuilder();
        message.codePoints()
                .forEach(cp -> expected.append(
                        lowerAscii(Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC))));

        assertThat(ChatText.of(message).foldedString()).isEqualTo(expected.toString());
    }

    private static String lowerAscii(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            b.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
        }
        return b.toString();
    }
}
