package org.sanshe.bot.wecom.callback;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds ciphertexts by hand with plain JCE (independent of the code under test), so tests can produce frames WeCom
 * would never send: a wrong length field, bad padding, a message that is not UTF-8.
 */
final class Frames {
    private Frames() {}

    /** random(16) | len(4, the given value) | msg | receiveId, PKCS#7-padded to 32 bytes. */
    static byte[] frame(int declaredLength, byte[] msg, String receiveId) {
        var out = new ByteArrayOutputStream();
        out.writeBytes("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).putInt(declaredLength).array());
        out.writeBytes(msg);
        out.writeBytes(receiveId.getBytes(StandardCharsets.UTF_8));
        return pad(out.toByteArray());
    }

    static byte[] pad(byte[] plain) {
        int pad = 32 - plain.length % 32;
        byte[] padded = Arrays.copyOf(plain, plain.length + pad);
        Arrays.fill(padded, plain.length, padded.length, (byte) pad);
        return padded;
    }

    /** AES-256-CBC without padding (the input must already be a whole number of blocks), base64. */
    static String encryptRaw(String encodingAesKey, byte[] blocks) {
        try {
            byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(
                    Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
            return Base64.getEncoder().encodeToString(c.doFinal(blocks));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
