package org.sanshe.bot.wecom.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.wecom.Vectors.A;
import org.sanshe.bot.wecom.Vectors.B;
import org.sanshe.bot.wecom.Vectors.C;

class CallbackCipherTest {
    private final CallbackCipher a = new CallbackCipher(A.TOKEN, A.AES_KEY, A.CORP_ID);
    private final CallbackCipher b = new CallbackCipher(B.TOKEN, B.AES_KEY, B.CORP_ID);
    private final CallbackCipher c = new CallbackCipher(C.TOKEN, C.AES_KEY, C.RECEIVE_ID);

    /** Flips one hex digit of a signature (0 ↔ 1, anything else → 0). */
    static String oneDigitChanged(String signature) {
        char first = signature.charAt(0);
        char changed = first == '0' ? '1' : '0';
        return changed + signature.substring(1);
    }

    @Test
    void acceptsTheOfficialSignaturesOfEveryVector() {
        assertThat(a.signatureMatches(A.A1_SIGNATURE, A.A1_TIMESTAMP, A.A1_NONCE, A.A1_ECHOSTR))
                .isTrue();
        assertThat(a.signatureMatches(A.A2_SIGNATURE, A.A2_TIMESTAMP, A.A2_NONCE, A.A2_ENCRYPT))
                .isTrue();
        assertThat(b.signatureMatches(B.B1_SIGNATURE, B.B1_TIMESTAMP, B.B1_NONCE, B.B1_ECHOSTR))
                .isTrue();
        assertThat(b.signatureMatches(B.B2_SIGNATURE, B.B2_TIMESTAMP, B.B2_NONCE, B.B2_ENCRYPT))
                .isTrue();
        assertThat(c.signatureMatches(C.C1_SIGNATURE, C.C1_TIMESTAMP, C.C1_NONCE, C.C1_ECHOSTR))
                .isTrue();
        assertThat(c.signatureMatches(C.C2_SIGNATURE, C.C2_TIMESTAMP, C.C2_NONCE, C.C2_ENCRYPT))
                .isTrue();
        assertThat(c.signatureMatches(C.C3_SIGNATURE, C.C3_TIMESTAMP, C.C3_NONCE, C.C3_ENCRYPT))
                .isTrue();
    }

    @Test
    void refusesASignatureWithOneHexDigitChanged() {
        assertThat(a.signatureMatches(oneDigitChanged(A.A1_SIGNATURE), A.A1_TIMESTAMP, A.A1_NONCE, A.A1_ECHOSTR))
                .isFalse();
        assertThat(b.signatureMatches(oneDigitChanged(B.B2_SIGNATURE), B.B2_TIMESTAMP, B.B2_NONCE, B.B2_ENCRYPT))
                .isFalse();
        assertThat(c.signatureMatches(oneDigitChanged(C.C2_SIGNATURE), C.C2_TIMESTAMP, C.C2_NONCE, C.C2_ENCRYPT))
                .isFalse();
        String lastChanged = A.A2_SIGNATURE.substring(0, 39) + (A.A2_SIGNATURE.endsWith("6") ? "7" : "6");
        assertThat(a.signatureMatches(lastChanged, A.A2_TIMESTAMP, A.A2_NONCE, A.A2_ENCRYPT))
                .isFalse();
    }

    @Test
    void refusesTheRightSignatureOverOtherParts() {
        assertThat(a.signatureMatches(A.A2_SIGNATURE, "1409659814", A.A2_NONCE, A.A2_ENCRYPT))
                .isFalse();
        assertThat(a.signatureMatches(A.A2_SIGNATURE, A.A2_TIMESTAMP, "1372623148", A.A2_ENCRYPT))
                .isFalse();
        assertThat(a.signatureMatches(A.A1_SIGNATURE, A.A1_TIMESTAMP, A.A1_NONCE, A.A2_ENCRYPT))
                .isFalse();
        assertThat(b.signatureMatches(A.A1_SIGNATURE, A.A1_TIMESTAMP, A.A1_NONCE, A.A1_ECHOSTR))
                .as("another token")
                .isFalse();
    }

