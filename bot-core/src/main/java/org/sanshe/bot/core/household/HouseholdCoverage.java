package org.sanshe.bot.core.household;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.nickname.Household;
import org.sanshe.bot.core.nickname.NicknameConvention;
import org.sanshe.bot.core.nickname.Tenure;
import org.sanshe.bot.core.port.NicknameRecords.NicknameRecord;

/**
 * The coverage of a group's households: its roster (if one was imported) against the households its members'
 * nicknames name, per building. Pure arithmetic over the stored nickname records; nothing is read from WeCom here.
 *
 * <p>How a nickname's household meets the roster: building and room must be equal. A roster row without a unit matches
 * a nickname with or without one (the roster does not count units). A roster row with a unit matches a nickname with
 * the same unit, or a nickname without a unit when the roster has only one room of that number in that building; with
 * two (1单元501, 2单元501) a nickname without the unit cannot be placed and counts as not on the roster: a person asks.
 *
 * @param hasRoster whether a roster was imported
 * @param buildings per building: the roster's in its order, then the ones only nicknames name
 * @param members members read
 * @param notCompliant members whose nickname does not follow the group's convention
 * @param withoutHousehold members whose nickname names no household (staff, or not written yet)
 */
public record HouseholdCoverage(
        boolean hasRoster, List<Building> buildings, int members, int notCompliant, int withoutHousehold) {

    /** A member's claim: the household their nickname names, and the tenure it says. */
    public record Claim(UserId member, Household household, Optional<Tenure> tenure) {}

    /**
     * One building.
     *
     * @param rostered households on the roster (0 without a roster)
     * @param present households with at least one member: on the roster, or without a roster every household named
     * @param missing roster households nobody in the group names, in roster order
     * @param shared households more than one member names, with them
     * @param owners members saying 自住
     * @param tenants members saying 租住
     * @param notOnRoster members naming a household of this building that is not on the roster (or cannot be placed)
     */
    public record Building(
            String building,
            int rostered,
            List<Household> present,
            List<Household> missing,
            Map<Household, List<UserId>> shared,
            int owners,
            int tenants,
            List<Claim> notOnRoster) {
        public Building {
            present = List.copyOf(present);
            missing = List.copyOf(missing);
            shared = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shared));
            notOnRoster = List.copyOf(notOnRoster);
        }
    }

    public HouseholdCoverage {
        buildings = List.copyOf(buildings);
    }

    public int rostered() {
        return buildings.stream().mapToInt(Building::rostered).sum();
    }

    public int present() {
        return buildings.stream().mapToInt(b -> b.present().size()).sum();
    }

    public int missing() {
        return buildings.stream().mapToInt(b -> b.missing().size()).sum();
    }

    public int shared() {
        return buildings.stream().mapToInt(b -> b.shared().size()).sum();
    }

    public int notOnRoster() {
        return buildings.stream().mapToInt(b -> b.notOnRoster().size()).sum();
    }

    /**
     * Computes the coverage.
     *
     * @param roster the group's roster, empty when none
     * @param records the members' nickname records, in the order they were first seen
     * @param convention the group's convention, to read the tenure from the stored nickname again
     */
    public static HouseholdCoverage of(
            List<Household> roster, Map<UserId, NicknameRecord> records, NicknameConvention convention) {
        List<Claim> claims = new ArrayList<>();
        int notCompliant = 0;
        int without = 0;
        for (Map.Entry<UserId, NicknameRecord> e : records.entrySet()) {
            NicknameRecord r = e.getValue();
            if (!r.compliant()) {
                notCompliant++;
            }
            Optional<Household> h = r.householdKey().flatMap(HouseholdCoverage::fromKey);
            if (h.isEmpty()) {
                without++;
                continue;
            }
            Optional<Tenure> tenure =
                    r.nickname().flatMap(n -> convention.check(n).tenure());
            claims.add(new Claim(e.getKey(), h.get(), tenure));
        }

        // buildings: the roster's first, in its order, then the others nicknames name, sorted
        Map<String, List<Household>> rosterByBuilding = new LinkedHashMap<>();
        roster.forEach(h -> rosterByBuilding
                .computeIfAbsent(h.building(), k -> new ArrayList<>())
                .add(h));
        List<String> order = new ArrayList<>(rosterByBuilding.keySet());
        claims.stream()
                .map(c -> c.household().building())
                .filter(b -> !rosterByBuilding.containsKey(b))
                .distinct()
                .sorted(Comparator.comparing((String b) -> b.length()).thenComparing(Comparator.naturalOrder()))
                .forEach(order::add);

        // each claim placed on the roster household it means, if any
        Map<Household, List<Claim>> placed = new LinkedHashMap<>();
        List<Claim> unplaced = new ArrayList<>();
        for (Claim c : claims) {
            Optional<Household> on = roster.isEmpty() ? Optional.of(c.household()) : place(c.household(), roster);
            if (on.isPresent()) {
                placed.computeIfAbsent(on.get(), k -> new ArrayList<>()).add(c);
            } else {
                unplaced.add(c);
            }
        }

        List<Building> buildings = new ArrayList<>();
        for (String b : order) {
            List<Household> rostered = rosterByBuilding.getOrDefault(b, List.of());
            List<Household> present = new ArrayList<>();
            List<Household> missing = new ArrayList<>();
            Map<Household, List<UserId>> shared = new LinkedHashMap<>();
            List<Household> households = roster.isEmpty()
                    ? placed.keySet().stream()
                            .filter(h -> h.building().equals(b))
                            .toList()
                    : rostered;
            for (Household h : households) {
                List<Claim> in = placed.getOrDefault(h, List.of());
                if (in.isEmpty()) {
                    missing.add(h);
                } else {
                    present.add(h);
                }
                if (in.size() > 1) {
                    shared.put(h, in.stream().map(Claim::member).toList());
                }
            }
            int owners = 0;
            int tenants = 0;
            for (Claim c : claims) {
                if (c.household().building().equals(b)) {
                    owners += c.tenure().filter(t -> t == Tenure.OWNER).isPresent() ? 1 : 0;
                    tenants += c.tenure().filter(t -> t == Tenure.TENANT).isPresent() ? 1 : 0;
                }
            }
            List<Claim> notOnRoster = unplaced.stream()
                    .filter(c -> c.household().building().equals(b))
                    .toList();
            buildings.add(new Building(b, rostered.size(), present, missing, shared, owners, tenants, notOnRoster));
        }
        return new HouseholdCoverage(!roster.isEmpty(), buildings, records.size(), notCompliant, without);
    }

    /** The roster household a nickname's household means; see the class comment. */
    static Optional<Household> place(Household named, List<Household> roster) {
        List<Household> sameRoom = roster.stream()
                .filter(h -> h.building().equals(named.building()) && h.room().equals(named.room()))
                .toList();
        Optional<Household> noUnit =
                sameRoom.stream().filter(h -> h.unit().isEmpty()).findFirst();
        if (!named.unit().isEmpty()) {
            return sameRoom.stream()
                    .filter(h -> h.unit().equals(named.unit()))
                    .findFirst()
                    .or(() -> noUnit);
        }
        return sameRoom.size() == 1 ? Optional.of(sameRoom.get(0)) : noUnit;
    }

    /** A stored household key ({@code 3-2-1202}, {@code 3--1202}) read back. */
    static Optional<Household> fromKey(String key) {
        String[] parts = key.split("-", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Household(parts[0], parts[1], parts[2]));
    }
}
