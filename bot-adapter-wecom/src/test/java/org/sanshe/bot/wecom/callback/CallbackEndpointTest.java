package org.sanshe.bot.wecom.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.sanshe.bot.wecom.callback.CallbackCipherTest.oneDigitChanged;
import static org.sanshe.bot.wecom.callback.CallbackRoutes.AIBOT_PATH;
import static org.sanshe.bot.wecom.callback.CallbackRoutes.APP_PATH;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.wecom.Vectors.A;
import org.sanshe.bot.wecom.Vectors.B;
import org.sanshe.bot.wecom.Vectors.C;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Both callback URLs through WebFlux (no Spring context), with WeCom's official vectors and hand-sealed messages. */
class CallbackEndpointTest {
    private static final Instant A1_TIME = Instant.ofEpochSecond(Long.parseLong(A.A1_TIMESTAMP));
    private static final Instant A2_TIME = Instant.ofEpochSecond(Long.parseLong(A.A2_TIMESTAMP));
    private static final Instant C_TIME = Instant.ofEpochSecond(Long.parseLong(C.C2_TIMESTAMP));

    private static CallbackCipher appA() {
        return new CallbackCipher(A.TOKEN, A.AES_KEY, A.CORP_ID);
    }

    private static CallbackCipher appB() {
        return new CallbackCipher(B.TOKEN, B.AES_KEY, B.CORP_ID);
    }

    private static CallbackCipher aibotC() {
        return new CallbackCipher(C.TOKEN, C.AES_KEY, C.RECEIVE_ID);
    }

    private static CallbackHarness harnessA(Instant now) {
        return new CallbackHarness(appA(), aibotC(), now);
    }

    private static CallbackHarness harnessC() {
        return new CallbackHarness(appB(), aibotC(), C_TIME);
    }

    private static WebTestClient.ResponseSpec post(CallbackHarness h, URI uri, String body) {
        return h.client.post().uri(uri).bodyValue(body).exchange();
    }

    private static URI a2Uri() {
        return CallbackHarness.uri(APP_PATH, A.A2_SIGNATURE, A.A2_TIMESTAMP, A.A2_NONCE);
    }

    private static URI c2Uri() {
        return CallbackHarness.uri(AIBOT_PATH, C.C2_SIGNATURE, C.C2_TIMESTAMP, C.C2_NONCE);
    }

    private static void assertEmpty200(WebTestClient.ResponseSpec response) {
        response.expectStatus().isOk().expectBody().isEmpty();
    }

    // ---- URL verification (GET) ----

    @Test
    void answersTheOfficialAppUrlVerificationWithTheBarePlaintext() {
        var h = harnessA(A1_TIME);
        URI uri = URI.create(APP_PATH + "?msg_signature=" + A.A1_SIGNATURE + "&timestamp=" + A.A1_TIMESTAMP + "&nonce="
                + A.A1_NONCE + "&echostr=" + A.A1_ECHOSTR_URL_ENCODED);

        byte[] body = h.client
                .get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(A.A1_REPLY);
        assertThat(h.count("app", "verify", "ok")).isEqualTo(1.0);
        assertThat(h.inbox.attempts()).isZero();
    }

    @Test
    void answersUrlVerificationWhenThePlusSignsArriveUnencoded() {
        var h = harnessA(A1_TIME);
        // the server decodes '+' to ' ': the endpoint must put it back, base64 never holds a space
        URI uri = URI.create(APP_PATH + "?msg_signature=" + A.A1_SIGNATURE + "&timestamp=" + A.A1_TIMESTAMP + "&nonce="
                + A.A1_NONCE + "&echostr=" + A.A1_ECHOSTR);
        assertThat(uri.getRawQuery()).contains("+");

        h.client
                .get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo(A.A1_REPLY);
    }

