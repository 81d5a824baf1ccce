package org.sanshe.bot.app.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.sanshe.bot.app.config.BotProperties.AdminToken;

/**
 * Checks the admin API's bearer token in constant time: both sides are hashed first, so neither the token's length nor
 * its prefix can be learnt by timing. The token is never logged nor kept in a {@code toString()}.
 */
final class AdminAuth {
    private static final String BEARER = "Bearer ";

    private final byte[] expected;

    AdminAuth(AdminToken token) {
        this.expected = token.isSet() ? sha256(token.value()) : null;
    }

    boolean enabled() {
        return expected != null;
    }

    /** @param authorization the Authorization header, if any */
    boolean allows(Optional<String> authorization) {
        if (expected == null || authorization.isEmpty()) {
            return false;
        }
        String h = authorization.get();
        if (h.length() <= BEARER.length() || !h.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(
                expected, sha256(h.substring(BEARER.length()).strip()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "AdminAuth[" + (enabled() ? "enabled" : "disabled") + "]";
    }
}
