package org.sanshe.bot.wecom.callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.sanshe.bot.wecom.translate.AiBotTranslator;
import org.sanshe.bot.wecom.translate.SafeXml;

/** The outer, unencrypted layer of callbacks and passive replies (WECOM.md §1.5). */
public final class Envelopes {
    private Envelopes() {}

    /** App: {@code <xml><ToUserName/><AgentID/><Encrypt/></xml>}. */
    public static String appEncrypt(String body) {
        if (body.isBlank()) {
            throw new BadCallbackException("empty body");
        }
        return SafeXml.parse(body).require("Encrypt");
    }

    /** AI bot: {@code {"encrypt": "…"}}. */
    public static String aibotEncrypt(String body) {
        if (body.isBlank()) {
            throw new BadCallbackException("empty body");
        }
        JsonNode node;
        try {
            node = AiBotTranslator.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadCallbackException("envelope is not valid JSON");
        }
        JsonNode encrypt = node == null ? null : node.get("encrypt");
        if (encrypt == null || !encrypt.isTextual() || encrypt.asText().isEmpty()) {
            throw new BadCallbackException("envelope has no encrypt field");
        }
        return encrypt.asText();
    }

    /** AI bot passive reply: {@code {"encrypt","msgsignature","timestamp","nonce"}}. */
    public static String aibotReply(CallbackEndpoint.Sealed s) {
        var node = AiBotTranslator.JSON.createObjectNode();
        node.put("encrypt", s.encrypt());
        node.put("msgsignature", s.signature());
        node.put("timestamp", Long.parseLong(s.timestamp()));
        node.put("nonce", s.nonce());
        return node.toString();
    }

    /** App passive reply: {@code <xml><Encrypt/><MsgSignature/><TimeStamp/><Nonce/></xml>}. */
    public static String appReply(CallbackEndpoint.Sealed s) {
        return "<xml><Encrypt><![CDATA[" + s.encrypt() + "]]></Encrypt><MsgSignature><![CDATA[" + s.signature()
                + "]]></MsgSignature><TimeStamp>" + s.timestamp() + "</TimeStamp><Nonce><![CDATA[" + s.nonce()
                + "]]></Nonce></xml>";
    }
}