    @Test
    void answersTheOfficialVectorBUrlVerification() {
        var h = new CallbackHarness(appB(), aibotC(), Instant.ofEpochSecond(Long.parseLong(B.B1_TIMESTAMP)));

        h.client
                .get()
                .uri(CallbackHarness.verifyUri(APP_PATH, B.B1_SIGNATURE, B.B1_TIMESTAMP, B.B1_NONCE, B.B1_ECHOSTR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo(B.B1_REPLY);
    }

    @Test
    void answersTheAiBotUrlVerificationWithAnEmptyReceiveId() {
        var h = harnessC();

        h.client
                .get()
                .uri(CallbackHarness.verifyUri(AIBOT_PATH, C.C1_SIGNATURE, C.C1_TIMESTAMP, C.C1_NONCE, C.C1_ECHOSTR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo(C.C1_REPLY);
    }

    @Test
    void refusesUrlVerificationWithATamperedSignatureWith403AndNoBody() {
        var h = harnessA(A1_TIME);

        h.client
                .get()
                .uri(CallbackHarness.verifyUri(
                        APP_PATH, oneDigitChanged(A.A1_SIGNATURE), A.A1_TIMESTAMP, A.A1_NONCE, A.A1_ECHOSTR))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .isEmpty();
        assertThat(h.count("app", "verify", "forbidden")).isEqualTo(1.0);
    }

    @Test
    void refusesUrlVerificationWithAStaleTimestamp() {
        var h = harnessA(A1_TIME.plusSeconds(301));

        h.client
                .get()
                .uri(CallbackHarness.verifyUri(APP_PATH, A.A1_SIGNATURE, A.A1_TIMESTAMP, A.A1_NONCE, A.A1_ECHOSTR))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .isEmpty();
    }

    @Test
    void refusesUrlVerificationWithoutItsParameters() {
        var h = harnessA(A1_TIME);

        h.client
                .get()
                .uri(APP_PATH)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .isEmpty();
        h.client
                .get()
                .uri(APP_PATH + "?msg_signature=" + A.A1_SIGNATURE + "&timestamp=" + A.A1_TIMESTAMP + "&echostr="
                        + A.A1_ECHOSTR_URL_ENCODED)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void refusesTheAiBotsUrlVerificationOnTheAppPath() {
        var h = new CallbackHarness(appB(), aibotC(), C_TIME);
        // same token and key, but the app expects its CorpID as receive id: the signature passes, decryption does not
        h.client
                .get()
                .uri(CallbackHarness.verifyUri(APP_PATH, C.C1_SIGNATURE, C.C1_TIMESTAMP, C.C1_NONCE, C.C1_ECHOSTR))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .isEmpty();
    }

    // ---- messages (POST): the official vectors ----

    @Test
    void storesTheOfficialAppTextMessageAndAcksWithAnEmptyBody() {
        var h = harnessA(A2_TIME);

        assertEmpty200(post(h, a2Uri(), A.A2_BODY));

        assertThat(h.inbox.entries())
                .containsExactly(new InboxEntry(
                        "app:msg:4561255354251345929", Channel.APP, "p:mycreate", A.A2_PLAINTEXT, A2_TIME));
        assertThat(h.idempotency.remembered()).containsKey("app:msg:4561255354251345929");
        assertThat(h.count("app", "message", "stored")).isEqualTo(1.0);
    }

    @Test
    void storesTheOfficialVectorBTextMessage() {
        Instant now = Instant.ofEpochSecond(Long.parseLong(B.B2_TIMESTAMP));
        var h = new CallbackHarness(appB(), aibotC(), now);

        assertEmpty200(post(h, CallbackHarness.uri(APP_PATH, B.B2_SIGNATURE, B.B2_TIMESTAMP, B.B2_NONCE), B.B2_BODY));

        assertThat(h.inbox.entries())
                .containsExactly(
                        new InboxEntry("app:msg:1456453720", Channel.APP, "p:ChenJiaShun", B.B2_PLAINTEXT, now));
    }

    @Test
    void storesTheAiBotGroupMessageByItsMsgid() {
        var h = harnessC();

        assertEmpty200(post(h, c2Uri(), C.C2_BODY));

        assertThat(h.inbox.entries())
                .containsExactly(new InboxEntry(
                        "aibot:CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=", Channel.AIBOT, "g:CHATID", C.C2_PLAINTEXT, C_TIME));
    }

    @Test
    void acksARedeliveredCallbackEveryTimeAndStoresItOnce() {
        var h = new CallbackHarness(appA(), aibotC(), A2_TIME, Schedulers.boundedElastic());

        for (int i = 0; i < 3; i++) {
            assertEmpty200(post(h, a2Uri(), A.A2_BODY));
        }

        assertThat(h.inbox.entries()).hasSize(1);
        assertThat(h.count("app", "message", "stored")).isEqualTo(1.0);
        assertThat(h.count("app", "message", "duplicate")).isEqualTo(2.0);
    }

    @Test
    void acksADuplicateThatOnlyTheInboxRecognises() {
        var h = harnessC();
        h.idempotency.forgetEverything();

        for (int i = 0; i < 3; i++) {
            assertEmpty200(post(h, c2Uri(), C.C2_BODY));
        }

        assertThat(h.inbox.attempts()).isEqualTo(3);
        assertThat(h.inbox.entries()).hasSize(1);
    }

    // ---- authenticity ----

    @Test
    void refusesATamperedMessageSignatureWith403AndStoresNothing() {
        var h = harnessA(A2_TIME);
        var hc = harnessC();

        post(h, CallbackHarness.uri(APP_PATH, oneDigitChanged(A.A2_SIGNATURE), A.A2_TIMESTAMP, A.A2_NONCE), A.A2_BODY)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .isEmpty();
        post(
                        hc,
                        CallbackHarness.uri(AIBOT_PATH, oneDigitChanged(C.C2_SIGNATURE), C.C2_TIMESTAMP, C.C2_NONCE),
                        C.C2_BODY)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .isEmpty();

        assertThat(h.inbox.attempts()).isZero();
        assertThat(hc.inbox.attempts()).isZero();
        assertThat(h.count("app", "message", "forbidden")).isEqualTo(1.0);
    }

    @Test
    void refusesAMessageWhoseSignatureCoversAnotherCiphertext() {
        var h = harnessA(A2_TIME);
        String swapped =
                A.A2_BODY.replace(A.A2_ENCRYPT, appA().seal(A.A2_RANDOM, A.A2_PLAINTEXT.replace("hello", "bye")));

        post(h, a2Uri(), swapped).expectStatus().isForbidden().expectBody().isEmpty();
        assertThat(h.inbox.entries()).isEmpty();
    }

    @Test
    void refusesAMessageWithoutQueryParameters() {
        var h = harnessA(A2_TIME);

        h.client
                .post()
                .uri(APP_PATH)
                .bodyValue(A.A2_BODY)
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(h.inbox.entries()).isEmpty();
    }

    @Test
    void refusesATimestampMoreThanFiveMinutesAwayEitherWay() {
        var h = harnessA(A2_TIME);
        var late = CallbackHarness.app(h.appCipher, A.A2_PLAINTEXT, A2_TIME.getEpochSecond() - 301);
        var early = CallbackHarness.app(h.appCipher, A.A2_PLAINTEXT, A2_TIME.getEpochSecond() + 301);
        var aibotLate = CallbackHarness.aibot(h.aibotCipher, C.C2_PLAINTEXT, A2_TIME.getEpochSecond() - 301);

        post(h, late.uri(APP_PATH), late.body())
                .expectStatus()
                .isForbidden()
                .expectBody()
                .isEmpty();
        post(h, early.uri(APP_PATH), early.body())
                .expectStatus()
                .isForbidden()
                .expectBody()
                .isEmpty();
        post(h, aibotLate.uri(AIBOT_PATH), aibotLate.body()).expectStatus().isForbidden();

        assertThat(h.inbox.attempts()).isZero();
    }

    @Test
    void acceptsATimestampExactlyFiveMinutesAway() {
        var h = harnessA(A2_TIME);
        var edge = CallbackHarness.app(h.appCipher, A.A2_PLAINTEXT, A2_TIME.getEpochSecond() - 300);

        assertEmpty200(post(h, edge.uri(APP_PATH), edge.body()));
        assertThat(h.inbox.entries()).hasSize(1);
    }

    @Test
    void refusesASignedTimestampWhoseDistanceFromNowOverflows() {
        var h = harnessA(A2_TIME);
        String encrypt = h.appCipher.seal(A.A2_RANDOM, A.A2_PLAINTEXT);
        // now - ts is exactly Long.MIN_VALUE, whose absolute value is negative
        for (long t : new long[] {A2_TIME.getEpochSecond() + Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE}) {
            String ts = Long.toString(t);
            String sig = h.appCipher.sign(ts, "1", encrypt);
            post(h, CallbackHarness.uri(APP_PATH, sig, ts, "1"), "<xml><Encrypt>" + encrypt + "</Encrypt></xml>")
                    .expectStatus()
                    .isForbidden();
        }
        assertThat(h.inbox.attempts()).isZero();
    }

    @Test
    void refusesATimestampThatIsNotANumberEvenWhenSigned() {
        var h = harnessA(A2_TIME);
        String encrypt = h.appCipher.seal(A.A2_RANDOM, A.A2_PLAINTEXT);
        String ts = "soon";
        String sig = h.appCipher.sign(ts, "1", encrypt);

        post(h, CallbackHarness.uri(APP_PATH, sig, ts, "1"), "<xml><Encrypt>" + encrypt + "</Encrypt></xml>")
                .expectStatus()
                .isForbidden();
    }

    // ---- malformed bodies ----

    @Test
    void answers400ToAnAppBodyThatIsNotXmlLacksEncryptOrIsEmpty() {
        var h = harnessA(A2_TIME);

        post(h, a2Uri(), "this is not xml")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .isEmpty();
        post(h, a2Uri(), "<xml><ToUserName>wx5823bf96d3bd56c7</ToUserName></xml>")
                .expectStatus()
                .isBadRequest();
        post(h, a2Uri(), "<xml><Encrypt></Encrypt></xml>").expectStatus().isBadRequest();
        post(h, a2Uri(), "").expectStatus().isBadRequest();
        h.client.post().uri(a2Uri()).exchange().expectStatus().isBadRequest();

        assertThat(h.inbox.attempts()).isZero();
        assertThat(h.count("app", "envelope", "malformed")).isEqualTo(5.0);
    }

    @Test
    void answers400ToAnAiBotBodyThatIsNotJsonLacksEncryptOrIsEmpty() {
        var h = harnessC();

        post(h, c2Uri(), "not json").expectStatus().isBadRequest().expectBody().isEmpty();
        post(h, c2Uri(), "{}").expectStatus().isBadRequest();
        post(h, c2Uri(), "{\"Encrypt\":\"" + C.C2_ENCRYPT + "\"}")
                .expectStatus()
                .isBadRequest();
        post(h, c2Uri(), "{\"encrypt\":12345}").expectStatus().isBadRequest();
        post(h, c2Uri(), "[\"" + C.C2_ENCRYPT + "\"]").expectStatus().isBadRequest();
        post(h, c2Uri(), "null").expectStatus().isBadRequest();
        post(h, c2Uri(), C.C2_BODY + "{}").expectStatus().isBadRequest();
        post(h, c2Uri(), "").expectStatus().isBadRequest();

        assertThat(h.inbox.attempts()).isZero();
    }

    @Test
    void answers400ToASignedCiphertextThatIsNotBase64() {
        var h = harnessA(A2_TIME);
        var hc = harnessC();
        String garbage = "%%%this-is-not-base64%%%";
        String ts = A.A2_TIMESTAMP;
        String sig = h.appCipher.sign(ts, "42", garbage);
        String aibotSig = hc.aibotCipher.sign(C.C2_TIMESTAMP, "42", garbage);

        post(
                        h,
                        CallbackHarness.uri(APP_PATH, sig, ts, "42"),
                        "<xml><Encrypt><![CDATA[" + garbage + "]]></Encrypt></xml>")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .isEmpty();
        post(hc, CallbackHarness.uri(AIBOT_PATH, aibotSig, C.C2_TIMESTAMP, "42"), "{\"encrypt\":\"" + garbage + "\"}")
                .expectStatus()
                .isBadRequest();

        assertThat(h.count("app", "message", "malformed")).isEqualTo(1.0);
        assertThat(h.inbox.attempts() + hc.inbox.attempts()).isZero();
    }

    @Test
    void answers400ToASignedPlaintextThatIsNotWellFormed() {
        var h = harnessA(A2_TIME);
        var broken = CallbackHarness.app(h.appCipher, "<xml><MsgType>text</MsgType>", A2_TIME.getEpochSecond());
        var notJson = CallbackHarness.aibot(h.aibotCipher, "{\"msgid\":", A2_TIME.getEpochSecond());

        post(h, broken.uri(APP_PATH), broken.body()).expectStatus().isBadRequest();
        post(h, notJson.uri(AIBOT_PATH), notJson.body()).expectStatus().isBadRequest();
        assertThat(h.inbox.attempts()).isZero();
    }

    @Test
    void answers400ToASignedTextMessageWithoutMsgId() {
        var h = harnessA(A2_TIME);
        var noId = CallbackHarness.app(
                h.appCipher,
                A.A2_PLAINTEXT.replace("<MsgId>4561255354251345929</MsgId>", ""),
                A2_TIME.getEpochSecond());

        post(h, noId.uri(APP_PATH), noId.body()).expectStatus().isBadRequest();
        assertThat(h.inbox.attempts()).isZero();
    }

    // ---- hostile XML ----

    @Test
    void refusesAnExternalEntityInThePlaintextWithoutFetchingIt() throws Exception {
        var fetched = new AtomicInteger();
        HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        attacker.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] secret = "<!ENTITY inner 'pwned'>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, secret.length);
            exchange.getResponseBody().write(secret);
            exchange.close();
        });
        attacker.start();
        try {
            String base = "http://127.0.0.1:" + attacker.getAddress().getPort();
            var h = harnessA(A2_TIME);
            String entity = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"" + base + "/xxe\">]>"
                    + "<xml><FromUserName>&xxe;</FromUserName><MsgType>text</MsgType><Content>x</Content>"
                    + "<MsgId>1</MsgId></xml>";
            String parameterEntity = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY % p SYSTEM \"" + base
                    + "/p.dtd\"> %p;]><xml><FromUserName>u</FromUserName><MsgType>text</MsgType>"
                    + "<Content>x</Content><MsgId>2</MsgId></xml>";
            String externalDtd = "<?xml version=\"1.0\"?><!DOCTYPE xml SYSTEM \"" + base + "/x.dtd\">"
                    + "<xml><FromUserName>u</FromUserName><MsgType>text</MsgType><Content>x</Content>"
                    + "<MsgId>3</MsgId></xml>";
            long now = A2_TIME.getEpochSecond();
            for (String plaintext : new String[] {entity, parameterEntity, externalDtd}) {
                var signed = CallbackHarness.app(h.appCipher, plaintext, now);
                post(h, signed.uri(APP_PATH), signed.body())
                        .expectStatus()
                        .isBadRequest()
                        .expectBody()
                        .isEmpty();
            }
            // the outer envelope is XML too
            var signed = CallbackHarness.app(h.appCipher, A.A2_PLAINTEXT, now);
            String hostileEnvelope = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"" + base
                    + "/env\">]><xml><ToUserName>&xxe;</ToUserName><Encrypt><![CDATA[" + signed.encrypt()
                    + "]]></Encrypt></xml>";
            post(h, signed.uri(APP_PATH), hostileEnvelope).expectStatus().isBadRequest();

            assertThat(fetched).as("requests to the attacker's server").hasValue(0);
            assertThat(h.inbox.attempts()).isZero();
        } finally {
            attacker.stop(0);
        }
    }

    @Test
    void refusesBillionLaughs() {
        var h = harnessA(A2_TIME);
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10));
            dtd.append("\">");
        }
        String plaintext = dtd + "]><xml><FromUserName>u</FromUserName><MsgType>text</MsgType>"
                + "<Content>&lol9;</Content><MsgId>9</MsgId></xml>";
        var signed = CallbackHarness.app(h.appCipher, plaintext, A2_TIME.getEpochSecond());

