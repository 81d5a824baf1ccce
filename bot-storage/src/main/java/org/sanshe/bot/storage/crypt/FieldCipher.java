package org.sanshe.bot.storage.crypt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data before it is stored: AES-256-GCM with a random 96-bit nonce per value, stored as
 * {@code v1:<base64(nonce|ciphertext|tag)>}. The version prefix lets the key or scheme change later. Thread-safe.
 */
public final class FieldCipher {
    private static final String PREFIX = "v1:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param base64Key 32 bytes, base64 (bot.storage.data-key) */
    public FieldCipher(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("bot.storage.data-key is not set");
        }
        byte[] k;
        try {
            k = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bot.storage.data-key is not base64");
        }
        if (k.length != 32) {
            throw new IllegalArgumentException("bot.storage.data-key must be 32 bytes (base64 of 32 random bytes)");
        }
        this.key = new SecretKeySpec(k, "AES");
    }

    public String encrypt(String plaintext) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(NONCE + ct.length)
                                    .put(nonce)
                                    .put(ct)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("stored value is not encrypted with a known scheme");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            if (all.length < NONCE + TAG_BITS / 8) {
                throw new IllegalStateException("stored value is too short to be ciphertext");
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
            return new String(c.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | java.security.ProviderException e) {
            throw new IllegalStateException("stored value cannot be decrypted with this data key", e);
        }
    }

    @Override
    public String toString() {
        return "FieldCipher[key=****]";
    }
}
