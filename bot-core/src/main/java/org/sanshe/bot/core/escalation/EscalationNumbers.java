package org.sanshe.bot.core.escalation;

import java.text.Normalizer;
import java.util.Optional;
import org.sanshe.bot.core.command.Echo;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.text.Texts;

/** Escalation numbers as people type them: 12, #12, ＃12, 编号12. */
final class EscalationNumbers {
    private EscalationNumbers() {}

    static Optional<Long> parse(String typed) {
        String t = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().replaceFirst("^(#|编号)\\s*", "");
        return t.matches("\\d{1,18}") ? Optional.of(Long.parseLong(t)) : Optional.empty();
    }

    static Reply bad(String typed, Texts texts) {
        return Reply.refused(texts.get("escalation.badNumber", Echo.shorten(typed)));
    }
}
