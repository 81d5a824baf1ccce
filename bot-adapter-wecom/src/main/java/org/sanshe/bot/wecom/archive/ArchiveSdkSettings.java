package org.sanshe.bot.wecom.archive;

import java.time.Duration;
import java.util.Objects;

/**
 * What the real archive source needs, mapped from the app's {@code bot.archive.*} and {@code bot.wecom.corp-id}. Secrets
 * (the archive secret, the private key, the proxy credentials) come from the environment and are masked here.
 *
 * @param corpId the CorpID
 * @param secret the 会话内容存档 Secret (管理工具 → 会话内容存档), not the app's
 * @param libraryPath absolute path of WeCom's native {@code libWeWorkFinanceSdk_Java.so}
 * @param privateKey the RSA private key (PEM, PKCS#1 {@code BEGIN RSA PRIVATE KEY} or PKCS#8 {@code BEGIN PRIVATE
 *     KEY}) whose public key was uploaded to WeCom; {@code \n} written as two characters is accepted
 * @param proxy empty, or the proxy the SDK connects through ({@code socks5://10.0.0.1:8081}, {@code http://…})
 * @param proxyCredentials empty, or the proxy's {@code user:password}
 * @param timeout how long one fetch may take (whole seconds, at least one)
 */
public record ArchiveSdkSettings(
        String corpId,
        String secret,
        String libraryPath,
        String privateKey,
        String proxy,
        String proxyCredentials,
        Duration timeout) {
    public ArchiveSdkSettings {
        corpId = Objects.requireNonNullElse(corpId, "");
        secret = Objects.requireNonNullElse(secret, "");
        libraryPath = Objects.requireNonNullElse(libraryPath, "");
        privateKey = Objects.requireNonNullElse(privateKey, "").replace("\\n", "\n");
        proxy = Objects.requireNonNullElse(proxy, "");
        proxyCredentials = Objects.requireNonNullElse(proxyCredentials, "");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String toString() {
        return "ArchiveSdkSettings[corpId=" + corpId + ", secret=" + mask(secret) + ", libraryPath=" + libraryPath
                + ", privateKey=" + mask(privateKey) + ", proxy=" + proxy + ", proxyCredentials="
                + mask(proxyCredentials) + ", timeout=" + timeout + "]";
    }

    private static String mask(String secret) {
        return secret.isEmpty() ? "<unset>" : "****";
    }
}
