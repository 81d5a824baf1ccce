package org.sanshe.bot.core.escalation;

/**
 * What a person who received a card or note says about it: it was worth their attention, or the detector was wrong.
 * Kept with the words the detector read, so that detection can be measured against what people said.
 */
public enum Feedback {
    USEFUL("有用"),
    FALSE_ALARM("误报");

    private final String chineseName;

    Feedback(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
