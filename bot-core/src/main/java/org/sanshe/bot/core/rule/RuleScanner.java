package org.sanshe.bot.core.rule;

import org.sanshe.bot.core.port.ContentScanner;

/** The lexicon matcher as the engine's {@link ContentScanner}: crisis findings most urgent first, then breaches. */
public final class RuleScanner implements ContentScanner {
    private final RuleMatcher matcher;

    public RuleScanner(RuleMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public Scan scan(String text) {
        Detection d = matcher.detect(text);
        if (d.isClean()) {
            return Scan.NOTHING;
        }
        return new Scan(
                d.crises().stream()
                        .map(f -> new ContentScanner.Finding(
                                f.category().name(), f.severity().level()))
                        .toList(),
                d.breaches().stream()
                        .map(f -> new ContentScanner.Finding(
                                f.category().name(), f.severity().level()))
                        .toList());
    }
}
