package org.sanshe.bot.wecom.callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * WeCom callback crypto for one receiver (the app: receive id = CorpID; the AI bot: receive id = ""). Signatures and
 * encryption use weixin-java's {@link SHA1} and {@link WxCryptUtil}; opening a ciphertext is done here because the
 * library does not check the trailing receive id (WECOM.md §1.8), and a callback meant for another corp or app must be
 * refused. Thread-safe.
 */
public final class CallbackCipher {
    private static final int BLOCK = 32;

    private final String token;
    private final byte[] aesKey;
    private final String receiveId;
    private final WxCryptUtil library;

    public CallbackCipher(String token, String encodingAesKey, String receiveId) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("callback token is not set");
        }
        if (encodingAesKey == null || encodingAesKey.length() != 43) {
            throw new IllegalArgumentException("EncodingAESKey must have 43 characters");
        }
        this.token = token;
        this.aesKey = Base64.getDecoder().decode(encodingAesKey + "=");
        this.receiveId = receiveId == null ? "" : receiveId;
        this.library = new WxCryptUtil(token, encodingAesKey, this.receiveId);
    }

    /** Constant-time comparison of the expected and the given signature; false for any missing part. */
    public boolean signatureMatches(String signature, String timestamp, String nonce, String encrypted) {
        if (isBlank(signature) || isBlank(timestamp) || isBlank(nonce) || isBlank(encrypted)) {
            return false;
        }
        String expected = SHA1.gen(token, timestamp, nonce, encrypted);
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Decrypts and checks the frame {@code random(16) | len(4) | msg | receiveId}.
     *
     * @throws BadCallbackException when it is not base64, not a whole number of blocks, badly padded, its length field
     *     is impossible, the message is not UTF-8, or the receive id is not ours
     */
    public String open(String encrypted) {
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypted);
        } catch (IllegalArgumentException e) {
            throw new BadCallbackException("ciphertext is not base64");
        }
        if (cipherText.length == 0 || cipherText.length % 16 != 0) {
            throw new BadCallbackException("ciphertext length is not a multiple of the block size");
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(aesKey, "AES"),
                    new IvParameterSpec(Arrays.copyOfRange(aesKey, 0, 16)));
            plain = cipher.doFinal(cipherText);
        } catch (GeneralSecurityException e) {
            throw new BadCallbackException("ciphertext cannot be decrypted");
        }
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > plain.length) {
            throw new BadCallbackException("bad padding");
        }
        int end = plain.length - pad;
        if (end < 20) {
            throw new BadCallbackException("frame too short");
        }
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        // compared as "length > room", not "20 + length > end": a length near Integer.MAX_VALUE would overflow
        if (length < 0 || length > end - 20) {
            throw new BadCallbackException("bad message length");
        }
        String receivedId = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
        if (!receivedId.equals(receiveId)) {
            throw new BadCallbackException("receive id does not match");
        }
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(plain, 20, length)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadCallbackException("message is not UTF-8");
        }
    }

    /** Encrypts a passive reply with the given 16-character random prefix. */
    public String seal(String random16, String plaintext) {
        return library.encrypt(random16, plaintext);
    }

    public String sign(String timestamp, String nonce, String encrypted) {
        return SHA1.gen(token, timestamp, nonce, encrypted);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isEmpty();
    }
}
