package org.sanshe.bot.core.nickname;

import java.util.Objects;
import java.util.Optional;

/**
 * One named part of a nickname format: the household (楼栋房号), a tenure word (自住), a title (社工), a person's name
 * (姓名), a shop's name (店名), a fixed word the format spells out (「物业」), or 任意昵称 (any nickname without a
 * staff title). Two parts are equal when they mean the same, whichever of the synonyms the format wrote.
 */
public final class NicknamePart {
    /** What a part stands for. */
    public enum Kind {
        /** Building, optional (or, with {@link #unitRequired()}, required) unit, room: 3栋2单元1202. */
        HOUSEHOLD,
        /** 自住 / 租住 / 房东, by meaning. */
        TENURE,
        /** 社工, 医务, 楼门栋长 …, by meaning. */
        TITLE,
        /** A person's name: 2–4 Han characters or a short Latin name. */
        NAME,
        /** A shop's or company's name. */
        SHOP,
        /** A word that must appear as written. */
        LITERAL,
        /** Anything, as long as it claims no staff title and holds no phone or ID number. */
        ANY
    }

    private final Kind kind;
    private final String word;
    private final Tenure tenure;
    private final Title title;
    private final boolean unitRequired;

    private NicknamePart(Kind kind, String word, Tenure tenure, Title title, boolean unitRequired) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.word = Objects.requireNonNull(word, "word");
        this.tenure = tenure;
        this.title = title;
        this.unitRequired = unitRequired;
    }

    static NicknamePart household(String word, boolean unitRequired) {
        return new NicknamePart(Kind.HOUSEHOLD, word, null, null, unitRequired);
    }

    static NicknamePart tenure(String word, Tenure tenure) {
        return new NicknamePart(Kind.TENURE, word, Objects.requireNonNull(tenure), null, false);
    }

    static NicknamePart title(String word, Title title) {
        return new NicknamePart(Kind.TITLE, word, null, Objects.requireNonNull(title), false);
    }

    static NicknamePart of(Kind kind, String word) {
        if (kind == Kind.HOUSEHOLD || kind == Kind.TENURE || kind == Kind.TITLE) {
            throw new IllegalArgumentException(kind + " needs its own factory");
        }
        return new NicknamePart(kind, word, null, null, false);
    }

    public Kind kind() {
        return kind;
    }

    /** The word as the format wrote it (楼栋房号, 业主, 医生, 姓名, the literal); suggestions use it. */
    public String word() {
        return word;
    }

    public Optional<Tenure> tenure() {
        return Optional.ofNullable(tenure);
    }

    public Optional<Title> title() {
        return Optional.ofNullable(title);
    }

    /** For a household: whether the unit (单元) must be given (format 楼栋单元房号). */
    public boolean unitRequired() {
        return unitRequired;
    }

    Tenure tenureOrNull() {
        return tenure;
    }

    Title titleOrNull() {
        return title;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NicknamePart p)) {
            return false;
        }
        return kind == p.kind
                && tenure == p.tenure
                && title == p.title
                && unitRequired == p.unitRequired
                && (kind != Kind.LITERAL || word.equals(p.word));
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, tenure, title, unitRequired, kind == Kind.LITERAL ? word : "");
    }

    @Override
    public String toString() {
        return word;
    }
}
