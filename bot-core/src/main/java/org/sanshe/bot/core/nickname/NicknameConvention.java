package org.sanshe.bot.core.nickname;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The nickname convention of a group type: the formats a nickname may take ({@code config/group-types.yml},
 * {@code nickname-formats}), read once when the type is loaded so that checking a nickname compiles nothing. No two
 * formats may mean the same. An empty convention accepts every nickname that holds no phone or ID number.
 */
public final class NicknameConvention {
    private static final NicknameConvention NONE = new NicknameConvention(List.of());

    private final List<NicknameFormat> formats;
    private final List<String> sources;
    private final boolean acceptsAny;
    private final List<String> tenureWords;
    private final List<String> titleWords;

    private NicknameConvention(List<NicknameFormat> formats) {
        this.formats = List.copyOf(formats);
        this.sources = formats.stream().map(NicknameFormat::source).toList();
        this.acceptsAny = formats.stream().anyMatch(f -> f.has(NicknamePart.Kind.ANY));
        Set<String> tenures = new LinkedHashSet<>();
        Set<String> titles = new LinkedHashSet<>();
        for (NicknameFormat f : formats) {
            f.part(NicknamePart.Kind.TENURE).ifPresent(p -> tenures.add(p.word()));
            f.part(NicknamePart.Kind.TITLE).ifPresent(p -> titles.add(p.word()));
        }
        this.tenureWords = List.copyOf(tenures);
        this.titleWords = List.copyOf(titles);
    }

    /**
     * Reads the formats of a group type, e.g. {@code ["楼栋房号-自住", "楼栋房号-租住", "社工-姓名"]}.
     *
     * @throws IllegalArgumentException naming the first format that cannot be read and why, or two formats that mean
     *     the same
     */
    public static NicknameConvention parse(List<String> formats) {
        Objects.requireNonNull(formats, "formats");
        List<NicknameFormat> read = new ArrayList<>(formats.size());
        for (String text : formats) {
            NicknameFormat f = NicknameFormat.parse(text);
            for (NicknameFormat earlier : read) {
                if (earlier.sameAs(f)) {
                    throw new IllegalArgumentException(
                            "nickname formats '" + earlier.source() + "' and '" + f.source() + "' mean the same");
                }
            }
            read.add(f);
        }
        return read.isEmpty() ? NONE : new NicknameConvention(read);
    }

    /** No convention: any nickname without a phone or ID number is fine. */
    public static NicknameConvention none() {
        return NONE;
    }

    public List<NicknameFormat> formats() {
        return formats;
    }

    /** The formats as configured, e.g. for a reminder that lists them. */
    public List<String> sources() {
        return sources;
    }

    public boolean isEmpty() {
        return formats.isEmpty();
    }

    /** Checks a nickname; see {@link NicknameParser#check}. */
    public NicknameCheck check(String nickname) {
        return NicknameParser.check(nickname, this);
    }

    boolean acceptsAny() {
        return acceptsAny;
    }

    /** The tenure words the formats use, as they write them (自住, 租住). */
    List<String> tenureWords() {
        return tenureWords;
    }

    /** The titles the formats use, as they write them (社工, 医务). */
    List<String> titleWords() {
        return titleWords;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NicknameConvention c && c.sources.equals(sources);
    }

    @Override
    public int hashCode() {
        return sources.hashCode();
    }

    @Override
    public String toString() {
        return String.join("、", sources);
    }
}
