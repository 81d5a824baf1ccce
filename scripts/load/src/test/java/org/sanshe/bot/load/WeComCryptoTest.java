package org.sanshe.bot.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The generator's own crypto against WeCom's official test vectors (WECOM.md §1.7), not against the service's. */
class WeComCryptoTest {
    // Vector A: official WXBizMsgCrypt samples, receive id = CorpID
    static final String A_TOKEN = "QDG6eK";
    static final String A_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String A_CORP = "wx5823bf96d3bd56c7";
    static final String A1_ECHO =
            "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    static final String A2_ENCRYPT =
            "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
    static final String A2_PLAIN = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n"
            + "<FromUserName><![CDATA[mycreate]]></FromUserName>\n"
            + "<CreateTime>1409659813</CreateTime>\n"
            + "<MsgType><![CDATA[text]]></MsgType>\n"
            + "<Content><![CDATA[hello]]></Content>\n"
            + "<MsgId>4561255354251345929</MsgId>\n"
            + "<AgentID>218</AgentID>\n"
            + "</xml>";

    // Vector B: newer official Python samples; Vector C: the AI bot (receive id ""), same token and key
    static final String B_TOKEN = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    static final String B_KEY = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    static final String B_CORP = "ww1436e0e65a779aee";
    static final String B2_ENCRYPT =
            "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+";
    static final String C2_ENCRYPT =
            "scEag1243Fmy/fYz4Ux8D7R18p8ql2Dr2S2yraX0zejEphKgz1Taooy3/yX5/5gB8KUQY8Adbb/awAO9xeArvUnsOZhBQevXvg5ZYWM7HL1U+UFhxPmkMviiDqfC822MO4o9RbpzRSfHbeK7wdKSu9SbO1ZOzSY8pxgAnPOw5GmyaNmvJW1zzdZnR3Teab+olhkrlkwS7LHGAsmmtDBMoXEFzNvWCfoNj5PCpGDt+c9HqrfVhJCWlUa7hQmdvXYiPoKQJUbRLtpOmNylMeibEXSRs497sENvk2HIxXAWAsubNKe5fK/XnPLHjlWvUaQYFYbw7c1HvlDO/25O5seyeA==";
    static final String C2_PLAIN =
            "{\"msgid\":\"CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=\",\"aibotid\":\"AIBOTID\",\"chatid\":\"CHATID\",\"chattype\":\"group\",\"from\":{\"userid\":\"USERID\"},\"response_url\":\"RESPONSEURL\",\"msgtype\":\"text\",\"text\":{\"content\":\"@RobotA /help\"}}";

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void officialSignatures() {
        assertThat(WeComCrypto.signature(A_TOKEN, "1409659589", "263014780", A1_ECHO))
                .isEqualTo("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3");
        assertThat(WeComCrypto.signature(A_TOKEN, "1409659813", "1372623149", A2_ENCRYPT))
                .isEqualTo("477715d11cdb4164915debcba66cb864d751f3e6");
        assertThat(WeComCrypto.signature(B_TOKEN, "1476422779", "1597212914", B2_ENCRYPT))
                .isEqualTo("0c3914025cb4b4d68103f6bfc8db550f79dcf48e");
        assertThat(new WeComCrypto(B_TOKEN, B_KEY, "").sign("1700000000", "1234567890", C2_ENCRYPT))
                .isEqualTo("00beba31926e0bbea4626308f5b9c6d86ea344b0");
    }

    @Test
    void encryptsTheOfficialVectorsByteForByte() {
        var a = new WeComCrypto(A_TOKEN, A_KEY, A_CORP);
        assertThat(a.encrypt(ascii("c41b64491c2468d0"), "1616140317555161061")).isEqualTo(A1_ECHO);
        assertThat(a.encrypt(ascii("0960688932c47ef1"), A2_PLAIN)).isEqualTo(A2_ENCRYPT);
        var c = new WeComCrypto(B_TOKEN, B_KEY, "");
        assertThat(c.encrypt(ascii("0123456789abcdef"), C2_PLAIN)).isEqualTo(C2_ENCRYPT);
    }

    @Test
    void decryptsTheOfficialVectorsAndChecksTheReceiveId() {
        assertThat(new WeComCrypto(A_TOKEN, A_KEY, A_CORP).decrypt(A2_ENCRYPT)).isEqualTo(A2_PLAIN);
        assertThat(new WeComCrypto(B_TOKEN, B_KEY, B_CORP).decrypt(B2_ENCRYPT))
                .isEqualTo("<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName>"
                        + "<CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content>"
                        + "<MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>");
        assertThat(new WeComCrypto(B_TOKEN, B_KEY, "").decrypt(C2_ENCRYPT)).isEqualTo(C2_PLAIN);
        // the app's frame carries the CorpID: opened as the AI bot's (receive id "") it is refused
        assertThatThrownBy(() -> new WeComCrypto(B_TOKEN, B_KEY, "").decrypt(B2_ENCRYPT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("receive id");
    }

    @Test
    void padsToThirtyTwoByteBlocksAndRoundTripsChinese() {
        var c = new WeComCrypto(B_TOKEN, B_KEY, "");
        byte[] r = ascii("0123456789abcdef");
        // 16 + 4 + 12 = 32 bytes of frame: a whole block of padding (32 × 0x20) follows
        String enc = c.encrypt(r, "123456789012");
        assertThat(java.util.Base64.getDecoder().decode(enc)).hasSize(64);
        String msg = "@三社助手 /帮助";
        assertThat(c.decrypt(c.encrypt(r, msg))).isEqualTo(msg);
    }
}
