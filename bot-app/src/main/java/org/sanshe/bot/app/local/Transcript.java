package org.sanshe.bot.app.local;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulator shows: messages typed in it and what the fake WeCom received from the service. In memory and
 * bounded; it is a demo surface, not a record.
 */
public final class Transcript {
    private static final int MAX = 2000;

    /**
     * One line: {@code kind} is {@code user} (typed), {@code group-reply} or {@code private} (from the bot); a private
     * template card carries its task id in {@code card} so the page can offer its buttons.
     */
    public record Entry(
            long seq, Instant at, String kind, String chat, String user, String userName, String text, String card) {}

    private record Origin(String chat, String user) {}

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Map<String, Origin> responseCodes = new ConcurrentHashMap<>();
    private long seq;

    public Entry add(String kind, String chat, String user, String text) {
        return add(kind, chat, user, text, "");
    }

    public synchronized Entry add(String kind, String chat, String user, String text, String card) {
        Entry e = new Entry(
                ++seq, Instant.now(), kind, chat, user, DemoSeeder.nameOf(user).orElse(user), text, card);
        entries.addLast(e);
        while (entries.size() > MAX) {
            entries.removeFirst();
        }
        return e;
    }

    public synchronized List<Entry> after(long after) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.seq() > after) {
                out.add(e);
            }
        }
        return out;
    }

    /** The simulator remembers where each response_url belongs, so the bot's answer shows in the right chat. */
    public void expectResponse(String responseCode, String chat, String user) {
        responseCodes.put(responseCode, new Origin(chat, user));
    }

    /** @return false when the code is unknown or was used already (response_url works once) */
    public boolean respond(String responseCode, String text) {
        Origin o = responseCodes.remove(responseCode);
        if (o == null) {
            return false;
        }
        add("group-reply", o.chat(), o.user(), text);
        return true;
    }
}
