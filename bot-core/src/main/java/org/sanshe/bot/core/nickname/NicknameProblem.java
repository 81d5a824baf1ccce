package org.sanshe.bot.core.nickname;

/**
 * What can be wrong with a nickname, each with its explanation in the message bundles under {@code nickname.problem.}.
 * The privacy risks come first wherever problems are listed.
 */
public enum NicknameProblem {
    /** A phone number (mobile, or a landline with its area code) or any other run of seven or more digits. */
    CONTAINS_PHONE("nickname.problem.phone"),
    /** A resident identity card number (15 or 18 characters). */
    CONTAINS_ID_NUMBER("nickname.problem.idNumber"),
    /** No group nickname at all. */
    EMPTY("nickname.problem.empty"),
    /** Nothing of any accepted format recognised; the explanation lists the formats. */
    UNKNOWN_FORMAT("nickname.problem.unknownFormat"),
    MISSING_HOUSEHOLD("nickname.problem.missingHousehold"),
    MISSING_BUILDING("nickname.problem.missingBuilding"),
    MISSING_UNIT("nickname.problem.missingUnit"),
    MISSING_ROOM("nickname.problem.missingRoom"),
    /** Numbers that could be split into building, unit and room in more than one way (31202); never guessed. */
    AMBIGUOUS_HOUSEHOLD("nickname.problem.ambiguousHousehold"),
    MISSING_TENURE("nickname.problem.missingTenure"),
    /** Two different tenure words (自住 and 租住). */
    CONFLICTING_TENURE("nickname.problem.conflictingTenure"),
    /** A tenure word this group does not use (自住 in a landlords' group). */
    TENURE_NOT_ACCEPTED("nickname.problem.tenureNotAccepted"),
    MISSING_TITLE("nickname.problem.missingTitle"),
    /** A title this group does not use (督导 in a residents' group). */
    TITLE_NOT_ACCEPTED("nickname.problem.titleNotAccepted"),
    MISSING_NAME("nickname.problem.missingName"),
    /** A name that is one character, or too long to be only a name. */
    UNCLEAR_NAME("nickname.problem.unclearName"),
    MISSING_SHOP("nickname.problem.missingShop"),
    /** Only one run of text where the format has a shop and a name: written together, or one of them left out. */
    SHOP_AND_NAME_NOT_SEPARATED("nickname.problem.shopAndNameTogether"),
    /** A fixed word of the format is missing. */
    MISSING_WORD("nickname.problem.missingWord"),
    /** A household where this kind of nickname has none (a volunteers' group). */
    EXTRA_HOUSEHOLD("nickname.problem.extraHousehold"),
    /** A tenure word where this kind of nickname has none. */
    EXTRA_TENURE("nickname.problem.extraTenure"),
    /** A title where this kind of nickname has none, or a second title. */
    EXTRA_TITLE("nickname.problem.extraTitle"),
    /** Words or numbers that are not part of the format. */
    EXTRA_TEXT("nickname.problem.extraText");

    private final String messageKey;

    NicknameProblem(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }

    /** Whether the problem is personal data in the nickname rather than its form. */
    public boolean privacyRisk() {
        return this == CONTAINS_PHONE || this == CONTAINS_ID_NUMBER;
    }
}
