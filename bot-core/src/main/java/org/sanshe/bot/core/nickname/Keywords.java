package org.sanshe.bot.core.nickname;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The words of tenure and titles in every form people type them, as a small trie read character by character: the
 * longest word starting at a position wins (医务志愿者 over 医务, 社区志愿者 over 社区). Children are kept in sorted
 * arrays, so a lookup allocates nothing and never backtracks.
 */
final class Keywords {
    /** What a word means: exactly one of the two is set. */
    record Meaning(Tenure tenure, Title title) {}

    private static final Keywords ALL = build();

    private final Node root = new Node();

    private static final class Node {
        char[] keys = new char[0];
        Node[] children = new Node[0];
        Meaning meaning;

        Node child(char c) {
            int at = Arrays.binarySearch(keys, c);
            return at < 0 ? null : children[at];
        }

        Node childOrNew(char c) {
            int at = Arrays.binarySearch(keys, c);
            if (at >= 0) {
                return children[at];
            }
            int insert = -at - 1;
            char[] k = new char[keys.length + 1];
            Node[] ch = new Node[children.length + 1];
            System.arraycopy(keys, 0, k, 0, insert);
            System.arraycopy(children, 0, ch, 0, insert);
            k[insert] = c;
            ch[insert] = new Node();
            System.arraycopy(keys, insert, k, insert + 1, keys.length - insert);
            System.arraycopy(children, insert, ch, insert + 1, children.length - insert);
            keys = k;
            children = ch;
            return ch[insert];
        }
    }

    static Keywords all() {
        return ALL;
    }

    /** Every word with its meaning, in declaration order (the guidance's word first). */
    static Map<String, Meaning> words() {
        Map<String, Meaning> words = new LinkedHashMap<>();
        for (Tenure t : Tenure.values()) {
            Meaning m = new Meaning(t, null);
            put(words, t.word(), m);
            t.synonyms().forEach(w -> put(words, w, m));
        }
        for (Title t : Title.values()) {
            Meaning m = new Meaning(null, t);
            put(words, t.word(), m);
            t.synonyms().forEach(w -> put(words, w, m));
        }
        return words;
    }

    private static void put(Map<String, Meaning> words, String word, Meaning meaning) {
        if (words.putIfAbsent(word, meaning) != null) {
            throw new IllegalStateException("word " + word + " has two meanings");
        }
    }

    private static Keywords build() {
        Keywords k = new Keywords();
        words().forEach((word, meaning) -> {
            Node n = k.root;
            for (int i = 0; i < word.length(); i++) {
                n = n.childOrNew(word.charAt(i));
            }
            n.meaning = meaning;
        });
        return k;
    }

    /**
     * The length of the longest word starting at {@code from} in {@code text[0, end)}, or 0; its meaning goes into
     * {@code found[0]}.
     */
    int longest(char[] text, int from, int end, Meaning[] found) {
        Node n = root;
        int best = 0;
        for (int i = from; i < end; i++) {
            n = n.child(text[i]);
            if (n == null) {
                break;
            }
            if (n.meaning != null) {
                best = i - from + 1;
                found[0] = n.meaning;
            }
        }
        return best;
    }
}
