package org.sanshe.bot.core.nickname;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of checking one group nickname against its group type's convention ({@link NicknameParser#check}). The corpus
 * is {@value #CORPUS} nicknames: the {@value #MESSY} hand-written messy ones of {@code nicknames-messy.txt} (each with
 * its group type) and the rest generated with a fixed seed in the proportions of a community's groups, most of them
 * residents' households written in the many ways people write them, then staff, shops and free nicknames; about one
 * in twenty carries a phone number and one in a hundred an ID number. The conventions are those of
 * {@code config/group-types.yml}. One JMH operation is one nickname (the corpus is walked in every invocation, so the
 * branch predictor cannot learn one input).
 *
 * <p>{@link #read} measures the first stage alone (normalising, blanking private numbers, tokens, household), to tell
 * where the time goes; {@link #check} is the whole check including scoring every format and writing suggestions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NicknameParsingBenchmark {
    static final String MESSY_FILE = "nicknames-messy.txt";
    static final int CORPUS = 5_000;
    static final int MESSY = 240;
    private static final long SEED = 20_261_124L;

    /** {@code all}: the whole corpus; {@code messy}: the hand-written nicknames only, repeated to the same size. */
    @Param({"all", "messy"})
    public String corpus;

    private String[] nicknames;
    private NicknameConvention[] conventions;

    @Setup
    public void setUp() {
        Map<String, NicknameConvention> byType = conventions(groupTypesFile());
        List<String[]> messy = messy();
        if (messy.size() != MESSY) {
            throw new IllegalStateException(MESSY_FILE + " has " + messy.size() + " nicknames, not " + MESSY);
        }
        List<String[]> rows = new ArrayList<>(CORPUS);
        if (corpus.equals("messy")) {
            while (rows.size() < CORPUS) {
                rows.addAll(messy.subList(0, Math.min(messy.size(), CORPUS - rows.size())));
            }
        } else {
            rows.addAll(messy);
            rows.addAll(generate(new Random(SEED), CORPUS - messy.size()));
            Collections.shuffle(rows, new Random(SEED));
        }
        nicknames = new String[rows.size()];
        conventions = new NicknameConvention[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            conventions[i] = Objects.requireNonNull(byType.get(rows.get(i)[0]), rows.get(i)[0]);
            nicknames[i] = rows.get(i)[1];
        }
        // the run's log shows what was measured
        Map<NicknameProblem, Integer> problems = new EnumMap<>(NicknameProblem.class);
        int compliant = 0;
        int suggested = 0;
        int chars = 0;
        for (int i = 0; i < nicknames.length; i++) {
            NicknameCheck c = conventions[i].check(nicknames[i]);
            compliant += c.compliant() ? 1 : 0;
            suggested += c.suggestions().isEmpty() ? 0 : 1;
            chars += nicknames[i].length();
            c.problems().forEach(p -> problems.merge(p, 1, Integer::sum));
        }
        System.out.printf(
                "%n%d nicknames (%s), mean %.1f chars: %d compliant, %d with a suggestion; problems %s%n",
                nicknames.length, corpus, (double) chars / nicknames.length, compliant, suggested, problems);
    }

    @Benchmark
    @OperationsPerInvocation(CORPUS)
    public void check(Blackhole bh) {
        for (int i = 0; i < nicknames.length; i++) {
            bh.consume(NicknameParser.check(nicknames[i], conventions[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(CORPUS)
    public void read(Blackhole bh) {
        for (String n : nicknames) {
            bh.consume(Reading.of(n));
        }
    }

    // ---- the corpus ----

    private static final String[] SURNAMES = {
        "张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗", "欧阳", "司马"
    };
    private static final String[] GIVEN = {
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "建国", "桂兰", "志强",
        "晓燕", "海燕", "老师", "阿姨", "大爷"
    };
    private static final String[] LATIN = {"Lily", "Tom", "Amy", "Jack", "Lily Wang", "Kevin"};
    private static final String[] SEPARATORS = {"-", "-", "-", "", "", " ", "·", "_", "—", "~", "－", "　"};
    private static final String[] OWNER = {"自住", "自住", "自住", "业主", "自有", "房主", "常住户"};
    private static final String[] TENANT = {"租住", "租住", "租户", "租客", "租房", "暂住户"};
    private static final String[] SHOPS = {"李记超市", "阳光药房", "好邻居便利店", "老王水果店", "永辉超市", "张姐早餐店"};
    private static final String[] FREE = {"快乐每一天", "阳光总在风雨后", "🌸", "平安是福", "王阿姨家属", "小王", "岁月静好"};
    private static final String[] CN = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    /** Nicknames in the proportions of a community's groups: households first, then staff, shops, free ones. */
    static List<String[]> generate(Random r, int count) {
        List<String[]> rows = new ArrayList<>(count);
        while (rows.size() < count) {
            int kind = r.nextInt(100);
            String[] row;
            if (kind < 62) {
                String type =
                        pick(r, new String[] {"RESIDENTS", "RESIDENTS", "RESIDENTS", "SUPPLIES", "HOME_OBSERVATION"});
                row = new String[] {type, household(r, r.nextInt(10) < 6 ? OWNER : TENANT)};
            } else if (kind < 65) {
                row = new String[] {"LANDLORDS", household(r, new String[] {"房东"})};
            } else if (kind < 88) {
                row = staff(r);
            } else if (kind < 92) {
                row = new String[] {"BUSINESSES", pick(r, SHOPS) + pick(r, new String[] {"-", "·", " ", ""}) + name(r)};
            } else {
                row = new String[] {
                    pick(r, new String[] {"KEY_COMPANION", "RESIDENTS", "FOCUS_SERVICE"}),
                    r.nextBoolean() ? pick(r, FREE) : name(r)
                };
            }
            int privacy = r.nextInt(100);
            boolean digitLast = Character.isDigit(row[1].charAt(row[1].length() - 1));
            if (privacy < 5) {
                row[1] = row[1]
                        + pick(r, digitLast ? new String[] {" ", "-", " 电话"} : new String[] {"", " ", "-", " 电话"})
                        + phone(r);
            } else if (privacy < 6) {
                row[1] = row[1] + " " + idNumber(r);
            }
            rows.add(row);
        }
        return rows;
    }

    private static String household(Random r, String[] tenureWords) {
        int building = 1 + r.nextInt(r.nextInt(10) == 0 ? 40 : 20);
        int unit = r.nextInt(10) < 4 ? 1 + r.nextInt(6) : 0;
        int room = (1 + r.nextInt(33)) * 100 + 1 + r.nextInt(4);
        String b;
        switch (r.nextInt(12)) {
            case 0:
                b = building + "号楼";
                break;
            case 1:
                b = building + "#";
                break;
            case 2:
                b = building + "幢";
                break;
            case 3:
                b = building <= 10 ? CN[building] + "栋" : building + "栋";
                break;
            case 4:
            case 5:
                b = Integer.toString(building); // 3-1202
                break;
            default:
                b = building + "栋";
        }
        boolean bare = Character.isDigit(b.charAt(b.length() - 1));
        String u = unit == 0 ? "" : bare ? "-" + unit : unit + (r.nextInt(5) == 0 ? "门" : "单元");
        String rm = (bare ? "-" : "") + room + (r.nextInt(8) == 0 ? "室" : "");
        String home = b + u + rm;
        if (r.nextInt(10) == 0) {
            home = toFullWidth(home);
        }
        int shape = r.nextInt(100);
        String tenure = pick(r, tenureWords);
        String sep = pick(r, SEPARATORS);
        if (shape < 70) {
            return home + sep + tenure;
        } else if (shape < 78) {
            return tenure + sep + home;
        } else if (shape < 84) {
            return home + "（" + tenure + "）";
        } else if (shape < 90) {
            return home; // no tenure
        } else if (shape < 94) {
            return home + sep + tenure + sep + name(r); // a name too
        } else if (shape < 97) {
            return "🌸" + home + tenure;
        } else {
            return (building * 10000 + room) + tenure; // 31202自住: ambiguous
        }
    }

    private static final Map<String, String[]> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put("RESIDENTS", new String[] {"社工", "楼门栋长", "楼长", "社区", "社区工作人员"});
        TITLES.put("FOCUS_SERVICE", new String[] {"社工", "医务", "医生", "心理咨询", "心理咨询师", "群秘书", "秘书", "群管理员", "群主"});
        TITLES.put("KEY_COMPANION", new String[] {"社工", "医务", "心理咨询", "督导"});
        TITLES.put("PREVENTION_WORK", new String[] {"社区", "社工", "楼栋长", "网格员"});
        TITLES.put("VOLUNTEER_POOL", new String[] {"社区志愿者", "志愿者", "医务志愿者", "心理咨询志愿者"});
        TITLES.put("VOLUNTEER_DISPATCH", new String[] {"社工", "志愿者"});
        TITLES.put("EXPERT_SUPERVISION", new String[] {"督导", "专家", "社工"});
    }

    private static String[] staff(Random r) {
        List<String> types = new ArrayList<>(TITLES.keySet());
        String type = types.get(r.nextInt(types.size()));
        String title = pick(r, TITLES.get(type));
        String name = name(r);
        int shape = r.nextInt(100);
        String nickname;
        if (shape < 75) {
            nickname = title + pick(r, SEPARATORS) + name;
        } else if (shape < 85) {
            nickname = name + "（" + title + "）";
        } else if (shape < 92) {
            nickname = name; // title left out
        } else {
            nickname = title + name + pick(r, new String[] {"（值班）", " 在线", "🌸"});
        }
        return new String[] {type, nickname};
    }

    private static String name(Random r) {
        if (r.nextInt(30) == 0) {
            return pick(r, LATIN);
        }
        String given = pick(r, GIVEN);
        if (given.length() == 1 && r.nextBoolean()) {
            given = given + pick(r, GIVEN).substring(0, 1);
        }
        return pick(r, SURNAMES) + given;
    }

    private static String phone(Random r) {
        StringBuilder b = new StringBuilder("1").append((char) ('3' + r.nextInt(7)));
        for (int i = 0; i < 9; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return r.nextInt(4) == 0 ? b.substring(0, 3) + " " + b.substring(3, 7) + " " + b.substring(7) : b.toString();
    }

    private static String idNumber(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.append(r.nextInt(11) == 10 ? "X" : Integer.toString(r.nextInt(10)))
                .toString();
    }

    private static String toFullWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c);
        }
        return b.toString();
    }

    private static String pick(Random r, String[] from) {
        return from[r.nextInt(from.length)];
    }

    static List<String[]> messy() {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(
                        NicknameParsingBenchmark.class.getResourceAsStream("/" + MESSY_FILE), MESSY_FILE),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int tab = line.indexOf('\t');
                    rows.add(new String[] {line.substring(0, tab), line.substring(tab + 1)});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    // ---- the conventions of config/group-types.yml ----

    /**
     * The {@code nickname-formats} of each {@code code} in the file, read line by line: the benchmark has no YAML
     * parser, and the shipped file writes each list on one line.
     */
    static Map<String, NicknameConvention> conventions(Path file) {
        Map<String, NicknameConvention> byType = new LinkedHashMap<>();
        String code = null;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.startsWith("- code:")) {
                    code = t.substring("- code:".length()).strip();
                } else if (t.startsWith("nickname-formats:") && code != null) {
                    String list = t.substring(t.indexOf('[') + 1, t.lastIndexOf(']'));
                    List<String> formats = new ArrayList<>();
                    for (String item : list.split(",")) {
                        formats.add(item.strip().replace("\"", ""));
                    }
                    byType.put(code, NicknameConvention.parse(formats));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byType;
    }

    /** {@code -Dgroup-types.file=…}, else {@code config/group-types.yml} in the working folder or above it. */
    static Path groupTypesFile() {
        String configured = System.getProperty("group-types.file");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("config").resolve("group-types.yml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "config/group-types.yml not found; run from the repository or set -Dgroup-types.file");
    }
}
