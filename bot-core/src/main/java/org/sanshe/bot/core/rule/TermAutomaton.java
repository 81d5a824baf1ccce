package org.sanshe.bot.core.rule;

import java.util.Arrays;
import java.util.List;

/**
 * Aho–Corasick over UTF-16 characters: every occurrence of every word in one left-to-right pass, at a cost that depends
 * on the text and the number of occurrences, not on how many words there are.
 *
 * <p>States are numbered from 0 (the root). The goto function is one open-addressing hash table keyed by (state,
 * character), so a state costs a few bytes however many distinct characters the words use (Chinese has thousands).
 * Each slot is one {@code long}, the key (state and character) in the high 40 bits and the target state in the low 24,
 * so a lookup usually touches one cache line; this limits an automaton to 2<sup>24</sup> states (some 16 million
 * characters of terms). The root, where most characters of a message are read, has a plain array by character
 * (256 KiB) instead. The failure function is an array; the output function is each state's own words plus a link to
 * the nearest state on its failure chain that has words of its own (the dictionary suffix link), so reporting walks
 * only states that report.
 *
 * <p>Built once, never changed afterwards; every field is final and every array is written only by the constructor, so
 * one instance may be shared by any number of threads.
 */
public final class TermAutomaton {
    /** Receives each occurrence: the index of the word in the list it was built from, and its span in the text. */
    @FunctionalInterface
    public interface Hits {
        void hit(int word, int start, int end);
    }

    private static final long EMPTY = -1L;
    private static final int TARGET_BITS = 24;
    private static final long TARGET_MASK = (1L << TARGET_BITS) - 1;
    static final int MAX_STATES = 1 << TARGET_BITS;

    private final int[] wordLength;
    /** Open addressing, linear probing: {@code key << 24 | target}, or {@link #EMPTY}. */
    private final long[] slots;

    private final int mask;
    private final int shift;
    /** The root's transitions by character: most characters of a message are read at the root. */
    private final int[] rootNext;

    private final int[] fail;
    /** Nearest state on the failure chain (excluding the state itself) with words of its own, or -1. */
    private final int[] outputLink;
    /** Own words of state s: {@code ownWords[ownStart[s] .. ownStart[s + 1])}. */
    private final int[] ownStart;

    private final int[] ownWords;

    private TermAutomaton(
            int[] wordLength,
            long[] slots,
            int[] rootNext,
            int[] fail,
            int[] outputLink,
            int[] ownStart,
            int[] ownWords) {
        this.wordLength = wordLength;
        this.slots = slots;
        this.mask = slots.length - 1;
        this.shift = 64 - Integer.numberOfTrailingZeros(slots.length);
        this.rootNext = rootNext;
        this.fail = fail;
        this.outputLink = outputLink;
        this.ownStart = ownStart;
        this.ownWords = ownWords;
    }

    /** Words may repeat (each occurrence is reported once per index); an empty word is a programming error. */
    public static TermAutomaton build(List<String> words) {
        Trie trie = new Trie();
        int[] lengths = new int[words.size()];
        int[] endState = new int[words.size()];
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            if (word.isEmpty()) {
                throw new IllegalArgumentException("empty word at index " + w);
            }
            lengths[w] = word.length();
            int state = 0;
            for (int i = 0; i < word.length(); i++) {
                state = trie.childOrNew(state, word.charAt(i));
            }
            endState[w] = state;
        }
        int states = trie.size;

        // own words, grouped by state
        int[] ownStart = new int[states + 1];
        for (int s : endState) {
            ownStart[s + 1]++;
        }
        for (int s = 0; s < states; s++) {
            ownStart[s + 1] += ownStart[s];
        }
        int[] ownWords = new int[words.size()];
        int[] fill = Arrays.copyOf(ownStart, states);
        for (int w = 0; w < words.size(); w++) {
            ownWords[fill[endState[w]]++] = w;
        }

