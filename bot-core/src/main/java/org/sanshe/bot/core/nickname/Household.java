package org.sanshe.bot.core.nickname;

import java.util.Objects;
import java.util.Optional;

/**
 * A household as a nickname names it: building (楼栋), unit (单元, empty when not given) and room (房号), each without
 * leading zeros and letters upper-case, so that 3栋1202, 3-1202 and 03#1202室 are the same household.
 *
 * @param building e.g. {@code 3}, {@code A}, {@code B2}
 * @param unit e.g. {@code 2}, or empty when the nickname gives none
 * @param room e.g. {@code 1202}
 */
public record Household(String building, String unit, String room) {
    public Household {
        Objects.requireNonNull(building, "building");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(room, "room");
        if (building.isEmpty() || room.isEmpty()) {
            throw new IllegalArgumentException("a household needs a building and a room");
        }
    }

    public Optional<String> unitIfGiven() {
        return unit.isEmpty() ? Optional.empty() : Optional.of(unit);
    }

    /**
     * The key two members of one household share, {@code building-unit-room}: {@code 3-2-1202}, or {@code 3--1202}
     * without a unit. A nickname without the unit and one with it give different keys; whether they are the same home
     * is for a person to decide.
     */
    public String key() {
        return building + "-" + unit + "-" + room;
    }

    /** The canonical writing: 3栋1202, 3栋2单元1202. */
    public String canonical() {
        return unit.isEmpty() ? building + "栋" + room : building + "栋" + unit + "单元" + room;
    }

    @Override
    public String toString() {
        return canonical();
    }
}
