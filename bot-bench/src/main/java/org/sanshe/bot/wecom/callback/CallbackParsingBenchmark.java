package org.sanshe.bot.wecom.callback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import me.chanjar.weixin.cp.bean.message.WxCpXmlMessage;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import me.chanjar.weixin.cp.util.crypto.WxCpCryptUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Conversation;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.event.InboundEvent;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.wecom.translate.AppTranslator;
import org.sanshe.bot.wecom.translate.Ingest;
import org.sanshe.bot.wecom.translate.SafeXml;
import org.sanshe.bot.wecom.translate.Translated;

/**
 * One encrypted self-built-app callback, from the POST body and its {@code msg_signature/timestamp/nonce} to a parsed
 * message, two ways (issue 6):
 *
 * <ul>
 *   <li>{@code *Library}: weixin-java-cp 4.7.3.B, {@link WxCpXmlMessage#fromEncryptedXml(String,
 *       me.chanjar.weixin.cp.config.WxCpConfigStorage, String, String, String)} with a {@link WxCpDefaultConfigImpl}
 *       holding corp id, token and AES key: signature check, decryption and the XStream parse into its bean.
 *   <li>{@code *Ours}: what {@link CallbackEndpoint} does before it stores: {@link Envelopes#appEncrypt} (envelope),
 *       {@link CallbackCipher#signatureMatches} and the ±5-minute timestamp window, {@link CallbackCipher#open}
 *       (decryption with the receive-id check) and {@link AppTranslator#ingest} (the {@link SafeXml} parse and the
 *       {@link InboxEntry} with its dedup key). {@code fullOursAndTranslate} adds {@link AppTranslator#translate}, the
 *       second parse the worker does when it dispatches the stored entry, into the core's {@link InboundEvent}.
 * </ul>
 *
 * <p>{@code crypto*} (signature and decryption of the {@code Encrypt} value alone) and {@code parse*} (the decrypted
 * XML into the library's bean, or into our {@link Ingest}, alone) split the difference. Not measured: reading the
 * HTTP body, the inbox and the idempotency store, metrics.
 *
 * <p>The payloads are encrypted once per trial with the token, EncodingAESKey and CorpID of the official WeCom sample
 * (WECOM.md §1.7 vector B), a current timestamp (our path refuses one more than 5 minutes away: a trial must not last
 * longer) and a fixed-seed random prefix. {@link #setUp} runs every benchmark method once and checks what it returns
 * against what was encrypted, so a path that fails is never measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CallbackParsingBenchmark {
    static final String TOKEN = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    static final String AES_KEY = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    static final String CORP_ID = "ww1436e0e65a779aee";
    static final String AGENT_ID = "1000002";
    static final Duration MAX_SKEW = Duration.ofMinutes(5); // WeComProperties' default maxClockSkew

    /**
     * {@code text}: a resident's Chinese question to the app; {@code card}: a template-card button click
     * ({@code template_card_event}); {@code groupChange}: two residents joining a customer group
     * ({@code change_external_chat}, {@code add_member}).
     */
    @Param({"text", "card", "groupChange"})
    public String kind;

    private final Clock clock = Clock.systemUTC();
    private final AppTranslator translator = new AppTranslator();
    private CallbackCipher cipher;
    private WxCpDefaultConfigImpl libraryConfig;

    private String plaintext;
    private String body;
    private String encrypted;
    private String signature;
    private String timestamp;
    private String nonce;

    @Setup
    public void setUp() {
        cipher = new CallbackCipher(TOKEN, AES_KEY, CORP_ID);
        libraryConfig = new WxCpDefaultConfigImpl();
        libraryConfig.setCorpId(CORP_ID);
        libraryConfig.setAgentId(Integer.valueOf(AGENT_ID));
        libraryConfig.setToken(TOKEN);
        libraryConfig.setAesKey(AES_KEY);

        Random random = new Random(20_261_124L + kind.hashCode());
        long now = clock.instant().getEpochSecond();
        timestamp = Long.toString(now);
        nonce = Long.toString(1_000_000_000L + random.nextInt(1_000_000_000));
        Payload p = payload(kind, now);
        plaintext = p.xml();
        encrypted = cipher.seal(randomPrefix(random), plaintext);
        signature = cipher.sign(timestamp, nonce, encrypted);
        body = "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt><AgentID><![CDATA[" + AGENT_ID + "]]></AgentID></xml>";

        check(p);
        System.out.printf(
                "%n[setup] kind=%s: plaintext %d chars, body %d chars; both paths checked%n",
                kind, plaintext.length(), body.length());
    }

    // ---- the whole path ----

    @Benchmark
    public WxCpXmlMessage fullLibrary() {
        return WxCpXmlMessage.fromEncryptedXml(body, libraryConfig, timestamp, nonce, signature);
    }

    @Benchmark
    public Ingest fullOurs() {
        return receive(body);
    }

    @Benchmark
    public Optional<Translated> fullOursAndTranslate() {
        Ingest ingest = receive(body);
        InboxEntry entry = ((Ingest.Store) ingest).entry();
        return translator.translate(entry.payload(), entry.receivedAt());
    }

    // ---- crypto alone: signature and decryption of the Encrypt value ----

    @Benchmark
    public String cryptoLibrary() {
        // fromEncryptedXml builds a new WxCpCryptUtil (and decodes the key) for every message
        return new WxCpCryptUtil(libraryConfig).decryptContent(signature, timestamp, nonce, encrypted);
    }

    @Benchmark
    public String cryptoOurs() {
        if (!cipher.signatureMatches(signature, timestamp, nonce, encrypted)) {
            throw new IllegalStateException("signature refused");
        }
        return cipher.open(encrypted);
    }

    // ---- parsing alone: the decrypted XML ----

    @Benchmark
    public WxCpXmlMessage parseLibrary() {
        return WxCpXmlMessage.fromXml(plaintext, AGENT_ID);
    }

    @Benchmark
    public Ingest parseOurs() {
        return translator.ingest(plaintext, clock.instant());
    }

    /**
     * {@code CallbackEndpoint.handle} up to the inbox: envelope, signature and timestamp window ({@code authentic}),
     * decryption, translation into the entry to store.
     */
    private Ingest receive(String postBody) {
        String encryptValue = Envelopes.appEncrypt(postBody);
        if (!authentic(encryptValue)) {
            throw new IllegalStateException("callback refused: bad signature, or the trial has run over "
                    + MAX_SKEW.toSeconds() + " s since its payloads were made");
        }
        Instant now = clock.instant();
        return translator.ingest(cipher.open(encryptValue), now);
    }

    /** Same test as {@code CallbackEndpoint.authentic}. */
    private boolean authentic(String encryptValue) {
        if (!cipher.signatureMatches(signature, timestamp, nonce, encryptValue)) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        return ts >= now - MAX_SKEW.toSeconds() && ts <= now + MAX_SKEW.toSeconds();
    }

    // ---- payloads and their expected readings ----

    /** A decrypted callback and what each path must read from it. */
    private record Payload(
            String xml,
            String from,
            String dedupKey,
            String orderingKey,
            Class<? extends InboundEvent> eventType,
            Map<String, Object> libraryFields) {}

    private static Payload payload(String kind, long created) {
        String head = "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName>";
        String tail = "<AgentID>" + AGENT_ID + "</AgentID></xml>";
        switch (kind) {
            case "text" -> {
                String from = "ZhangXiuying";
                String msgId = "7441209354471823361";
                String content = "王社工您好，我是3号楼2单元的居民。请问这周六上午社区的义诊活动几点开始？需要带医保卡和身份证吗？我母亲腿脚不方便，能不能预约上门？谢谢！";
                String xml = head + "<FromUserName><![CDATA[" + from + "]]></FromUserName><CreateTime>" + created
                        + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content
                        + "]]></Content><MsgId>" + msgId + "</MsgId>" + tail;
                return new Payload(
                        xml,
                        from,
                        "app:msg:" + msgId,
                        "p:" + from,
                        InboundEvent.TextReceived.class,
                        Map.of("Content", content, "MsgId", msgId, "MsgType", "text"));
            }
            case "card" -> {
                String from = "LiJianguo";
                String task = "crisis-20261124-0007";
                String button = "accept";
                String xml = head + "<FromUserName><![CDATA[" + from + "]]></FromUserName><CreateTime>" + created
                        + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]>"
                        + "</Event><EventKey><![CDATA[" + button + "]]></EventKey><TaskId><![CDATA[" + task
                        + "]]></TaskId><CardType><![CDATA[button_interaction]]></CardType>"
                        + "<ResponseCode><![CDATA[ResponseCode_5cd3a0f1e2b44c7a9d1c8f3b6e2a7d40]]></ResponseCode>"
                        + tail;
                return new Payload(
                        xml,
                        from,
                        "app:ev:" + from + ":" + created + ":card:" + task + ":" + button,
                        "p:" + from,
                        InboundEvent.CardButtonClicked.class,
                        Map.of("TaskId", task, "EventKey", button, "CardType", "button_interaction"));
            }
            case "groupChange" -> {
                String chat = "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA";
                String xml = head + "<FromUserName><![CDATA[sys]]></FromUserName><CreateTime>" + created
                        + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_chat]]>"
                        + "</Event><ChatId><![CDATA[" + chat + "]]></ChatId><ChangeType><![CDATA[update]]>"
                        + "</ChangeType><UpdateDetail><![CDATA[add_member]]></UpdateDetail><JoinScene>3</JoinScene>"
                        + "<MemChangeCnt>2</MemChangeCnt><MemChangeList><Item><![CDATA[wmEAlECwAAHxxx1]]></Item>"
                        + "<Item><![CDATA[wmEAlECwAAHxxx2]]></Item></MemChangeList>"
                        + "<LastMemVer><![CDATA[9c3f97c2ada667dfb5f6d03308d963e1]]></LastMemVer>"
                        + "<CurMemVer><![CDATA[71217227bbd112ecfe3a49c482195cb4]]></CurMemVer>"
                        + "</xml>";
                return new Payload(
                        xml,
                        "sys",
                        "app:ev:sys:" + created + ":change_external_chat:" + chat
                                + ":add_member:71217227bbd112ecfe3a49c482195cb4",
                        "g:" + chat,
                        InboundEvent.MembersJoined.class,
                        Map.of(
                                "ChatId",
                                chat,
                                "UpdateDetail",
                                "add_member",
                                "CurMemVer",
                                "71217227bbd112ecfe3a49c482195cb4"));
            }
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        }
    }

    private static String randomPrefix(Random random) {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            s.append(letters.charAt(random.nextInt(letters.length())));
        }
        return s.toString();
    }

    /** Runs every benchmark method once and fails the trial if any reads something else than was encrypted. */
    private void check(Payload p) {
        expect("cryptoLibrary", plaintext, cryptoLibrary());
        expect("cryptoOurs", plaintext, cryptoOurs());

        checkLibrary("fullLibrary", kind, p, fullLibrary());
        checkLibrary("parseLibrary", kind, p, parseLibrary());

        checkOurs("fullOurs", p, fullOurs());
        checkOurs("parseOurs", p, parseOurs());

        InboundEvent event = fullOursAndTranslate()
                .orElseThrow(() -> new IllegalStateException("fullOursAndTranslate: nothing translated"))
                .event();
        expect("fullOursAndTranslate event id", p.dedupKey(), event.id().value());
        expect("fullOursAndTranslate event type", p.eventType(), event.getClass());
        if (event instanceof InboundEvent.TextReceived t) {
            expect("text sender", UserId.of(p.from()), t.sender());
            expect("text conversation", Conversation.direct(Channel.APP, UserId.of(p.from())), t.conversation());
            expect("text content", p.libraryFields().get("Content"), t.text());
        } else if (event instanceof InboundEvent.CardButtonClicked c) {
            expect("card task", p.libraryFields().get("TaskId"), c.taskId());
            expect("card button", p.libraryFields().get("EventKey"), c.buttonKey());
            expect("card clicker", UserId.of(p.from()), c.conversation().member());
        } else if (event instanceof InboundEvent.MembersJoined j) {
            expect("joined chat", ChatId.of((String) p.libraryFields().get("ChatId")), j.chat());
            expect("joined members", List.of(UserId.of("wmEAlECwAAHxxx1"), UserId.of("wmEAlECwAAHxxx2")), j.members());
        } else {
            throw new IllegalStateException("unexpected event " + event.getClass());
        }
    }

    private static void checkLibrary(String path, String kind, Payload p, WxCpXmlMessage m) {
        expect(path + " FromUserName", p.from(), m.getFromUserName());
        expect(path + " AgentID", AGENT_ID, m.getAgentId());
        Map<String, Object> all = m.getAllFieldsMap();
        for (var e : p.libraryFields().entrySet()) {
            expect(path + " allFieldsMap " + e.getKey(), e.getValue(), all.get(e.getKey()));
        }
        switch (kind) {
            case "text" -> {
                expect(path + " Content", p.libraryFields().get("Content"), m.getContent());
                expect(path + " MsgId", Long.valueOf((String) p.libraryFields().get("MsgId")), m.getMsgId());
            }
            case "card" -> {
                expect(path + " Event", "template_card_event", m.getEvent());
                expect(path + " TaskId", p.libraryFields().get("TaskId"), m.getTaskId());
                expect(path + " EventKey", p.libraryFields().get("EventKey"), m.getEventKey());
                expect(path + " CardType", "button_interaction", m.getCardType());
            }
            case "groupChange" -> {
                expect(path + " Event", "change_external_chat", m.getEvent());
                expect(path + " ChatId", p.libraryFields().get("ChatId"), m.getChatId());
                expect(path + " UpdateDetail", "add_member", m.getUpdateDetail());
                expect(path + " MemChangeCnt", "2", m.getMemChangeCnt());
                expect(
                        path + " MemChangeList",
                        Map.of("Item", List.of("wmEAlECwAAHxxx1", "wmEAlECwAAHxxx2")),
                        all.get("MemChangeList"));
            }
            default -> throw new IllegalStateException("no check for " + kind);
        }
    }

    private void checkOurs(String path, Payload p, Ingest ingest) {
        if (!(ingest instanceof Ingest.Store store)) {
            throw new IllegalStateException(path + ": expected the entry to be stored, got " + ingest);
        }
        InboxEntry e = store.entry();
        expect(path + " dedupKey", p.dedupKey(), e.dedupKey());
        expect(path + " orderingKey", p.orderingKey(), e.orderingKey());
        expect(path + " channel", Channel.APP, e.channel());
        expect(path + " payload", plaintext, e.payload());
    }

    private static void expect(String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new IllegalStateException(what + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }
}