        // failure and output links, breadth first so a state's failure target is finished before the state
        int[] fail = new int[states];
        int[] outputLink = new int[states];
        Arrays.fill(outputLink, -1);
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        for (int child = trie.firstChild[0]; child != -1; child = trie.nextSibling[child]) {
            fail[child] = 0;
            queue[tail++] = child;
        }
        while (head < tail) {
            int parent = queue[head++];
            for (int child = trie.firstChild[parent]; child != -1; child = trie.nextSibling[child]) {
                char c = trie.edge[child];
                int f = fail[parent];
                int next;
                while ((next = trie.child(f, c)) == -1 && f != 0) {
                    f = fail[f];
                }
                fail[child] = next == -1 ? 0 : next;
                int target = fail[child];
                outputLink[child] = ownStart[target + 1] > ownStart[target] ? target : outputLink[target];
                queue[tail++] = child;
            }
        }
        int[] rootNext = new int[Character.MAX_VALUE + 1];
        Arrays.fill(rootNext, -1);
        for (int child = trie.firstChild[0]; child != -1; child = trie.nextSibling[child]) {
            rootNext[trie.edge[child]] = child;
        }
        return new TermAutomaton(lengths, trie.slots, rootNext, fail, outputLink, ownStart, ownWords);
    }

    int states() {
        return fail.length;
    }

    /** Reports every occurrence of every word in {@code text[0 .. length)}, ordered by end, then longest first. */
    public void scan(char[] text, int length, Hits hits) {
        int state = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            int next;
            while ((next = goTo(state, c)) == -1 && state != 0) {
                state = fail[state];
            }
            state = next == -1 ? 0 : next;
            int reporting = ownStart[state + 1] > ownStart[state] ? state : outputLink[state];
            while (reporting != -1) {
                for (int k = ownStart[reporting]; k < ownStart[reporting + 1]; k++) {
                    int word = ownWords[k];
                    hits.hit(word, i + 1 - wordLength[word], i + 1);
                }
                reporting = outputLink[reporting];
            }
        }
    }

    private int goTo(int state, char c) {
        if (state == 0) {
            return rootNext[c];
        }
        long key = ((long) state << 16) | c;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
        while (true) {
            long entry = slots[slot];
            if (entry == EMPTY) {
                return -1;
            }
            if (entry >>> TARGET_BITS == key) {
                return (int) (entry & TARGET_MASK);
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The keyword tree while it is being built: the same hash table, plus child lists for the breadth-first pass. */
    private static final class Trie {
        long[] slots = newSlots(1024);
        int entries;
        int size = 1;
        int[] firstChild = {-1};
        int[] nextSibling = {-1};
        char[] edge = {0};

        int child(int state, char c) {
            long key = ((long) state << 16) | c;
            int mask = slots.length - 1;
            int slot = slot(key, slots.length);
            while (true) {
                long entry = slots[slot];
                if (entry == EMPTY) {
                    return -1;
                }
                if (entry >>> TARGET_BITS == key) {
                    return (int) (entry & TARGET_MASK);
                }
                slot = (slot + 1) & mask;
            }
        }

        int childOrNew(int state, char c) {
            int existing = child(state, c);
            if (existing != -1) {
                return existing;
            }
            if (size == MAX_STATES) {
                throw new IllegalArgumentException("more than " + MAX_STATES + " states: the terms are too many");
            }
            int created = size++;
            if (created == firstChild.length) {
                int grown = created * 2;
                firstChild = Arrays.copyOf(firstChild, grown);
                nextSibling = Arrays.copyOf(nextSibling, grown);
                edge = Arrays.copyOf(edge, grown);
            }
            firstChild[created] = -1;
            nextSibling[created] = firstChild[state];
            firstChild[state] = created;
            edge[created] = c;
            put(((long) state << 16) | c, created);
            return created;
        }

        private void put(long key, int target) {
            if ((entries + 1) * 2 > slots.length) { // keep the load at most one half: short probe runs
                long[] old = slots;
                slots = newSlots(old.length * 2);
                for (long entry : old) {
                    if (entry != EMPTY) {
                        insert(entry);
                    }
                }
            }
            insert(key << TARGET_BITS | target);
            entries++;
        }

        private void insert(long entry) {
            int mask = slots.length - 1;
            int slot = slot(entry >>> TARGET_BITS, slots.length);
            while (slots[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = entry;
        }

        private static int slot(long key, int capacity) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - Integer.numberOfTrailingZeros(capacity)));
        }

        private static long[] newSlots(int capacity) {
            long[] s = new long[capacity];
            Arrays.fill(s, EMPTY);
            return s;
        }
    }
}
