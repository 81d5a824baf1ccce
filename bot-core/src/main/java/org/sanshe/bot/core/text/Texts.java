package org.sanshe.bot.core.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing text, looked up by key in {@code messages_zh_CN.properties} (Chinese first) with an English bundle beside
 * it. A missing key is a programming error and fails loudly in tests rather than showing a key to a resident.
 */
public final class Texts {
    private static final String BUNDLE = "org.sanshe.bot.core.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Texts chinese() {
        return new Texts(Locale.SIMPLIFIED_CHINESE);
    }

    public static Texts english() {
        return new Texts(Locale.ROOT);
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text for key " + key, e);
        }
        Object[] plain = args.clone();
        for (int i = 0; i < plain.length; i++) {
            if (plain[i] instanceof Number n) {
                plain[i] = n.toString(); // 1500, not 1,500: counts, ids and error codes read as typed
            }
        }
        return new MessageFormat(pattern, locale).format(plain); // always, so quoting rules hold for every text
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
