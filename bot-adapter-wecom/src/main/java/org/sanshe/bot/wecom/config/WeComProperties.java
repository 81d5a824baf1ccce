package org.sanshe.bot.wecom.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bot.wecom.*}: the self-built app and the AI bot. Secrets come from the environment (BOT_WECOM_SECRET, …) and
 * are masked in {@link #toString()}; production refuses to start when one is missing (see the app's startup check).
 *
 * @param corpId the CorpID (receive id of app callbacks)
 * @param agentId the app's AgentId
 * @param secret the app's Secret (for access_token)
 * @param token the app's callback Token
 * @param aesKey the app's callback EncodingAESKey (43 characters)
 * @param apiBaseUrl the WeCom API base; the real one unless a fake stands in
 * @param maxClockSkew how far a callback's timestamp may be from now
 * @param maxBodyBytes the largest callback body accepted
 */
@Validated
@ConfigurationProperties("bot.wecom")
public record WeComProperties(
        String corpId,
        Integer agentId,
        String secret,
        String token,
        String aesKey,

        @DefaultValue("https://qyapi.weixin.qq.com") @NotNull
        URI apiBaseUrl,

        @DefaultValue("PT5M") @NotNull Duration maxClockSkew,
        @DefaultValue("65536") int maxBodyBytes,
        @Valid @NotNull @DefaultValue AiBot aibot) {

    /**
     * {@code bot.wecom.aibot.*}: the 智能机器人 in API mode (its callbacks have an empty receive id).
     *
     * @param token the bot's callback Token
     * @param aesKey the bot's callback EncodingAESKey
     */
    public record AiBot(String token, String aesKey) {
        @Override
        public String toString() {
            return "AiBot[token=" + mask(token) + ", aesKey=" + mask(aesKey) + "]";
        }
    }

    @Override
    public String toString() {
        return "WeComProperties[corpId=" + corpId + ", agentId=" + agentId + ", secret=" + mask(secret) + ", token="
                + mask(token) + ", aesKey=" + mask(aesKey) + ", apiBaseUrl=" + apiBaseUrl + ", maxClockSkew="
                + maxClockSkew + ", maxBodyBytes=" + maxBodyBytes + ", aibot=" + aibot + "]";
    }

    static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "<unset>" : "****";
    }
}
