package org.sanshe.bot.core.nickname;

import java.util.List;

/**
 * How a household lives in its home, as residents' nicknames say it: the guidance's 自住 (owner-occupied, 常住户) and
 * 租住 (rented, 暂住户), and 房东 for a landlords' group. Each has the words people really type for it; a nickname is
 * read by meaning, so 业主 and 自住 say the same thing.
 */
public enum Tenure {
    OWNER("自住", "自有", "业主", "房主", "自住户", "常住", "常住户"),
    TENANT("租住", "租户", "租客", "租房", "租住户", "暂住", "暂住户"),
    LANDLORD("房东", "出租房东");

    private final String word;
    private final List<String> synonyms;

    Tenure(String word, String... synonyms) {
        this.word = word;
        this.synonyms = List.of(synonyms);
    }

    /** The guidance's word, used in suggestions unless a format writes another of the words. */
    public String word() {
        return word;
    }

    /** The other words that mean the same. */
    public List<String> synonyms() {
        return synonyms;
    }
}