    @Test
    void acceptsAnUpperCaseSignature() {
        assertThat(a.signatureMatches(
                        A.A1_SIGNATURE.toUpperCase(Locale.ROOT), A.A1_TIMESTAMP, A.A1_NONCE, A.A1_ECHOSTR))
                .isTrue();
        assertThat(c.signatureMatches(
                        C.C2_SIGNATURE.toUpperCase(Locale.ROOT), C.C2_TIMESTAMP, C.C2_NONCE, C.C2_ENCRYPT))
                .isTrue();
    }

    @Test
    void answersFalseRatherThanThrowingWhenAPartIsMissing() {
        assertThat(a.signatureMatches(A.A1_SIGNATURE, A.A1_TIMESTAMP, "", A.A1_ECHOSTR))
                .isFalse();
        assertThat(a.signatureMatches(A.A1_SIGNATURE, "", A.A1_NONCE, A.A1_ECHOSTR))
                .isFalse();
        assertThat(a.signatureMatches("", A.A1_TIMESTAMP, A.A1_NONCE, A.A1_ECHOSTR))
                .isFalse();
        assertThat(a.signatureMatches(A.A1_SIGNATURE, A.A1_TIMESTAMP, A.A1_NONCE, ""))
                .isFalse();
        assertThat(a.signatureMatches(null, null, null, null)).isFalse();
    }

    @Test
    void refusesASignatureOfTheWrongLengthOrAlphabet() {
        assertThat(a.signatureMatches(A.A1_SIGNATURE + "0", A.A1_TIMESTAMP, A.A1_NONCE, A.A1_ECHOSTR))
                .isFalse();
        assertThat(a.signatureMatches(A.A1_SIGNATURE.substring(1), A.A1_TIMESTAMP, A.A1_NONCE, A.A1_ECHOSTR))
                .isFalse();
        assertThat(a.signatureMatches("签名", A.A1_TIMESTAMP, A.A1_NONCE, A.A1_ECHOSTR))
                .isFalse();
    }

    @Test
    void signReproducesTheOfficialSignatures() {
        assertThat(a.sign(A.A1_TIMESTAMP, A.A1_NONCE, A.A1_ECHOSTR)).isEqualTo(A.A1_SIGNATURE);
        assertThat(a.sign(A.A2_TIMESTAMP, A.A2_NONCE, A.A2_ENCRYPT)).isEqualTo(A.A2_SIGNATURE);
        assertThat(b.sign(B.B2_TIMESTAMP, B.B2_NONCE, B.B2_ENCRYPT)).isEqualTo(B.B2_SIGNATURE);
        assertThat(c.sign(C.C3_TIMESTAMP, C.C3_NONCE, C.C3_ENCRYPT)).isEqualTo(C.C3_SIGNATURE);
    }

    @Test
    void opensTheOfficialCiphertexts() {
        assertThat(a.open(A.A1_ECHOSTR)).isEqualTo(A.A1_REPLY);
        assertThat(a.open(A.A2_ENCRYPT)).isEqualTo(A.A2_PLAINTEXT);
        assertThat(b.open(B.B1_ECHOSTR)).isEqualTo(B.B1_REPLY);
        assertThat(b.open(B.B2_ENCRYPT)).isEqualTo(B.B2_PLAINTEXT);
        assertThat(c.open(C.C1_ECHOSTR)).isEqualTo(C.C1_REPLY);
        assertThat(c.open(C.C2_ENCRYPT)).isEqualTo(C.C2_PLAINTEXT);
        assertThat(c.open(C.C3_ENCRYPT)).isEqualTo(C.C3_PLAINTEXT);
    }

