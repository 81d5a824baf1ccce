package org.sanshe.bot.core.household;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sanshe.bot.core.nickname.Household;
import org.sanshe.bot.core.text.Texts;

/**
 * Reads a household roster from CSV: UTF-8 (a BOM is tolerated), a header naming the columns 楼栋, 单元 (optional, may be
 * empty) and 房号, or building, unit, room; other columns (备注) are ignored. Values are read as nicknames write them:
 * 3栋 / 3号楼 / 03 / ３ are building 3, 2单元 is unit 2, 1202室 is room 1202. Every bad row is reported with its line
 * number, and a roster with any bad row is refused whole: nothing is half-imported.
 */
public final class RosterCsv {
    /** More rows than any residents' community has: a file this long is the wrong file. */
    public static final int MAX_ROWS = 5000;

    private static final Pattern BUILDING = Pattern.compile("([A-Z]*)(\\d*)");
    private static final Pattern ROOM = Pattern.compile("([A-Z]?)(\\d+)([A-Z]?)");

    private RosterCsv() {}

    /** What is wrong with a row (or the file, line 0 or the header's line). */
    public enum Problem {
        EMPTY,
        NO_HEADER,
        NO_ROWS,
        TOO_MANY_ROWS,
        MISSING_BUILDING,
        BAD_BUILDING,
        BAD_UNIT,
        MISSING_ROOM,
        BAD_ROOM,
        DUPLICATE;

        String key() {
            return "household.csv." + name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One bad row.
     *
     * @param line the line number in the file, from 1
     * @param problem what is wrong
     * @param other for a duplicate, the line it repeats
     */
    public record RowError(int line, Problem problem, int other) {
        /** The problem in words, e.g. 第 5 行：房号看不懂. Never repeats the value: it may be an address. */
        public String describe(Texts texts) {
            String what = texts.get(problem.key(), other);
            return line > 0 ? texts.get("household.csv.line", line, what) : what;
        }
    }

    /** The households read, or every bad row. */
    public record Parse(List<Household> households, List<RowError> errors) {
        public Parse {
            households = List.copyOf(households);
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Parse parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        int headerLine = -1;
        int building = -1;
        int unit = -1;
        int room = -1;
        List<Household> households = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int rows = 0;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> cells = cells(lines[i]);
            if (headerLine < 0) {
                headerLine = lineNo;
                for (int c = 0; c < cells.size(); c++) {
                    String h = normalize(cells.get(c)).toLowerCase(Locale.ROOT);
                    if (building < 0 && (h.equals("楼栋") || h.equals("楼号") || h.equals("栋") || h.equals("building"))) {
                        building = c;
                    } else if (unit < 0 && (h.equals("单元") || h.equals("unit"))) {
                        unit = c;
                    } else if (room < 0 && (h.equals("房号") || h.equals("房间") || h.equals("室") || h.equals("room"))) {
                        room = c;
                    }
                }
                if (building < 0 || room < 0) {
                    return new Parse(List.of(), List.of(new RowError(lineNo, Problem.NO_HEADER, 0)));
                }
                continue;
            }
            if (++rows > MAX_ROWS) {
                return new Parse(List.of(), List.of(new RowError(lineNo, Problem.TOO_MANY_ROWS, MAX_ROWS)));
            }
            String b = cell(cells, building);
            String u = unit < 0 ? "" : cell(cells, unit);
            String r = cell(cells, room);
            Optional<String> bb = b.isEmpty() ? Optional.empty() : building(b);
            Optional<String> uu = u.isEmpty() ? Optional.of("") : unit(u);
            Optional<String> rr = r.isEmpty() ? Optional.empty() : room(r);
            if (b.isEmpty()) {
                errors.add(new RowError(lineNo, Problem.MISSING_BUILDING, 0));
            } else if (bb.isEmpty()) {
                errors.add(new RowError(lineNo, Problem.BAD_BUILDING, 0));
            } else if (uu.isEmpty()) {
                errors.add(new RowError(lineNo, Problem.BAD_UNIT, 0));
            } else if (r.isEmpty()) {
                errors.add(new RowError(lineNo, Problem.MISSING_ROOM, 0));
            } else if (rr.isEmpty()) {
                errors.add(new RowError(lineNo, Problem.BAD_ROOM, 0));
            } else {
                Household h = new Household(bb.get(), uu.get(), rr.get());
                Integer first = seen.putIfAbsent(h.key(), lineNo);
                if (first != null) {
                    errors.add(new RowError(lineNo, Problem.DUPLICATE, first));
                } else {
                    households.add(h);
                }
            }
        }
        if (headerLine < 0) {
            return new Parse(List.of(), List.of(new RowError(0, Problem.EMPTY, 0)));
        }
        if (rows == 0) {
            return new Parse(List.of(), List.of(new RowError(headerLine, Problem.NO_ROWS, 0)));
        }
        return errors.isEmpty() ? new Parse(households, List.of()) : new Parse(List.of(), errors);
    }

    /** Full-width digits, letters and punctuation as ASCII, spaces gone, letters upper-case. */
    static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC)
                .replaceAll("[\\s\"']", "")
                .toUpperCase(Locale.ROOT);
    }

    static Optional<String> building(String raw) {
        String s = stripSuffix(normalize(raw), "号楼", "栋楼", "栋", "幢", "座", "楼", "号", "#");
        var m = BUILDING.matcher(s);
        if (s.isEmpty() || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) + zeros(m.group(2)));
    }

    static Optional<String> unit(String raw) {
        String s = stripSuffix(normalize(raw), "单元", "门", "单");
        var m = BUILDING.matcher(s);
        if (s.isEmpty() || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) + zeros(m.group(2)));
    }

    static Optional<String> room(String raw) {
        String s = stripSuffix(normalize(raw), "室", "号", "户");
        var m = ROOM.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) + zeros(m.group(2)) + m.group(3));
    }

    private static String stripSuffix(String s, String... suffixes) {
        for (String suffix : suffixes) {
            if (s.endsWith(suffix)) {
                return s.substring(0, s.length() - suffix.length());
            }
        }
        return s;
    }

    private static String zeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() ? cells.get(index).strip() : "";
    }

    /** Comma-separated (a full-width comma or a tab too: spreadsheets save either); quotes around a cell dropped. */
    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        for (String c : line.split("[,，\t]", -1)) {
            String s = c.strip();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1);
            }
            out.add(s);
        }
        return out;
    }
}
