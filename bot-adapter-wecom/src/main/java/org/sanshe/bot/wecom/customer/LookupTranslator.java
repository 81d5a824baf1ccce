package org.sanshe.bot.wecom.customer;

import java.time.Instant;
import java.util.Optional;
import org.sanshe.bot.wecom.translate.Translated;

/** Reads a stored look-up answer back into the event it carries (see {@link LookupCodec}). */
public final class LookupTranslator {
    public boolean handles(String payload) {
        return LookupCodec.isAnswer(payload) || LookupCodec.isReadAnswer(payload);
    }

    public Optional<Translated> translate(String payload, Instant receivedAt) {
        if (LookupCodec.isReadAnswer(payload)) {
            return Optional.of(new Translated(LookupCodec.readReadAnswer(payload, receivedAt), Optional.empty()));
        }
        var answer = LookupCodec.readAnswer(payload, receivedAt);
        return Optional.of(new Translated(answer.event(), answer.responseUrl()));
    }
}