    @Test
    void refusesACiphertextMeantForAnotherCorp() {
        var otherCorp = new CallbackCipher(A.TOKEN, A.AES_KEY, "wwOTHER");
        assertThatThrownBy(() -> otherCorp.open(A.A1_ECHOSTR))
                .isInstanceOf(BadCallbackException.class)
                .hasMessageContaining("receive id");
        assertThatThrownBy(() -> otherCorp.open(A.A2_ENCRYPT)).isInstanceOf(BadCallbackException.class);
    }

    @Test
    void appAndAiBotCiphertextsAreNotInterchangeable() {
        var appWithBKeys = new CallbackCipher(B.TOKEN, B.AES_KEY, B.CORP_ID);
        assertThatThrownBy(() -> appWithBKeys.open(C.C2_ENCRYPT)).isInstanceOf(BadCallbackException.class);
        assertThatThrownBy(() -> c.open(B.B2_ENCRYPT)).isInstanceOf(BadCallbackException.class);
    }

    @Test
    void refusesACiphertextUnderAnotherKey() {
        assertThatThrownBy(() -> a.open(B.B2_ENCRYPT)).isInstanceOf(BadCallbackException.class);
        assertThatThrownBy(() -> b.open(A.A2_ENCRYPT)).isInstanceOf(BadCallbackException.class);
    }

    @Test
    void refusesGarbageThatIsNotBase64() {
        assertThatThrownBy(() -> a.open("!!!! not base64 at all ????")).isInstanceOf(BadCallbackException.class);
        assertThatThrownBy(() -> a.open("====")).isInstanceOf(BadCallbackException.class);
        assertThatThrownBy(() -> a.open("")).isInstanceOf(BadCallbackException.class);
    }

    @Test
    void refusesATruncatedCiphertext() {
        byte[] full = Base64.getDecoder().decode(A.A2_ENCRYPT);
        String wholeBlocks = Base64.getEncoder().encodeToString(Arrays.copyOf(full, 48));
        String partialBlock = Base64.getEncoder().encodeToString(Arrays.copyOf(full, full.length - 5));
        assertThatThrownBy(() -> a.open(wholeBlocks)).isInstanceOf(BadCallbackException.class);
        assertThatThrownBy(() -> a.open(partialBlock)).isInstanceOf(BadCallbackException.class);
        assertThatThrownBy(() -> a.open(A.A2_ENCRYPT.substring(0, 100))).isInstanceOf(BadCallbackException.class);
    }

    @Test
    void refusesACiphertextThatIsNotAWholeNumberOfBlocks() {
        String twentyBytes = Base64.getEncoder().encodeToString(new byte[20]);
        String oneByte = Base64.getEncoder().encodeToString(new byte[] {1});
        assertThatThrownBy(() -> a.open(twentyBytes))
                .isInstanceOf(BadCallbackException.class)
                .hasMessageContaining("multiple");
        assertThatThrownBy(() -> a.open(oneByte)).isInstanceOf(BadCallbackException.class);
    }

    @Test
    void refusesAFrameWhoseLengthFieldPointsPastTheEnd() {
        byte[] msg = "hello".getBytes(StandardCharsets.UTF_8);
        String tooLong = Frames.encryptRaw(A.AES_KEY, Frames.frame(10_000, msg, A.CORP_ID));
        String negative = Frames.encryptRaw(A.AES_KEY, Frames.frame(-1, msg, A.CORP_ID));
        assertThatThrownBy(() -> a.open(tooLong))
                .isInstanceOf(BadCallbackException.class)
                .hasMessageContaining("length");
        assertThatThrownBy(() -> a.open(negative)).isInstanceOf(BadCallbackException.class);
    }