        post(h, signed.uri(APP_PATH), signed.body()).expectStatus().isBadRequest();
        assertThat(h.inbox.attempts()).isZero();
    }

    // ---- size ----

    @Test
    void answers413ToA70KilobyteBodyThatDeclaresItsLength() {
        var h = harnessA(A2_TIME);
        String big = A.A2_BODY + " ".repeat(70 * 1024);

        post(h, a2Uri(), big).expectStatus().isEqualTo(413).expectBody().isEmpty();

        assertThat(h.lastContentLength.get()).isGreaterThan(CallbackHarness.MAX_BODY);
        assertThat(h.inbox.attempts()).isZero();
        assertThat(h.count("app", "message", "too-large")).isEqualTo(1.0);
    }

    @Test
    void answers413ToA70KilobyteBodySentInChunksWithoutALength() {
        var h = harnessA(A2_TIME);
        Flux<String> chunks = Flux.range(0, 70).map(i -> "x".repeat(1024));

        h.client
                .post()
                .uri(a2Uri())
                .contentType(MediaType.TEXT_PLAIN)
                .body(chunks, String.class)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .isEmpty();

        assertThat(h.lastContentLength.get()).as("no Content-Length was sent").isEqualTo(-1);
        assertThat(h.inbox.attempts()).isZero();
    }

    @Test
    void refusesABodyThatDeclaresMoreThanTheLimitBeforeReadingIt() {
        var h = harnessA(A2_TIME);

        h.client
                .post()
                .uri(a2Uri())
                .header("Content-Length", Integer.toString(CallbackHarness.MAX_BODY + 1))
                .contentType(MediaType.TEXT_XML)
                // a Flux body: the client keeps the declared length instead of computing its own
                .body(Flux.just(A.A2_BODY), String.class)
                .exchange()
                .expectStatus()
                .isEqualTo(413);

        assertThat(h.lastContentLength.get()).isEqualTo(CallbackHarness.MAX_BODY + 1);
        assertThat(h.inbox.attempts()).isZero();
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() {
        var h = harnessA(A2_TIME);
        String body = A.A2_BODY + " ".repeat(CallbackHarness.MAX_BODY - A.A2_BODY.length());
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(CallbackHarness.MAX_BODY);

        assertEmpty200(post(h, a2Uri(), body));
        assertThat(h.inbox.entries()).hasSize(1);
    }

    // ---- inbox failure ----

    @Test
    void answers503WhenTheInboxAndTheSpoolAreDownAndDoesNotRememberTheKey() {
        var h = harnessA(A2_TIME);
        h.inbox.becomeUnavailable();
        h.spool.breakDisk();

        post(h, a2Uri(), A.A2_BODY).expectStatus().isEqualTo(503).expectBody().isEmpty();

        assertThat(h.inbox.attempts()).isEqualTo(1);
        assertThat(h.inbox.entries()).isEmpty();
        assertThat(h.idempotency.remembered()).isEmpty();
        assertThat(h.count("app", "message", "unavailable")).isEqualTo(1.0);
    }

    @Test
    void spoolsAndAcknowledgesWhenTheInboxIsDown() {
        var h = harnessA(A2_TIME);
        h.inbox.becomeUnavailable();

        assertEmpty200(post(h, a2Uri(), A.A2_BODY));

        assertThat(h.inbox.attempts()).isEqualTo(1);
        assertThat(h.spool.entries()).extracting(InboxEntry::dedupKey).containsExactly("app:msg:4561255354251345929");
        assertThat(h.spool.entries().get(0).payload()).isEqualTo(A.A2_PLAINTEXT);
        assertThat(h.idempotency.remembered()).containsOnlyKeys("app:msg:4561255354251345929");
        assertThat(h.count("app", "message", "spooled")).isEqualTo(1.0);
        assertThat(h.count("app", "message", "unavailable")).isZero();
        assertThat(h.spool.outagesBegun()).isEqualTo(1);
    }

    @Test
    void whileTheSpoolDivertsCallbacksGoStraightToItInArrivalOrderWithoutTryingTheInbox() {
        var h = harnessC();
        h.inbox.becomeUnavailable();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = "SPOOLED" + i;
            sent.add("aibot:" + id);
            var signed = CallbackHarness.aibot(
                    h.aibotCipher,
                    C.C2_PLAINTEXT.replace("CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=", id),
                    C_TIME.getEpochSecond());
            assertEmpty200(post(h, signed.uri(AIBOT_PATH), signed.body()));
        }

        assertThat(h.inbox.attempts()).isEqualTo(1); // only the first waited for the inbox
        assertThat(h.spool.entries()).extracting(InboxEntry::dedupKey).containsExactlyElementsOf(sent);
        assertThat(h.count("aibot", "message", "spooled")).isEqualTo(3.0);
        assertThat(h.spool.outagesBegun()).isEqualTo(1);

        // the inbox is back but the spool still holds entries: a new callback queues behind them
        h.inbox.becomeAvailable();
        h.spool.inboxBack();
        var fourth = CallbackHarness.aibot(
                h.aibotCipher,
                C.C2_PLAINTEXT.replace("CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=", "AFTER"),
                C_TIME.getEpochSecond());
        assertEmpty200(post(h, fourth.uri(AIBOT_PATH), fourth.body()));
        assertThat(h.inbox.entries()).isEmpty();
        assertThat(h.spool.entries()).hasSize(4);

        // replayed and empty: the next one goes to the inbox again
        h.spool.release(h.spool.peek(10).size());
        var fifth = CallbackHarness.aibot(
                h.aibotCipher,
                C.C2_PLAINTEXT.replace("CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=", "DIRECT"),
                C_TIME.getEpochSecond());
        assertEmpty200(post(h, fifth.uri(AIBOT_PATH), fifth.body()));
        assertThat(h.inbox.entries()).extracting(InboxEntry::dedupKey).containsExactly("aibot:DIRECT");
        assertThat(h.count("aibot", "message", "stored")).isEqualTo(1.0);
    }

    // ---- passive reply and ignored callbacks ----

    @Test
    void answersEnterChatWithAnEncryptedWelcomeThatEchoesTheNonce() throws Exception {
        var h = harnessC();
        String enterChat = "{\"msgid\":\"ENTER1\",\"create_time\":1700000000,\"aibotid\":\"AIBOTID\","
                + "\"from\":{\"userid\":\"USERID\"},\"msgtype\":\"event\",\"event\":{\"eventtype\":\"enter_chat\"}}";
        var signed = CallbackHarness.aibot(h.aibotCipher, enterChat, C_TIME.getEpochSecond());

        String body = post(h, signed.uri(AIBOT_PATH), signed.body())
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        JsonNode reply = new ObjectMapper().readTree(body);
        assertThat(reply.size()).isEqualTo(4);
        assertThat(reply.get("timestamp").isNumber()).isTrue();
        assertThat(reply.get("timestamp").asLong()).isEqualTo(C_TIME.getEpochSecond());
        assertThat(reply.get("nonce").asText()).isEqualTo(signed.nonce());
        String encrypt = reply.get("encrypt").asText();
        var verifier = new CallbackCipher(C.TOKEN, C.AES_KEY, "");
        assertThat(verifier.signatureMatches(
                        reply.get("msgsignature").asText(),
                        reply.get("timestamp").asText(),
                        reply.get("nonce").asText(),
                        encrypt))
                .isTrue();
        assertThat(new ObjectMapper().readTree(verifier.open(encrypt)))
                .isEqualTo(new ObjectMapper().readTree("{\"msgtype\":\"text\",\"text\":{\"content\":\"欢迎\"}}"));
        assertThat(h.inbox.attempts()).isZero();
    }

    @Test
    void ignoresAStreamRefreshAndAGroupImage() {
        var h = harnessC();
        String refresh = "{\"msgid\":\"REFRESH1\",\"aibotid\":\"AIBOTID\",\"chatid\":\"CHATID\",\"chattype\":\"group\","
                + "\"from\":{\"userid\":\"USERID\"},\"msgtype\":\"stream\",\"stream\":{\"id\":\"STREAMID\"}}";
        String image = "{\"msgid\":\"IMAGE1\",\"aibotid\":\"AIBOTID\",\"chatid\":\"CHATID\",\"chattype\":\"group\","
                + "\"from\":{\"userid\":\"USERID\"},\"msgtype\":\"image\",\"image\":{\"url\":\"https://x/y\"}}";
        for (String plaintext : new String[] {refresh, image}) {
            var signed = CallbackHarness.aibot(h.aibotCipher, plaintext, C_TIME.getEpochSecond());
            assertEmpty200(post(h, signed.uri(AIBOT_PATH), signed.body()));
        }

        assertThat(h.inbox.attempts()).isZero();
        assertThat(h.idempotency.remembered()).isEmpty();
        assertThat(h.count("aibot", "message", "ignored")).isEqualTo(2.0);
    }

    @Test
    void storesAnAiBotCardClickByItsMsgid() {
        var h = harnessC();
        String click = "{\"msgid\":\"CARD1\",\"create_time\":1700000000,\"aibotid\":\"AIBOTID\","
                + "\"from\":{\"userid\":\"USERID\"},\"chattype\":\"single\",\"response_url\":\"RESPONSEURL\","
                + "\"msgtype\":\"event\",\"event\":{\"eventtype\":\"template_card_event\",\"template_card_event\":"
                + "{\"card_type\":\"button_interaction\",\"event_key\":\"accept\",\"task_id\":\"TASK1\"}}}";
        var signed = CallbackHarness.aibot(h.aibotCipher, click, C_TIME.getEpochSecond());

        assertEmpty200(post(h, signed.uri(AIBOT_PATH), signed.body()));

        assertThat(h.inbox.entries())
                .extracting(InboxEntry::dedupKey, InboxEntry::orderingKey, InboxEntry::channel)
                .containsExactly(tuple("aibot:CARD1", "p:USERID", Channel.AIBOT));
    }

    @Test
    void storesACustomerGroupMemberJoinOrderedByTheGroup() {
        var h = harnessA(A2_TIME);
        String join = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
                + "<FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1409659800</CreateTime>"
                + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_chat]]></Event>"
                + "<ChatId><![CDATA[wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA]]></ChatId><ChangeType><![CDATA[update]]></ChangeType>"
                + "<UpdateDetail><![CDATA[add_member]]></UpdateDetail><JoinScene>1</JoinScene>"
                + "<MemChangeCnt>2</MemChangeCnt><MemChangeList><Item><![CDATA[wmJack]]></Item>"
                + "<Item><![CDATA[wmRose]]></Item></MemChangeList><LastMemVer>9c3f</LastMemVer>"
                + "<CurMemVer>71217</CurMemVer></xml>";
        var signed = CallbackHarness.app(h.appCipher, join, A2_TIME.getEpochSecond());

        assertEmpty200(post(h, signed.uri(APP_PATH), signed.body()));

        assertThat(h.inbox.entries()).hasSize(1);
        InboxEntry entry = h.inbox.entries().get(0);
        assertThat(entry.orderingKey()).isEqualTo("g:wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA");
        assertThat(entry.dedupKey())
                .startsWith("app:ev:sys:1409659800:")
                .contains("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA")
                .contains("add_member");
        assertThat(entry.payload()).isEqualTo(join);
    }

    @Test
    void storesAnAppCardClickByUserTimeTaskAndButton() {
        var h = harnessA(A2_TIME);
        String click = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
                + "<FromUserName><![CDATA[lisi]]></FromUserName><CreateTime>1409659810</CreateTime>"
                + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>"
                + "<EventKey><![CDATA[accept]]></EventKey><TaskId><![CDATA[task-7]]></TaskId>"
                + "<CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[rc]]></ResponseCode>"
                + "<AgentID>1000002</AgentID></xml>";
        var signed = CallbackHarness.app(h.appCipher, click, A2_TIME.getEpochSecond());

        assertEmpty200(post(h, signed.uri(APP_PATH), signed.body()));

        assertThat(h.inbox.entries())
                .extracting(InboxEntry::dedupKey, InboxEntry::orderingKey)
                .containsExactly(tuple("app:ev:lisi:1409659810:card:task-7:accept", "p:lisi"));
    }

    @Test
    void ignoresAnAppEnterAgentEvent() {
        var h = harnessA(A2_TIME);
        String enter = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
                + "<FromUserName><![CDATA[lisi]]></FromUserName><CreateTime>1409659810</CreateTime>"
                + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event>"
                + "<EventKey><![CDATA[]]></EventKey><AgentID>1000002</AgentID></xml>";
        var signed = CallbackHarness.app(h.appCipher, enter, A2_TIME.getEpochSecond());

        assertEmpty200(post(h, signed.uri(APP_PATH), signed.body()));

        assertThat(h.inbox.attempts()).isZero();
        assertThat(h.count("app", "message", "ignored")).isEqualTo(1.0);
    }

    @Test
    void ignoresAnAppImageMessage() {
        var h = harnessA(A2_TIME);
        String image = A.A2_PLAINTEXT
                .replace("<MsgType><![CDATA[text]]></MsgType>", "<MsgType><![CDATA[image]]></MsgType>")
                .replace("<Content><![CDATA[hello]]></Content>", "<PicUrl><![CDATA[http://x/y]]></PicUrl>");
        var signed = CallbackHarness.app(h.appCipher, image, A2_TIME.getEpochSecond());

        assertEmpty200(post(h, signed.uri(APP_PATH), signed.body()));
        assertThat(h.inbox.attempts()).isZero();
    }

    @Test
    void remembersStoredKeysForLongerThanWeComRetries() {
        var h = harnessA(A2_TIME);

        post(h, a2Uri(), A.A2_BODY).expectStatus().isOk();

        assertThat(h.idempotency.remembered().get("app:msg:4561255354251345929"))
                .isGreaterThanOrEqualTo(Duration.ofHours(1));
    }
}
