package org.sanshe.bot.core.group;

import java.text.Normalizer;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.GroupType;

/** Group names as stored: one line, no control characters, at most {@value #MAX} characters. */
final class GroupNames {
    static final int MAX = 60;

    private GroupNames() {}

    /** The cleaned name, or empty when nothing usable (or too long) was typed. */
    static String clean(String typed) {
        String t = Normalizer.normalize(typed, Normalizer.Form.NFC)
                .replaceAll("\\p{Cntrl}", " ")
                .replaceAll("\\s+", " ")
                .strip();
        t = t.replaceAll("^[「『“\"]+|[」』”\"]+$", "").strip();
        return t.codePointCount(0, t.length()) > MAX ? "" : t;
    }

    /** For a chat bound without a name (the AI bot is not told group names): the type and the chat id's tail. */
    static String defaultName(GroupType type, ChatId chat) {
        String id = chat.value();
        return type.chineseName() + "·" + id.substring(Math.max(0, id.length() - 4));
    }
}
