package org.sanshe.bot.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What the generator sends: encrypted, enveloped callbacks of a configurable mix, built before a phase starts (the
 * ciphertext holds no timestamp; the signature, which does, is made at send time), and the order of sends including
 * WeCom's retries (the same message, the same ciphertext, sent again with a fresh signature, optionally to another
 * instance).
 */
public final class Traffic {
    /** The kinds of callback, with what the service is expected to answer. */
    public enum Kind {
        /** AI bot, group chat, {@code @三社助手 /command}: one reply POSTed to the message's response_url. */
        GROUP_COMMAND("group", true),
        /** App, private text {@code /帮助} from a member of its own: one message/send to that member. */
        PRIVATE_MESSAGE("private", true),
        /** App event change_external_chat add_member / del_member in an unregistered customer group: no reply. */
        CUSTOMER_GROUP("customer", false),
        /** App event template_card_event on a card the service never sent: no reply required. */
        CARD_CLICK("card", false);

        final String label;
        final boolean replies;

        Kind(String label, boolean replies) {
            this.label = label;
            this.replies = replies;
        }

        static Kind of(String label) {
            for (Kind k : values()) {
                if (k.label.equals(label)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown kind in --mix: " + label + " (group, private, customer, card)");
        }
    }

    /** One callback: which receiver, the body as sent, the ciphertext that is signed, the reply key if one is due. */
    public record Message(int id, Kind kind, boolean app, String encrypt, byte[] body, String replyKey) {}

    /** One send of the plan: a message, the target index, and whether it repeats an earlier send. */
    public record Send(Message message, int target, boolean duplicate) {}

    private static final String[] COMMANDS = {"/帮助", "/帮助", "/帮助", "/我是谁", "/菜单", "/帮助 群规"};

    private final WeComCrypto app;
    private final WeComCrypto aibot;
    private final String corpId;
    private final String agentId;
    private final String fakeBaseUrl;
    private final int[] mix; // cumulative percent per Kind
    private final double duplicateShare;
    private final boolean duplicateElsewhere;
    private final int chats;
    private final int members;
    private final String run;

    public Traffic(
            WeComCrypto app,
            WeComCrypto aibot,
            String corpId,
            String agentId,
            String fakeBaseUrl,
            String mixSpec,
            double duplicateShare,
            boolean duplicateElsewhere,
            int chats,
            int members,
            String run) {
        this.app = app;
        this.aibot = aibot;
        this.corpId = corpId;
        this.agentId = agentId;
        this.fakeBaseUrl = fakeBaseUrl;
        this.mix = parseMix(mixSpec);
        this.duplicateShare = duplicateShare;
        this.duplicateElsewhere = duplicateElsewhere;
        this.chats = chats;
        this.members = members;
        this.run = run;
    }

    /** "group=80,private=10,customer=5,card=5" → cumulative shares; they must add up to 100. */
    static int[] parseMix(String spec) {
        int[] share = new int[Kind.values().length];
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("--mix wants kind=percent,...: " + spec);
            }
            share[Kind.of(kv[0].trim()).ordinal()] = Integer.parseInt(kv[1].trim());
        }
        int[] cumulative = new int[share.length];
        int sum = 0;
        for (int i = 0; i < share.length; i++) {
            if (share[i] < 0) {
                throw new IllegalArgumentException("--mix: negative share");
            }
            sum += share[i];
            cumulative[i] = sum;
        }
        if (sum != 100) {
            throw new IllegalArgumentException("--mix shares add up to " + sum + ", not 100: " + spec);
        }
        return cumulative;
    }

    /**
     * The sends of one phase: {@code n} sends over {@code targets} targets round robin, a share of them repeats of a
     * message sent 1–200 sends earlier in this phase. Fixed seed per phase: the same options give the same traffic.
     */
    public List<Send> plan(String phase, int n, int targets) {
        var rnd = new SplittableRandom(phase.hashCode() * 31L + n);
        var sends = new ArrayList<Send>(n);
        var originals = new ArrayList<Send>(n);
        int created = (int) (System.currentTimeMillis() / 1000);
        byte[] random16 = new byte[16];
        for (int i = 0; i < n; i++) {
            if (originals.size() > 200 && rnd.nextDouble() * 100 < duplicateShare) {
                Send of = originals.get(originals.size() - 1 - rnd.nextInt(200));
                int target = duplicateElsewhere && targets > 1 ? (of.target() + 1) % targets : of.target();
                sends.add(new Send(of.message(), target, true));
                continue;
            }
            int id = originals.size();
            int pick = rnd.nextInt(100);
            Kind kind = Kind.GROUP_COMMAND;
            for (Kind k : Kind.values()) {
                if (pick < mix[k.ordinal()]) {
                    kind = k;
                    break;
                }
            }
            for (int b = 0; b < 16; b++) {
                random16[b] = (byte) "0123456789abcdef".charAt(rnd.nextInt(16));
            }
            Message m = message(phase, id, kind, rnd, random16, created);
            Send s = new Send(m, i % targets, false);
            originals.add(s);
            sends.add(s);
        }
        return sends;
    }

