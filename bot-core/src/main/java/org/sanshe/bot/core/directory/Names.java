package org.sanshe.bot.core.directory;

import java.text.Normalizer;
import java.util.Locale;

/** How typed names are compared: NFKC (full-width to half-width), no surrounding quotes or spaces, any case. */
final class Names {
    private Names() {}

    static String normalise(String typed) {
        String t = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
        t = t.replaceAll("^[「『“\"'《]+|[」』”\"'》]+$", "").strip();
        return t.toLowerCase(Locale.ROOT);
    }
}
