package org.sanshe.bot.wecom.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.crypto.Cipher;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpMsgAuditService;
import me.chanjar.weixin.cp.bean.msgaudit.WxCpAgreeInfo;
import me.chanjar.weixin.cp.bean.msgaudit.WxCpChatDatas;
import me.chanjar.weixin.cp.bean.msgaudit.WxCpChatModel;
import me.chanjar.weixin.cp.bean.msgaudit.WxCpCheckAgreeRequest;
import me.chanjar.weixin.cp.bean.msgaudit.WxCpGroupChat;
import me.chanjar.weixin.cp.util.crypto.WxCpCryptUtil;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real source over weixin-java-cp, with the one part that needs WeCom's native SDK replaced: a fake
 * {@link WxCpMsgAuditService} that answers {@code getChatDatas} with the documented GetChatData JSON (parsed by the
 * library's own {@code WxCpChatDatas.fromJson}) and, like the library, opens each record's {@code encrypt_random_key}
 * with the configured RSA key before "decrypting" it, and destroys the SDK instance itself when decryption fails.
 */
class WxCpArchiveSourceTest {
    private static final KeyPair KEY = rsa();
    private static final KeyPair OTHER_KEY = rsa();
    private static final String PKCS8_PEM = pem("PRIVATE KEY", KEY.getPrivate().getEncoded());

    @TempDir
    Path dir;

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String pkcs1Pem(KeyPair pair) throws Exception {
        byte[] pkcs1 = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded())
                .parsePrivateKey()
                .toASN1Primitive()
                .getEncoded();
        return pem("RSA PRIVATE KEY", pkcs1);
    }

    private static String sealFor(PublicKey key, String secret) {
        try {
            Cipher c = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            c.init(Cipher.ENCRYPT_MODE, key);
            return Base64.getEncoder().encodeToString(c.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ArchiveSdkSettings settings(String libraryPath, String key) {
        return new ArchiveSdkSettings(
                "ww0123456789abcdef", "archive-secret", libraryPath, key, "", "", Duration.ofSeconds(10));
    }

    private ArchiveSdkSettings settings() {
        return settings("/opt/wework/libWeWorkFinanceSdk_Java.so", PKCS8_PEM);
    }

    /** What a fetch was asked, as the SDK's GetChatData receives it. */
    record Fetch(long seq, long limit, String proxy, String passwd, long timeout) {}

    /** A chat record as the archive holds it: encrypted for {@code publicKey}, version {@code version}. */
    record Held(long seq, String msgId, String plaintext, int version, PublicKey publicKey, boolean corrupt) {}

    /** WxCpMsgAuditService without the native SDK: the documented JSON in, the library's own parsing and key step. */
    static class FakeMsgAudit implements WxCpMsgAuditService {
        final List<Held> held = new ArrayList<>();
        final List<Fetch> fetches = new ArrayList<>();
        final List<Long> destroyedByLibrary = new ArrayList<>();
        final AtomicLong sdks = new AtomicLong(7000);
        final String configuredKey;
        Exception failFetch;

        FakeMsgAudit(String configuredKey) {
            this.configuredKey = configuredKey;
        }

        FakeMsgAudit hold(long seq, String plaintext) {
            return hold(seq, plaintext, 1, KEY.getPublic(), false);
        }

        FakeMsgAudit hold(long seq, String plaintext, int version, PublicKey key, boolean corrupt) {
            held.add(new Held(seq, "msg-" + seq, plaintext, version, key, corrupt));
            return this;
        }

        @Override
        public WxCpChatDatas getChatDatas(long seq, long limit, String proxy, String passwd, long timeout)
                throws Exception {
            fetches.add(new Fetch(seq, limit, proxy, passwd, timeout));
            if (failFetch != null) {
                throw failFetch;
            }
            StringBuilder json = new StringBuilder("{\"errcode\":0,\"errmsg\":\"ok\",\"chatdata\":[");
            held.stream()
                    .filter(h -> h.seq() > seq)
                    .limit(limit)
                    .forEach(h -> json.append(json.charAt(json.length() - 1) == '[' ? "" : ",")
                            .append("{\"seq\":")
                            .append(h.seq())
                            .append(",\"msgid\":\"")
                            .append(h.msgId())
                            .append("\",\"publickey_ver\":")
                            .append(h.version())
                            .append(",\"encrypt_random_key\":\"")
                            .append(sealFor(h.publicKey(), "random-key-" + h.seq()))
                            .append("\",\"encrypt_chat_msg\":\"")
                            .append(
                                    h.corrupt()
                                            ? "!!"
                                            : Base64.getEncoder()
                                                    .encodeToString(
                                                            h.plaintext().getBytes(StandardCharsets.UTF_8)))
                            .append("\"}"));
            json.append("]}");
            WxCpChatDatas datas = WxCpChatDatas.fromJson(json.toString());
            datas.setSdk(sdks.incrementAndGet());
            return datas;
        }

        @Override
        public String getChatPlainText(long sdk, WxCpChatDatas.WxCpChatData data, Integer pkcs1) throws Exception {
            // as the library: the random key first (the SDK is untouched if this fails), then the SDK's DecryptData
            WxCpCryptUtil.decryptPriKey(data.getEncryptRandomKey(), configuredKey, pkcs1);
            if ("!!".equals(data.getEncryptChatMsg())) {
                destroyedByLibrary.add(sdk);
                throw new WxErrorException("msg err ret 10003");
            }
            return new String(Base64.getDecoder().decode(data.getEncryptChatMsg()), StandardCharsets.UTF_8);
        }

        @Override
        public WxCpChatModel getDecryptData(long sdk, WxCpChatDatas.WxCpChatData data, Integer pkcs1) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void getMediaFile(long sdk, String id, String proxy, String passwd, long timeout, String path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void getMediaFile(
                long sdk, String id, String proxy, String passwd, long timeout, Consumer<byte[]> action) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> getPermitUserList(Integer type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public WxCpGroupChat getGroupChat(String roomid) {
            throw new UnsupportedOperationException();
        }

        @Override
        public WxCpAgreeInfo checkSingleAgree(WxCpCheckAgreeRequest request) {
            throw new UnsupportedOperationException();
        }
    }

    private final List<Long> destroyed = new ArrayList<>();

    private WxCpArchiveSource source(FakeMsgAudit audit, ArchiveSdkSettings settings) {
        return new WxCpArchiveSource(audit, settings, destroyed::add);
    }

    private static final String TEXT = ArchiveTranslatorTest.TEXT;

    @Test
    void readsTheRecordsAfterTheSeqInOrderAndDestroysTheSdkInstanceOnce() {
        var audit = new FakeMsgAudit(PKCS8_PEM).hold(5, "{}").hold(6, TEXT).hold(7, ArchiveTranslatorTest.MIXED);

        List<ArchiveRecord> read = source(audit, settings()).after(5, 100);

        assertThat(read).extracting(ArchiveRecord::seq).containsExactly(6L, 7L);
        assertThat(read).extracting(ArchiveRecord::msgId).containsExactly("msg-6", "msg-7");
        assertThat(read.get(0).plaintext()).isEqualTo(TEXT);
        assertThat(audit.fetches).containsExactly(new Fetch(5, 100, "", "", 10));
        assertThat(destroyed).containsExactly(7001L);
        assertThat(audit.destroyedByLibrary).isEmpty();
    }

    @Test
    void passesTheLimitTheProxyAndTheTimeoutInSecondsToTheSdk() {
        var audit = new FakeMsgAudit(PKCS8_PEM).hold(1, TEXT).hold(2, TEXT);
        var withProxy = new ArchiveSdkSettings(
                "ww1",
                "s",
                "/opt/wework/libWeWorkFinanceSdk_Java.so",
                PKCS8_PEM,
                "socks5://10.0.0.1:8081",
                "user:pw",
                Duration.ofMillis(30_500));

        assertThat(source(audit, withProxy).after(0, 1))
                .extracting(ArchiveRecord::seq)
                .containsExactly(1L);
        assertThat(audit.fetches).containsExactly(new Fetch(0, 1, "socks5://10.0.0.1:8081", "user:pw", 30));
    }

    @Test
    void worksWithAPkcs1KeyAsWell() throws Exception {
        String pkcs1 = pkcs1Pem(KEY);
        var audit = new FakeMsgAudit(pkcs1).hold(1, TEXT);

        assertThat(source(audit, settings("/x/libWeWorkFinanceSdk_Java.so", pkcs1))
                        .after(0, 10))
                .extracting(ArchiveRecord::plaintext)
                .containsExactly(TEXT);
        assertThat(WxCpArchiveSource.pkcsOf(pkcs1)).isEqualTo(1);
        assertThat(WxCpArchiveSource.pkcsOf(PKCS8_PEM)).isEqualTo(2);
    }

    @Test
    void aRecordTheKeyCannotOpenEndsTheBatchBeforeItAndIsAskedForAgainNotSkipped() {
        var audit = new FakeMsgAudit(PKCS8_PEM)
                .hold(6, TEXT)
                .hold(7, TEXT, 2, OTHER_KEY.getPublic(), false)
                .hold(8, TEXT);
        var source = source(audit, settings());

        assertThat(source.after(5, 100)).extracting(ArchiveRecord::seq).containsExactly(6L);
        assertThatThrownBy(() -> source.after(6, 100))
                .isInstanceOf(ArchiveUnavailableException.class)
                .hasMessageContaining("seq 7")
                .hasMessageContaining("publickey_ver 2")
                .hasMessageNotContaining("活着");
        assertThat(destroyed)
                .as("the SDK was untouched by the key failure: destroyed by us")
                .hasSize(2);
        assertThat(audit.destroyedByLibrary).isEmpty();
    }

    @Test
    void aRecordTheSdkCannotDecryptEndsTheBatchAndTheSdkInstanceIsNotDestroyedTwice() {
        var audit = new FakeMsgAudit(PKCS8_PEM)
                .hold(6, TEXT)
                .hold(7, TEXT, 1, KEY.getPublic(), true)
                .hold(8, TEXT);
        var source = source(audit, settings());

        assertThat(source.after(5, 100)).extracting(ArchiveRecord::seq).containsExactly(6L);
        assertThat(audit.destroyedByLibrary).containsExactly(7001L);
        assertThat(destroyed).isEmpty();

        assertThatThrownBy(() -> source.after(6, 100))
                .isInstanceOf(ArchiveUnavailableException.class)
                .hasMessageContaining("seq 7")
                .hasMessageContaining("10003");
        assertThat(audit.destroyedByLibrary).containsExactly(7001L, 7002L);
        assertThat(destroyed).isEmpty();
    }

    @Test
    void aFailedFetchIsUnavailableWithWeComsCodeAndNothingToDestroy() {
        var audit = new FakeMsgAudit(PKCS8_PEM);
        audit.failFetch = new WxErrorException("{\"errcode\":10001,\"errmsg\":\"network error\"}");

        assertThatThrownBy(() -> source(audit, settings()).after(42, 100))
                .isInstanceOf(ArchiveUnavailableException.class)
                .hasMessageContaining("after seq 42")
                .hasMessageContaining("10001");
        assertThat(destroyed).isEmpty();
    }

    @Test
    void aNativeLibraryThatDoesNotLoadIsUnavailableNotAnErrorThatStopsThePoller() {
        var audit = new FakeMsgAudit(PKCS8_PEM) {
            @Override
            public WxCpChatDatas getChatDatas(long seq, long limit, String proxy, String passwd, long timeout) {
                throw new UnsatisfiedLinkError("/opt/wework/libWeWorkFinanceSdk_Java.so: GLIBC_2.28 not found");
            }
        };

        assertThatThrownBy(() -> source(audit, settings()).after(0, 100))
                .isInstanceOf(ArchiveUnavailableException.class)
                .hasMessageContaining("native SDK could not be loaded")
                .hasMessageContaining("GLIBC_2.28");
        assertThat(destroyed).isEmpty();
    }

    @Test
    void answersNothingWhenThereIsNothingNewAndStillDestroysTheInstance() {
        var audit = new FakeMsgAudit(PKCS8_PEM).hold(3, TEXT);

        assertThat(source(audit, settings()).after(3, 100)).isEmpty();
        assertThat(destroyed).hasSize(1);
    }

    @Test
    void refusesABatchOutsideWeComsLimits() {
        var source = source(new FakeMsgAudit(PKCS8_PEM), settings());

        assertThatThrownBy(() -> source.after(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> source.after(0, 1001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isMadeWhenEverythingItNeedsIsThere() throws Exception {
        Path lib = Files.writeString(dir.resolve("libWeWorkFinanceSdk_Java.so"), "not really a library");

        assertThat(WxCpArchiveSource.create(settings(lib.toString(), PKCS8_PEM)))
                .isInstanceOf(ArchiveSource.class);
        assertThat(WxCpArchiveSource.create(
                        settings(lib.toString(), pkcs1Pem(KEY).replace("\n", "\\n"))))
                .as("a key in an environment variable with \\n written out")
                .isInstanceOf(ArchiveSource.class);
    }

    @Test
    void refusesToBeMadeWithoutTheLibraryTheSecretOrTheKeyNamingEachInChineseAndEnglish() {
        var nothing = new ArchiveSdkSettings("", "", "", "", "", "", Duration.ofSeconds(10));

        assertThatThrownBy(() -> WxCpArchiveSource.create(nothing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("服务拒绝启动")
                .hasMessageContaining("refusing to start")
                .hasMessageContaining("BOT_WECOM_CORP_ID")
                .hasMessageContaining("BOT_ARCHIVE_SECRET")
                .hasMessageContaining("BOT_ARCHIVE_SDK_LIBRARY_PATH")
                .hasMessageContaining("BOT_ARCHIVE_PRIVATE_KEY")
                .hasMessageContaining("docs/ARCHIVE.md");
    }

    @Test
    void refusesALibraryPathThatIsNotAReadableSoFileAtAnAbsolutePath() throws Exception {
        Path notSo = Files.writeString(dir.resolve("libWeWorkFinanceSdk_Java.txt"), "x");
        for (String path : List.of(
                dir.resolve("missing.so").toString(),
                dir.toString(),
                "libWeWorkFinanceSdk_Java.so",
                notSo.toString())) {
            assertThatThrownBy(() -> WxCpArchiveSource.create(settings(path, PKCS8_PEM)))
                    .as(path)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("原生 SDK")
                    .hasMessageContaining(path);
        }
    }

    @Test
    void refusesAKeyTheLibraryCannotUseWithoutShowingIt() throws Exception {
        Path lib = Files.writeString(dir.resolve("libWeWorkFinanceSdk_Java.so"), "x");
        String publicKey = pem("PUBLIC KEY", KEY.getPublic().getEncoded());
        for (String key : Set.of(
                "not a key", publicKey, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----")) {
            assertThatThrownBy(() -> WxCpArchiveSource.create(settings(lib.toString(), key)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("RSA 私钥无法使用")
                    .hasMessageNotContaining(key);
        }
        assertThat(WxCpArchiveSource.keyWorks(PKCS8_PEM)).isTrue();
        assertThat(WxCpArchiveSource.keyWorks(pkcs1Pem(OTHER_KEY))).isTrue();
    }

    @Test
    void neverPrintsItsSecrets() {
        String printed = new ArchiveSdkSettings(
                        "ww1", "archive-secret", "/x.so", PKCS8_PEM, "http://p:1", "user:pw", Duration.ofSeconds(5))
                .toString();

        assertThat(printed)
                .doesNotContain("archive-secret", "user:pw", "PRIVATE KEY")
                .contains("****", "ww1");
    }
}