    private Message message(String phase, int id, Kind kind, SplittableRandom rnd, byte[] random16, int created) {
        String tag = run + "-" + phase + "-" + id;
        switch (kind) {
            case GROUP_COMMAND -> {
                String code = "load_" + tag;
                String json = "{\"msgid\":\"load-" + tag + "\",\"aibotid\":\"AIBOTLOAD\",\"chatid\":\"wrload" + run
                        + "x" + rnd.nextInt(chats) + "\",\"chattype\":\"group\",\"from\":{\"userid\":\"loadu"
                        + rnd.nextInt(members) + "\"},\"response_url\":\"" + fakeBaseUrl
                        + "/cgi-bin/aibot/response?response_code=" + code
                        + "\",\"msgtype\":\"text\",\"text\":{\"content\":\"@三社助手 "
                        + COMMANDS[rnd.nextInt(COMMANDS.length)] + "\"}}";
                String enc = aibot.encrypt(random16, json);
                byte[] body = ("{\"encrypt\":\"" + enc + "\"}").getBytes(StandardCharsets.UTF_8);
                return new Message(id, kind, false, enc, body, "rc:" + code);
            }
            case PRIVATE_MESSAGE -> {
                String user = "loadp" + tag;
                long msgId = Math.abs((long) tag.hashCode()) * 100_000L + id;
                String xml = "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><FromUserName><![CDATA[" + user
                        + "]]></FromUserName><CreateTime>" + created
                        + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[/帮助]]></Content><MsgId>"
                        + msgId + "</MsgId><AgentID>" + agentId + "</AgentID></xml>";
                return appMessage(id, kind, xml, random16, "to:" + user);
            }
            case CUSTOMER_GROUP -> {
                String detail = rnd.nextInt(3) == 0 ? "del_member" : "add_member";
                String xml = "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><FromUserName><![CDATA[sys]]>"
                        + "</FromUserName><CreateTime>" + created + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                        + "<Event><![CDATA[change_external_chat]]></Event><ChatId><![CDATA[wrcust" + run + "x"
                        + rnd.nextInt(chats) + "]]></ChatId><ChangeType><![CDATA[update]]></ChangeType>"
                        + "<UpdateDetail><![CDATA[" + detail + "]]></UpdateDetail><JoinScene>3</JoinScene>"
                        + "<MemChangeCnt>1</MemChangeCnt><MemChangeList><Item><![CDATA[wmload" + rnd.nextInt(members)
                        + "]]></Item></MemChangeList><LastMemVer>" + tag + "a</LastMemVer><CurMemVer>" + tag
                        + "b</CurMemVer></xml>";
                return appMessage(id, kind, xml, random16, null);
            }
            case CARD_CLICK -> {
                String xml = "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><FromUserName><![CDATA[loadc"
                        + tag + "]]></FromUserName><CreateTime>" + created + "</CreateTime><MsgType><![CDATA[event]]>"
                        + "</MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[ack]]></EventKey>"
                        + "<TaskId><![CDATA[loadtask" + tag + "]]></TaskId><CardType><![CDATA[button_interaction]]>"
                        + "</CardType><ResponseCode><![CDATA[loadrc" + tag + "]]></ResponseCode><AgentID>" + agentId
                        + "</AgentID></xml>";
                return appMessage(id, kind, xml, random16, null);
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private Message appMessage(int id, Kind kind, String xml, byte[] random16, String replyKey) {
        String enc = app.encrypt(random16, xml);
        byte[] body = ("<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><AgentID><![CDATA[" + agentId
                        + "]]></AgentID><Encrypt><![CDATA[" + enc + "]]></Encrypt></xml>")
                .getBytes(StandardCharsets.UTF_8);
        return new Message(id, kind, true, enc, body, replyKey);
    }

    static String describe(String mixSpec, double dup, boolean elsewhere) {
        return String.format(
                Locale.ROOT, "%s, duplicates %.1f%%%s", mixSpec, dup, elsewhere ? " (to another target)" : "");
    }
}
