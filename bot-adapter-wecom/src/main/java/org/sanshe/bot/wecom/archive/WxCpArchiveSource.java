package org.sanshe.bot.wecom.archive;

import com.tencent.wework.Finance;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import javax.crypto.Cipher;
import me.chanjar.weixin.cp.api.WxCpMsgAuditService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.bean.msgaudit.WxCpChatDatas;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import me.chanjar.weixin.cp.util.crypto.WxCpCryptUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat archive read through weixin-java-cp 4.7.3.B's {@link WxCpMsgAuditService} and WeCom's native Finance SDK
 * ({@code libWeWorkFinanceSdk_Java.so}, Linux x86-64 only; it cannot run in this project's build, see
 * docs/ARCHIVE.md). Thin on purpose: {@code getChatDatas(seq, limit, proxy, passwd, timeout)} fetches the encrypted
 * records after a seq, and {@code getChatPlainText(sdk, record, pkcs)} decrypts each one (the RSA private key opens
 * the record's {@code encrypt_random_key}, the SDK then decrypts {@code encrypt_chat_msg}).
 *
 * <p>The library makes a new native SDK instance per fetch and hands it back with the records; it destroys it itself
 * when a fetch or a decryption fails, and otherwise leaves that to us. So the instance is destroyed here exactly once:
 * after the batch, unless a decryption failed (then the library already did). To tell a failure of our key (the SDK is
 * untouched) from a failure inside the SDK, the key is tried on one record of each public-key version before the SDK
 * is asked.
 *
 * <p>A record that cannot be decrypted ends the batch before it: the records before it are handed on, and it is read
 * again on the next pass — never skipped. Failures name the seq and the public-key version, never content.
 */
public final class WxCpArchiveSource implements ArchiveSource {
    private static final Logger log = LoggerFactory.getLogger(WxCpArchiveSource.class);

    private final WxCpMsgAuditService audit;
    private final String privateKey;
    private final int pkcs;
    private final String proxy;
    private final String proxyCredentials;
    private final long timeoutSeconds;
    private final LongConsumer destroySdk;

    WxCpArchiveSource(WxCpMsgAuditService audit, ArchiveSdkSettings settings, LongConsumer destroySdk) {
        this.audit = audit;
        this.privateKey = settings.privateKey();
        this.pkcs = pkcsOf(settings.privateKey());
        this.proxy = settings.proxy();
        this.proxyCredentials = settings.proxyCredentials();
        this.timeoutSeconds = Math.max(1, settings.timeout().toSeconds());
        this.destroySdk = destroySdk;
    }

    /**
     * The real source. Refuses to be made — so the service refuses to start — while the settings cannot work: the
     * library file, the archive secret, the CorpID or a private key the library can use is missing; every problem is
     * named in Chinese and English, no secret is shown.
     */
    public static ArchiveSource create(ArchiveSdkSettings settings) {
        requireUsable(settings);
        WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
        config.setCorpId(settings.corpId());
        config.setMsgAuditSecret(settings.secret());
        config.setMsgAuditLibPath(
                Path.of(settings.libraryPath()).toAbsolutePath().toString());
        config.setMsgAuditPriKey(settings.privateKey());
        WxCpServiceImpl service = new WxCpServiceImpl();
        service.setWxCpConfigStorage(config);
        return new WxCpArchiveSource(service.getMsgAuditService(), settings, Finance::DestroySdk);
    }

    @Override
    public List<ArchiveRecord> after(long seq, int limit) {
        if (limit < 1 || limit > MAX_BATCH) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_BATCH);
        }
        WxCpChatDatas batch;
        try {
            batch = audit.getChatDatas(seq, limit, proxy, proxyCredentials, timeoutSeconds);
        } catch (Exception e) {
            // WeCom's errcode/errmsg or the SDK's return code; the library has released the SDK instance
            throw new ArchiveUnavailableException("getChatDatas after seq " + seq + " failed: " + describe(e), e);
        } catch (LinkageError e) {
            // the native library did not load (wrong file, missing glibc or libcurl): said on every pass, not lost
            throw new ArchiveUnavailableException("the native SDK could not be loaded: " + describe(e), e);
        }
        List<WxCpChatDatas.WxCpChatData> data = batch.getChatData() == null ? List.of() : batch.getChatData();
        Long sdk = batch.getSdk();
        boolean sdkAlive = sdk != null;
        List<ArchiveRecord> read = new ArrayList<>(data.size());
        String failure = null;
        try {
            Set<Integer> keyWorks = new HashSet<>();
            for (WxCpChatDatas.WxCpChatData d : data) {
                long recordSeq = d.getSeq() == null ? -1 : d.getSeq();
                Integer version = d.getPublickeyVer();
                if (!keyWorks.contains(version)) {
                    try {
                        WxCpCryptUtil.decryptPriKey(d.getEncryptRandomKey(), privateKey, pkcs);
                        keyWorks.add(version);
                    } catch (Exception e) {
                        failure = "the private key does not open record seq " + recordSeq + " (publickey_ver " + version
                                + "): configure the key of that version";
                        break;
                    }
                }
                String plaintext;
                try {
                    plaintext = audit.getChatPlainText(sdk, d, pkcs);
                } catch (Exception e) {
                    sdkAlive = false; // the library destroyed the SDK instance on this failure
                    failure = "record seq " + recordSeq + " could not be decrypted: " + describe(e);
                    break;
                }
                if (d.getSeq() == null || d.getMsgId() == null || plaintext == null) {
                    failure = "record after seq "
                            + (read.isEmpty() ? seq : read.get(read.size() - 1).seq())
                            + " came without seq, msgid or content";
                    break;
                }
                read.add(new ArchiveRecord(d.getSeq(), d.getMsgId(), plaintext));
            }
        } finally {
            if (sdkAlive) {
                destroySdk.accept(sdk);
            }
        }
        if (failure != null) {
            if (read.isEmpty()) {
                throw new ArchiveUnavailableException(failure);
            }
            log.warn("chat archive: {} records read, then {}; it is read again next time", read.size(), failure);
        }
        return read;
    }

    /** 1 for a PKCS#1 key ({@code BEGIN RSA PRIVATE KEY}), 2 for PKCS#8: the library's {@code pkcs1} argument. */
    static int pkcsOf(String pem) {
        return pem.contains("BEGIN RSA PRIVATE KEY") ? 1 : 2;
    }

    static void requireUsable(ArchiveSdkSettings s) {
        List<String> problems = new ArrayList<>();
        if (s.corpId().isBlank()) {
            problems.add("缺少企业 ID / missing the CorpID (BOT_WECOM_CORP_ID)");
        }
        if (s.secret().isBlank()) {
            problems.add("缺少会话内容存档 Secret / missing the chat-archive secret (BOT_ARCHIVE_SECRET)");
        }
        if (s.libraryPath().isBlank()) {
            problems.add("缺少原生 SDK 路径 / missing the native SDK path (BOT_ARCHIVE_SDK_LIBRARY_PATH, the full path"
                    + " of libWeWorkFinanceSdk_Java.so)");
        } else {
            Path lib = Path.of(s.libraryPath());
            if (!lib.isAbsolute() || !Files.isRegularFile(lib) || !Files.isReadable(lib)) {
                problems.add("原生 SDK 文件不存在或不可读 / the native SDK is not a readable file at an absolute path: "
                        + s.libraryPath());
            } else if (!lib.getFileName().toString().endsWith(".so")) {
                problems.add("原生 SDK 应为 .so 文件 / the native SDK must be the .so file itself: " + s.libraryPath());
            }
        }
        if (s.privateKey().isBlank()) {
            problems.add("缺少 RSA 私钥 / missing the RSA private key (BOT_ARCHIVE_PRIVATE_KEY)");
        } else if (!keyWorks(s.privateKey())) {
            problems.add("RSA 私钥无法使用（应为 PEM 格式的 RSA 私钥）/ the RSA private key cannot be used (a PEM RSA"
                    + " private key, PKCS#1 or PKCS#8, is expected)");
        }
        if (s.timeout().toSeconds() < 1) {
            problems.add("超时至少 1 秒 / the timeout must be at least one second (bot.archive.timeout)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("会话内容存档已启用（bot.archive.enabled=true），但配置不完整，服务拒绝启动 / the chat"
                    + " archive is enabled but cannot work, refusing to start: " + String.join("; ", problems)
                    + " — docs/ARCHIVE.md");
        }
    }

    /**
     * Whether the library can open with this key what WeCom encrypts with its public key: a probe encrypted with the
     * public half, opened by the library's own {@code decryptPriKey} exactly as it opens each record's random key.
     */
    static boolean keyWorks(String pem) {
        try {
            byte[] der = Base64.getMimeDecoder()
                    .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            BigInteger modulus;
            BigInteger exponent;
            if (pkcsOf(pem) == 1) {
                var key = org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(der);
                modulus = key.getModulus();
                exponent = key.getPublicExponent();
            } else {
                var key =
                        (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
                modulus = key.getModulus();
                exponent = key.getPublicExponent();
            }
            Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            cipher.init(
                    Cipher.ENCRYPT_MODE,
                    KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent)));
            String probe = "sanshe-archive-probe";
            String sealed = Base64.getEncoder().encodeToString(cipher.doFinal(probe.getBytes(StandardCharsets.UTF_8)));
            return probe.equals(WxCpCryptUtil.decryptPriKey(sealed, pem, pkcsOf(pem)));
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    /** The failure's type and WeCom's or the SDK's code, cut short: never record content. */
    private static String describe(Throwable e) {
        String m = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
        return e.getClass().getSimpleName() + (m.isEmpty() ? "" : " " + (m.length() > 160 ? m.substring(0, 160) : m));
    }
}
