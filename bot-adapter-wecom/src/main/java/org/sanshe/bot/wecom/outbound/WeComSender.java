package org.sanshe.bot.wecom.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.bean.message.WxCpMessage;
import me.chanjar.weixin.cp.bean.message.WxCpMessageSendResult;
import org.sanshe.bot.core.pipeline.DeliveryResult;
import org.sanshe.bot.core.pipeline.OutboxMessage;
import org.sanshe.bot.core.pipeline.OutboxSender;
import org.sanshe.bot.wecom.customer.CustomerGroupLookup;
import org.sanshe.bot.wecom.translate.AiBotTranslator;

/**
 * Sends outbox messages: app texts through weixin-java-cp's {@code message/send} (with WeCom's duplicate check on, so
 * a retry after an unclear failure is not shown twice), AI-bot replies with one POST to the message's response_url —
 * but only when that url points at the configured WeCom API host, so a forged callback cannot make the service call
 * anywhere else. Errors are sorted into retry (system busy -1, frequency 45009, concurrency 45033, network, HTTP 5xx)
 * and final failure (everything else).
 */
public final class WeComSender implements OutboxSender {
    static final Set<Integer> RETRYABLE = Set.of(-1, 45009, 45033);
    private static final int MAX_MARKDOWN_BYTES = 20480;
    private static final int MAX_TEXT_BYTES = 2048;

    private final WxCpService wecom;
    private final int agentId;
    private final URI apiBase;
    private final HttpClient http;
    private final CustomerGroupLookup lookups;
    private final Duration responseTimeout;

    public WeComSender(WxCpService wecom, int agentId, URI apiBase, HttpClient http, CustomerGroupLookup lookups) {
        this(wecom, agentId, apiBase, http, lookups, Duration.ofSeconds(5));
    }

    WeComSender(
            WxCpService wecom,
            int agentId,
            URI apiBase,
            HttpClient http,
            CustomerGroupLookup lookups,
            Duration responseTimeout) {
        this.wecom = wecom;
        this.agentId = agentId;
        this.apiBase = apiBase;
        this.http = http;
        this.lookups = lookups;
        this.responseTimeout = responseTimeout;
    }

    @Override
    public DeliveryResult send(OutboxMessage message) {
        return switch (message.kind()) {
            case DeliveryPlanner.APP_TEXT -> sendAppText(message);
            case DeliveryPlanner.AIBOT_RESPONSE -> sendAiBotResponse(message);
            case DeliveryPlanner.LOOKUP_CUSTOMER_GROUP -> lookups.run(message, RETRYABLE::contains);
            case DeliveryPlanner.READ_GROUP_MEMBERS -> lookups.read(message, RETRYABLE::contains);
            case DeliveryPlanner.APP_CARD -> sendCard(message, URGENT_BUTTONS);
            case DeliveryPlanner.APP_NOTE -> sendCard(message, NOTE_BUTTONS);
            case DeliveryPlanner.CARD_UPDATE -> updateCard(message);
            case DeliveryPlanner.GROUP_SEND_DRAFT -> groupSendDraft(message);
            default -> new DeliveryResult.Failed("unknown kind " + message.kind());
        };
    }

    private DeliveryResult sendAppText(OutboxMessage m) {
        WxCpMessage msg = WxCpMessage.TEXT()
                .agentId(agentId)
                .toUser(m.target())
                .content(cut(m.body(), MAX_TEXT_BYTES))
                .build();
        return send(msg, "message/send");
    }

    /** message/send with WeCom's duplicate check on, so a retry after an unclear failure is not shown twice. */
    private DeliveryResult send(WxCpMessage msg, String api) {
        msg.setEnableDuplicateCheck(true);
        msg.setDuplicateCheckInterval(1800);
        try {
            WxCpMessageSendResult result = wecom.getMessageService().send(msg);
            return new DeliveryResult.Sent(
                    Optional.ofNullable(result.getMsgId()).orElse(""));
        } catch (WxErrorException e) {
            return classify(e.getError().getErrorCode(), api);
        } catch (WxRuntimeException e) {
            // the network failed (the library wraps the IOException); WeCom's duplicate check covers a send that went
            // through unanswered
            return new DeliveryResult.Retry(api + ": " + causeName(e), Optional.empty(), unanswered(e.getCause()));
        }
    }

