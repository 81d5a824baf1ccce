package org.sanshe.bot.app.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * Sends callbacks the way WeCom does: plaintext encrypted and signed with weixin-java's own crypto (not the service's
 * code under test), POSTed over HTTP to the running service.
 */
public final class WeComCallbacks {
    public static final String CORP_ID = "wwe2etestcorp0001";
    public static final String APP_TOKEN = "e2eAppToken0123456789abcdefABCDEF";
    public static final String APP_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public static final String AIBOT_TOKEN = "e2eBotToken0123456789abcdefABCDEF";
    public static final String AIBOT_AES_KEY = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";
    public static final String DATA_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public WeComCallbacks(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The properties that make the service accept these callbacks. */
    public static String[] properties(String fakeBaseUrl) {
        return new String[] {
            "bot.wecom.corp-id=" + CORP_ID,
            "bot.wecom.agent-id=1000002",
            "bot.wecom.secret=e2e-secret",
            "bot.wecom.token=" + APP_TOKEN,
            "bot.wecom.aes-key=" + APP_AES_KEY,
            "bot.wecom.aibot.token=" + AIBOT_TOKEN,
            "bot.wecom.aibot.aes-key=" + AIBOT_AES_KEY,
            "bot.wecom.api-base-url=" + fakeBaseUrl,
            "bot.storage.data-key=" + DATA_KEY,
            "bot.admins=e2e-admin"
        };
    }

    public static String aibotGroupText(String msgId, String chat, String user, String text, String responseUrl) {
        return "{\"msgid\":\"" + msgId + "\",\"aibotid\":\"AIBOT\",\"chatid\":\"" + chat
                + "\",\"chattype\":\"group\",\"from\":{\"userid\":\"" + user + "\"},\"response_url\":\"" + responseUrl
                + "\",\"msgtype\":\"text\",\"text\":{\"content\":\"" + text + "\"}}";
    }

    public static String appText(String msgId, String user, String text) {
        return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><FromUserName><![CDATA[" + user
                + "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond()
                + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + text + "]]></Content><MsgId>"
                + msgId + "</MsgId><AgentID>1000002</AgentID></xml>";
    }

    /**
     * A click on a template card's button, as the app's callback carries it (WeCom "模板卡片事件推送"): the card's
     * TaskId, the button's key and the one-use ResponseCode for update_template_card.
     */
    public static String appCardClick(String user, String taskId, String buttonKey, String responseCode) {
        return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><FromUserName><![CDATA[" + user
                + "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond()
                + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>"
                + "<EventKey><![CDATA[" + buttonKey + "]]></EventKey><TaskId><![CDATA[" + taskId + "]]></TaskId>"
                + "<CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[" + responseCode
                + "]]></ResponseCode><AgentID>1000002</AgentID></xml>";
    }

    public HttpResponse<String> postAibot(String plaintext) throws Exception {
        String enc = new WxCryptUtil(AIBOT_TOKEN, AIBOT_AES_KEY, "").encrypt(random16(), plaintext);
        return post("/wecom/aibot/callback", AIBOT_TOKEN, enc, "{\"encrypt\":\"" + enc + "\"}", "application/json");
    }

    public HttpResponse<String> postApp(String plaintext) throws Exception {
        String enc = new WxCryptUtil(APP_TOKEN, APP_AES_KEY, CORP_ID).encrypt(random16(), plaintext);
        String body = "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID>"
                + "<Encrypt><![CDATA[" + enc + "]]></Encrypt></xml>";
        return post("/wecom/app/callback", APP_TOKEN, enc, body, "text/xml");
    }

    /** A POST whose signature does not match. */
    public HttpResponse<String> postAibotTampered(String plaintext) throws Exception {
        String enc = new WxCryptUtil(AIBOT_TOKEN, AIBOT_AES_KEY, "").encrypt(random16(), plaintext);
        String ts = Long.toString(Instant.now().getEpochSecond());
        URI uri = URI.create(
                base + "/wecom/aibot/callback?msg_signature=" + "0".repeat(40) + "&timestamp=" + ts + "&nonce=1");
        return send(uri, "{\"encrypt\":\"" + enc + "\"}", "application/json");
    }

    private HttpResponse<String> post(String path, String token, String enc, String body, String type)
            throws Exception {
        String ts = Long.toString(Instant.now().getEpochSecond());
        String nonce = Long.toString(System.nanoTime());
        String sig = SHA1.gen(token, ts, nonce, enc);
        URI uri = URI.create(base + path + "?msg_signature=" + sig + "&timestamp=" + ts + "&nonce=" + nonce);
        return send(uri, body, type);
    }

    private HttpResponse<String> send(URI uri, String body, String type) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static String uniqueId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String random16() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