    @Test
    void refusesALengthFieldSoLargeThatAddingTheHeaderOverflows() {
        byte[] msg = "hello".getBytes(StandardCharsets.UTF_8);
        for (int length : new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE - 19, Integer.MAX_VALUE - 100}) {
            String lying = Frames.encryptRaw(A.AES_KEY, Frames.frame(length, msg, A.CORP_ID));
            assertThatThrownBy(() -> a.open(lying))
                    .as("length %d", length)
                    .isInstanceOf(BadCallbackException.class)
                    .hasMessageContaining("length");
        }
    }

    @Test
    void refusesBadPadding() {
        byte[] frame = Frames.frame(5, "hello".getBytes(StandardCharsets.UTF_8), A.CORP_ID);
        byte[] zeroPad = frame.clone();
        zeroPad[zeroPad.length - 1] = 0;
        byte[] hugePad = frame.clone();
        hugePad[hugePad.length - 1] = 33;
        assertThatThrownBy(() -> a.open(Frames.encryptRaw(A.AES_KEY, zeroPad)))
                .isInstanceOf(BadCallbackException.class)
                .hasMessageContaining("padding");
        assertThatThrownBy(() -> a.open(Frames.encryptRaw(A.AES_KEY, hugePad)))
                .isInstanceOf(BadCallbackException.class)
                .hasMessageContaining("padding");
    }

    @Test
    void refusesAFrameShorterThanItsHeader() {
        byte[] tiny = Frames.pad(new byte[10]);
        assertThatThrownBy(() -> a.open(Frames.encryptRaw(A.AES_KEY, tiny))).isInstanceOf(BadCallbackException.class);
    }

    @Test
    void refusesAMessageThatIsNotUtf8() {
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        String encrypted = Frames.encryptRaw(A.AES_KEY, Frames.frame(3, notUtf8, A.CORP_ID));
        assertThatThrownBy(() -> a.open(encrypted))
                .isInstanceOf(BadCallbackException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void opensAHandBuiltFrameWithAnEmptyReceiveId() {
        byte[] msg = "{\"a\":\"社区\"}".getBytes(StandardCharsets.UTF_8);
        String encrypted = Frames.encryptRaw(C.AES_KEY, Frames.frame(msg.length, msg, ""));
        assertThat(c.open(encrypted)).isEqualTo("{\"a\":\"社区\"}");
    }

    @Test
    void sealReproducesTheOfficialCiphertexts() {
        assertThat(a.seal(A.A1_RANDOM, A.A1_REPLY)).isEqualTo(A.A1_ECHOSTR);
        assertThat(a.seal(A.A2_RANDOM, A.A2_PLAINTEXT)).isEqualTo(A.A2_ENCRYPT);
        assertThat(c.seal(C.C3_RANDOM, C.C3_PLAINTEXT)).isEqualTo(C.C3_ENCRYPT);
        assertThat(c.seal(C.C2_RANDOM, C.C2_PLAINTEXT)).isEqualTo(C.C2_ENCRYPT);
    }

    @Test
    void whatIsSealedOpensAgain() {
        String plain = "<xml><Content><![CDATA[社工 🙂]]></Content></xml>";
        assertThat(a.open(a.seal("aaaaaaaaaaaaaaaa", plain))).isEqualTo(plain);
        assertThat(c.open(c.seal("bbbbbbbbbbbbbbbb", plain))).isEqualTo(plain);
    }

    @Test
    void refusesAKeyThatIsNot43Characters() {
        assertThatThrownBy(() -> new CallbackCipher(A.TOKEN, A.AES_KEY + "x", A.CORP_ID))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallbackCipher(A.TOKEN, null, A.CORP_ID))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAMissingToken() {
        assertThatThrownBy(() -> new CallbackCipher("", A.AES_KEY, A.CORP_ID))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void treatsANullReceiveIdAsTheAiBotsEmptyOne() {
        var nullId = new CallbackCipher(C.TOKEN, C.AES_KEY, null);
        assertThat(nullId.open(C.C1_ECHOSTR)).isEqualTo(C.C1_REPLY);
    }
}