    private static String causeName(Throwable e) {
        return (e.getCause() != null ? e.getCause() : e).getClass().getSimpleName();
    }

    /** A request that may have reached WeCom without our hearing back: anything but a refused connection. */
    static boolean unanswered(Throwable cause) {
        return !(cause instanceof java.net.ConnectException
                || cause instanceof java.net.http.HttpConnectTimeoutException
                // Apache HttpClient's (weixin-java-cp): never connected either
                || (cause != null && cause.getClass().getSimpleName().equals("ConnectTimeoutException")));
    }

    /** The buttons of a 紧急 card; their keys come back in the click event. */
    static final java.util.List<Button> URGENT_BUTTONS = java.util.List.of(
            new Button("接手", 1, "ack"),
            new Button("转交", 2, "handover"),
            new Button("有用", 2, "useful"),
            new Button("误报", 2, "falsealarm"));
    /** The buttons of a 留意 note. */
    static final java.util.List<Button> NOTE_BUTTONS = java.util.List.of(
            new Button("升为紧急", 1, "raise"), new Button("有用", 2, "useful"), new Button("误报", 2, "falsealarm"));

    record Button(String text, int style, String key) {}

    /**
     * An escalation card or note: a button_interaction template card with its buttons, duplicate check on (a retried
     * send after an unclear failure is not shown twice).
     */
    private DeliveryResult sendCard(OutboxMessage m, java.util.List<Button> buttons) {
        JsonNode card;
        try {
            card = AiBotTranslator.JSON.readTree(m.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new DeliveryResult.Failed("card body unreadable");
        }
        WxCpMessage msg = WxCpMessage.TEMPLATECARD()
                .agentId(agentId)
                .toUser(m.target())
                .cardType("button_interaction")
                .taskId(card.path("taskId").asText())
                .mainTitleTitle(cut(card.path("title").asText(), 120))
                .subTitleText(cut(card.path("description").asText(), 1000))
                .buttons(buttons.stream()
                        .map(b -> me.chanjar.weixin.cp.bean.templatecard.TemplateCardButton.builder()
                                .text(b.text())
                                .style(b.style())
                                .key(b.key())
                                .build())
                        .toList())
                .build();
        return send(msg, "message/send card");
    }

    /** Changes the clicker's card button to a label, with the click's one-use response code. */
    private DeliveryResult updateCard(OutboxMessage m) {
        JsonNode body;
        try {
            body = AiBotTranslator.JSON.readTree(m.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new DeliveryResult.Failed("card update body unreadable");
        }
        try {
            wecom.getTaskCardService()
                    .updateTemplateCardButton(
                            java.util.List.of(m.target()),
                            null,
                            null,
                            null,
                            body.path("responseCode").asText(),
                            body.path("label").asText());
            return new DeliveryResult.Sent("");
        } catch (WxErrorException e) {
            return classify(e.getError().getErrorCode(), "update_template_card");
        } catch (WxRuntimeException e) {
            return new DeliveryResult.Retry(
                    "update_template_card: " + causeName(e), Optional.empty(), unanswered(e.getCause()));
        }
    }

    /**
     * A group-send task to one customer group (add_msg_template, chat_type group): WeCom sends nothing until the owner
     * given as sender confirms it. A retried row can make a second task (there is no duplicate check); the owner then
     * sees two drafts and confirms one, which is the lesser harm than losing the reminder.
     */
    private DeliveryResult groupSendDraft(OutboxMessage m) {
        JsonNode body;
        try {
            body = AiBotTranslator.JSON.readTree(m.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new DeliveryResult.Failed("group-send draft body unreadable");
        }
        var template = new me.chanjar.weixin.cp.bean.external.WxCpMsgTemplate();
        template.setChatType("group");
        template.setSender(body.path("sender").asText());
        template.setChatIdList(java.util.List.of(m.target()));
        template.setText(new me.chanjar.weixin.cp.bean.external.msg.Text()
                .setContent(body.path("text").asText()));
        try {
            var result = wecom.getExternalContactService().addMsgTemplate(template);
            return new DeliveryResult.Sent(result == null || result.getMsgId() == null ? "" : result.getMsgId());
        } catch (WxErrorException e) {
            return classify(e.getError().getErrorCode(), "add_msg_template");
        } catch (WxRuntimeException e) {
            return new DeliveryResult.Retry("add_msg_template: " + e.getClass().getSimpleName(), Optional.empty());
        }
    }

    private DeliveryResult sendAiBotResponse(OutboxMessage m) {
        URI url;
        try {
            url = URI.create(m.target());
        } catch (IllegalArgumentException e) {
            return new DeliveryResult.Failed("response_url is not a url");
        }
        if (!sameOrigin(url, apiBase)) {
            return new DeliveryResult.Failed("response_url host is not the WeCom API host");
        }
        var body = AiBotTranslator.JSON.createObjectNode();
        body.put("msgtype", "markdown");
        body.putObject("markdown").put("content", cut(m.body(), MAX_MARKDOWN_BYTES));
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(responseTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                return new DeliveryResult.Retry("response_url HTTP " + response.statusCode(), Optional.empty());
            }
            if (response.statusCode() != 200) {
                return new DeliveryResult.Failed("response_url HTTP " + response.statusCode());
            }
            JsonNode answer;
            try {
                answer = AiBotTranslator.JSON.readTree(response.body());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // a 200 means the one-shot url was most likely used: trying again could only show the reply twice
                return new DeliveryResult.Failed("response_url answered 200 without JSON");
            }
            int code = answer == null ? 0 : answer.path("errcode").asInt(0);
            if (code == 0) {
                return new DeliveryResult.Sent("");
            }
            if (RETRYABLE.contains(code)) {
                return classify(code, "response_url");
            }
            // the url is usable once (WECOM.md §3.5): a refusal after an unanswered attempt is most likely that one
            return new DeliveryResult.UsedUp("response_url errcode " + code);
        } catch (IOException e) {
            // a timeout or a lost connection may come after WeCom took the reply; a refused connection never does
            return new DeliveryResult.Retry(
                    "response_url: " + e.getClass().getSimpleName(), Optional.empty(), unanswered(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.Retry("interrupted", Optional.empty());
        }
    }

    static DeliveryResult classify(int code, String api) {
        if (RETRYABLE.contains(code)) {
            // 45009 is a minute ban (WECOM.md §6.1): do not knock again before it lifts
            Optional<Duration> wait = code == 45009 ? Optional.of(Duration.ofSeconds(60)) : Optional.empty();
            return new DeliveryResult.Retry(api + " errcode " + code, wait);
        }
        return new DeliveryResult.Failed(api + " errcode " + code);
    }

    static boolean sameOrigin(URI url, URI base) {
        return url.getScheme() != null
                && url.getHost() != null
                && url.getScheme()
                        .toLowerCase(Locale.ROOT)
                        .equals(base.getScheme().toLowerCase(Locale.ROOT))
                && url.getHost().equalsIgnoreCase(base.getHost())
                && port(url) == port(base)
                && url.getRawUserInfo() == null;
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** Cuts to a byte budget on a character boundary, marking the cut. */
    static String cut(String s, int maxBytes) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= maxBytes) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + len > maxBytes - 3) {
                break;
            }
            out.appendCodePoint(cp);
            used += len;
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }
}
