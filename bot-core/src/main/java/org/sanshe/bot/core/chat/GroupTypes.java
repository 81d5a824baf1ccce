package org.sanshe.bot.core.chat;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The group types of a deployment. A type is found by its code, its Chinese name or an alias, typed in any width or
 * case; two types may never answer to the same word, so a typed name can never mean two things.
 */
public final class GroupTypes {
    private final List<GroupType> types;
    private final Map<String, GroupType> byWord = new LinkedHashMap<>();

    public GroupTypes(List<GroupType> types) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("no group types configured");
        }
        this.types = List.copyOf(types);
        for (GroupType t : this.types) {
            for (String word : wordsOf(t)) {
                GroupType previous = byWord.putIfAbsent(normalise(word), t);
                if (previous != null && previous != t) {
                    throw new IllegalArgumentException(
                            "group type name '" + word + "' is used by both " + previous.code() + " and " + t.code());
                }
            }
        }
    }

    public List<GroupType> all() {
        return types;
    }

    /** The type a person typed: code, Chinese name or alias. */
    public Optional<GroupType> find(String typed) {
        return typed == null ? Optional.empty() : Optional.ofNullable(byWord.get(normalise(typed)));
    }

    /** The type stored with a group; a code no longer configured still shows, as its code. */
    public Optional<GroupType> byCode(String code) {
        return types.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** The Chinese name of a stored code, or the code itself when the type is no longer configured. */
    public String chineseNameOf(String code) {
        return byCode(code).map(GroupType::chineseName).orElse(code);
    }

    private static List<String> wordsOf(GroupType t) {
        var words = new java.util.ArrayList<String>();
        words.add(t.code());
        words.add(t.chineseName());
        words.addAll(t.aliases());
        return words;
    }

    static String normalise(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFKC)
                .strip()
                .replace('-', '_')
                .toUpperCase(Locale.ROOT);
    }
}
