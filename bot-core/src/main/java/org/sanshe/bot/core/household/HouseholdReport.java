package org.sanshe.bot.core.household;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.nickname.Household;
import org.sanshe.bot.core.text.Texts;

/**
 * The coverage in words. The summary (counts per building) may be said in the group: it names nobody and no room. The
 * lists (missing rooms, who shares a household, who claims one not on the roster) only in a private chat.
 */
public final class HouseholdReport {
    private static final int LISTED = 60;

    private final Texts texts;

    public HouseholdReport(Texts texts) {
        this.texts = texts;
    }

    /**
     * @param groupName the group's name
     * @param lists whether to list rooms and members (private chat only)
     * @param names how to name a member in the lists
     */
    public String render(String groupName, HouseholdCoverage c, boolean lists, Function<UserId, String> names) {
        StringBuilder sb = new StringBuilder(texts.get("household.report.header", groupName));
        if (c.hasRoster()) {
            int percent = c.rostered() == 0 ? 0 : Math.round(100f * c.present() / c.rostered());
            sb.append('\n')
                    .append(texts.get(
                            "household.report.total",
                            n(c.rostered()),
                            n(c.present()),
                            n(percent),
                            n(c.missing()),
                            n(c.shared()),
                            n(c.notOnRoster())));
        } else {
            sb.append('\n').append(texts.get("household.report.noRoster", groupName));
        }
        if (c.buildings().isEmpty()) {
            sb.append('\n').append(texts.get("household.report.noHouseholds"));
        }
        for (HouseholdCoverage.Building b : c.buildings()) {
            sb.append('\n');
            if (c.hasRoster()) {
                sb.append(texts.get(
                        "household.report.building",
                        b.building(),
                        n(b.rostered()),
                        n(b.present().size()),
                        n(b.missing().size()),
                        n(b.shared().size()),
                        n(b.owners()),
                        n(b.tenants()),
                        n(b.notOnRoster().size())));
            } else {
                sb.append(texts.get(
                        "household.report.buildingNoRoster",
                        b.building(),
                        n(b.present().size()),
                        n(b.shared().size()),
                        n(b.owners()),
                        n(b.tenants())));
            }
            if (!lists) {
                continue;
            }
            if (c.hasRoster() && !b.missing().isEmpty()) {
                sb.append('\n')
                        .append(texts.get(
                                "household.report.missing",
                                listed(b.missing().stream()
                                        .map(HouseholdReport::room)
                                        .toList())));
            }
            if (!b.shared().isEmpty()) {
                List<String> shared = new ArrayList<>();
                for (Map.Entry<Household, List<UserId>> e : b.shared().entrySet()) {
                    shared.add(e.getKey().canonical() + "（"
                            + String.join("、", e.getValue().stream().map(names).toList()) + "）");
                }
                sb.append('\n').append(texts.get("household.report.shared", listed(shared)));
            }
            if (!b.notOnRoster().isEmpty()) {
                List<String> claims = b.notOnRoster().stream()
                        .map(x -> x.household().canonical() + "（" + names.apply(x.member()) + "）")
                        .toList();
                sb.append('\n').append(texts.get("household.report.notOnRoster", listed(claims)));
            }
        }
        sb.append('\n')
                .append(texts.get(
                        "household.report.members", n(c.members()), n(c.notCompliant()), n(c.withoutHousehold())));
        if (!lists && (c.missing() > 0 || c.shared() > 0 || c.notOnRoster() > 0)) {
            sb.append('\n').append(texts.get("household.report.privately"));
        }
        if (!c.hasRoster()) {
            sb.append('\n').append(texts.get("household.report.howToImport"));
        }
        return sb.toString();
    }

    /** A room within its building: 2单元1202, or 1202. */
    private static String room(Household h) {
        return h.unit().isEmpty() ? h.room() : h.unit() + "单元" + h.room();
    }

    private String listed(List<String> items) {
        String shown = String.join("、", items.subList(0, Math.min(LISTED, items.size())));
        return items.size() > LISTED ? shown + texts.get("household.report.more", n(items.size() - LISTED)) : shown;
    }

    /** Counts as plain digits (a MessageFormat number would print 1,000). */
    private static String n(int value) {
        return Integer.toString(value);
    }
}
