package org.sanshe.bot.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom's callback crypto as WeCom itself would send it (WECOM.md §1.2–1.4), written for the load generator from the
 * platform's description and independent of the service's code, so that a mistake shared by both cannot pass
 * unnoticed: AES-256-CBC with the key {@code base64(EncodingAESKey + "=")} and the IV its first 16 bytes, the frame
 * {@code random(16) | length(4, big-endian) | message | receive id}, PKCS#7 padding to 32-byte blocks, and the
 * signature {@code hex(SHA-1(sorted(token, timestamp, nonce, encrypt) joined))}. Thread-safe.
 */
public final class WeComCrypto {
    private static final int PAD_BLOCK = 32;
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String token;
    private final SecretKeySpec key;
    private final IvParameterSpec iv;
    private final byte[] receiveId;

    public WeComCrypto(String token, String encodingAesKey, String receiveId) {
        if (encodingAesKey == null || encodingAesKey.length() != 43) {
            throw new IllegalArgumentException("EncodingAESKey must have 43 characters");
        }
        byte[] raw = Base64.getDecoder().decode(encodingAesKey + "=");
        if (raw.length != 32) {
            throw new IllegalArgumentException("EncodingAESKey does not decode to 32 bytes");
        }
        this.token = token;
        this.key = new SecretKeySpec(raw, "AES");
        this.iv = new IvParameterSpec(Arrays.copyOf(raw, 16));
        this.receiveId = receiveId.getBytes(StandardCharsets.UTF_8);
    }

    public String token() {
        return token;
    }

    /** Encrypts one message with the given 16 random bytes; base64 as it goes into the envelope. */
    public String encrypt(byte[] random16, String message) {
        if (random16.length != 16) {
            throw new IllegalArgumentException("random must be 16 bytes");
        }
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        int length = 20 + msg.length + receiveId.length;
        int pad = PAD_BLOCK - length % PAD_BLOCK; // 1..32, never 0
        ByteBuffer plain = ByteBuffer.allocate(length + pad);
        plain.put(random16).putInt(msg.length).put(msg).put(receiveId);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, iv);
            return Base64.getEncoder().encodeToString(c.doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decrypts and checks the frame and the receive id; throws IllegalArgumentException on anything wrong. */
    public String decrypt(String base64) {
        byte[] in = Base64.getDecoder().decode(base64);
        if (in.length == 0 || in.length % 16 != 0) {
            throw new IllegalArgumentException("ciphertext is not whole blocks");
        }
        byte[] plain;
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, iv);
            plain = c.doFinal(in);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot decrypt", e);
        }
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > PAD_BLOCK || pad > plain.length - 20) {
            throw new IllegalArgumentException("bad padding");
        }
        int end = plain.length - pad;
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || length > end - 20) {
            throw new IllegalArgumentException("bad length");
        }
        byte[] id = Arrays.copyOfRange(plain, 20 + length, end);
        if (!Arrays.equals(id, receiveId)) {
            throw new IllegalArgumentException("receive id does not match");
        }
        return new String(plain, 20, length, StandardCharsets.UTF_8);
    }

    /** msg_signature for this token. */
    public String sign(String timestamp, String nonce, String encrypt) {
        return signature(token, timestamp, nonce, encrypt);
    }

    /** Lower-case hex SHA-1 over the four values sorted as strings (all ASCII, so this is byte order) and joined. */
    public static String signature(String token, String timestamp, String nonce, String encrypt) {
        String[] parts = {token, timestamp, nonce, encrypt};
        Arrays.sort(parts);
        MessageDigest sha1 = SHA1.get();
        for (String p : parts) {
            sha1.update(p.getBytes(StandardCharsets.UTF_8));
        }
        byte[] d = sha1.digest();
        char[] out = new char[d.length * 2];
        for (int i = 0; i < d.length; i++) {
            out[2 * i] = HEX[(d[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[d[i] & 0xf];
        }
        return new String(out);
    }
}
