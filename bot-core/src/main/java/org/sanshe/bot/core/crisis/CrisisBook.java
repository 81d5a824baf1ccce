package org.sanshe.bot.core.crisis;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.sanshe.bot.core.port.ContentScanner.Urgency;
import org.sanshe.bot.core.rule.Category;

/**
 * The crisis files of {@code config/crisis/}, read and checked: variant spellings, the concept vocabulary, frame cues
 * and situation rules. Every bad line is reported (not only the first), so a deployer fixes them in one go; the
 * service refuses to start on any (see {@link #orElseThrow}).
 *
 * <ul>
 *   <li>{@code variants.tsv}: {@code 写法⇥读作}, a spelling (traditional forms are handled by ICU, not here: slang,
 *       pinyin initials, homophone typos, emoji) and what it stands for.
 *   <li>{@code concepts.tsv}: {@code 短语⇥概念}; {@code 短语⇥-} is an exception phrase: a concept phrase lying inside it
 *       does not count ({@code 跳舞} is not {@code 跳}).
 *   <li>{@code frames.tsv}: {@code 短语⇥框架} (已缓解 过去 否定 假设 提问 媒体 培训 广告 夸张 动物); {@code 短语⇥-} is an exception.
 *   <li>{@code situations.txt}: rules in blocks separated by blank lines (see the file's header).
 * </ul>
 */
public record CrisisBook(
        Map<String, String> variants,
        Map<String, Set<String>> conceptsOfPhrase,
        Set<String> conceptExceptions,
        Map<String, Set<Frame>> framesOfPhrase,
        Set<String> frameExceptions,
        List<Situation> situations) {

    public CrisisBook {
        variants = Map.copyOf(variants);
        conceptsOfPhrase = Map.copyOf(conceptsOfPhrase);
        conceptExceptions = Set.copyOf(conceptExceptions);
        framesOfPhrase = Map.copyOf(framesOfPhrase);
        frameExceptions = Set.copyOf(frameExceptions);
        situations = List.copyOf(situations);
    }

    /** The file names, in the order they are read. */
    public static final List<String> FILES = List.of("variants.tsv", "concepts.tsv", "frames.tsv", "situations.txt");

    /** A book, or every error. */
    public sealed interface Parse {
        record Parsed(CrisisBook book) implements Parse {}

        record Invalid(List<BookError> errors) implements Parse {}

        default CrisisBook orElseThrow() {
            if (this instanceof Parsed p) {
                return p.book();
            }
            List<BookError> errors = ((Invalid) this).errors();
            throw new IllegalArgumentException("the crisis files have " + errors.size() + " error(s):\n"
                    + errors.stream().map(BookError::toString).collect(Collectors.joining("\n")));
        }
    }

    /** Reads a folder holding the four files. */
    public static Parse readFolder(Path folder) {
        SortedMap<String, String> texts = new TreeMap<>();
        List<BookError> errors = new ArrayList<>();
        for (String name : FILES) {
            Path p = folder.resolve(name);
            try {
                byte[] bytes = Files.readAllBytes(p);
                texts.put(
                        name,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .decode(java.nio.ByteBuffer.wrap(bytes))
                                .toString());
            } catch (CharacterCodingException e) {
                errors.add(new BookError(name, 0, "不是 UTF-8 文本"));
            } catch (IOException e) {
                errors.add(
                        new BookError(name, 0, "读不到文件 " + p + "（" + e.getClass().getSimpleName() + "）"));
            }
        }
        if (!errors.isEmpty()) {
            return new Parse.Invalid(errors);
        }
        return parse(texts);
    }

    /** Reads the four files' texts, by file name. A missing file is an error. */
    public static Parse parse(Map<String, String> texts) {
        Reader r = new Reader();
        for (String name : FILES) {
            String text = texts.get(name);
            if (text == null) {
                r.errors.add(new BookError(name, 0, "缺少这个文件"));
                continue;
            }
            switch (name) {
                case "variants.tsv" -> r.variants(name, text);
                case "concepts.tsv" -> r.concepts(name, text);
                case "frames.tsv" -> r.frames(name, text);
                default -> r.situations(name, text);
            }
        }
        return r.result();
    }

    /** Every concept named in concepts.tsv. */
    public Set<String> concepts() {
        Set<String> all = new LinkedHashSet<>();
        conceptsOfPhrase.values().forEach(all::addAll);
        return all;
    }

    private static final class Reader {
        final List<BookError> errors = new ArrayList<>();
        final Map<String, String> variants = new LinkedHashMap<>();
        final Map<String, Set<String>> concepts = new LinkedHashMap<>();
        final Set<String> conceptExceptions = new LinkedHashSet<>();
        final Map<String, Set<Frame>> frames = new LinkedHashMap<>();
        final Set<String> frameExceptions = new LinkedHashSet<>();
        final List<Situation> situations = new ArrayList<>();

        /** Lines as {@code [phrase, value]}, comments and blanks skipped; bad lines reported. */
        private void pairs(String source, String text, PairSink sink) {
            String[] lines = text.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = lines[i].split("\t");
                if (cols.length < 2 || cols[0].isBlank() || cols[1].isBlank()) {
                    errors.add(new BookError(source, i + 1, "应为「短语⇥值」两列，用 Tab 分隔"));
                    continue;
                }
                String phrase = CrisisText.normalise(cols[0].strip());
                if (phrase.isEmpty()) {
                    errors.add(new BookError(source, i + 1, "短语只有空白或标点"));
                    continue;
                }
                String value = cols[1].strip();
                if (cols.length > 2 && !cols[2].strip().startsWith("#")) {
                    errors.add(new BookError(source, i + 1, "第三列只能是以 # 开头的注释"));
                    continue;
                }
                sink.accept(i + 1, phrase, value);
            }
        }

        @FunctionalInterface
        interface PairSink {
            void accept(int line, String phrase, String value);
        }

        void variants(String source, String text) {
            pairs(source, text, (line, phrase, value) -> {
                String to = CrisisText.normalise(value);
                if (to.isEmpty()) {
                    errors.add(new BookError(source, line, "「读作」为空"));
                } else if (variants.containsKey(phrase) && !variants.get(phrase).equals(to)) {
                    errors.add(new BookError(source, line, "写法「" + phrase + "」已有另一种读法"));
                } else {
                    variants.put(phrase, to);
                }
            });
        }

        void concepts(String source, String text) {
            pairs(source, text, (line, phrase, value) -> {
                if (value.equals("-")) {
                    conceptExceptions.add(phrase);
                } else if (value.contains("+") || value.contains("|") || value.contains(" ")) {
                    errors.add(new BookError(source, line, "概念名不能含有 + | 或空格：" + value));
                } else {
                    concepts.computeIfAbsent(phrase, k -> new LinkedHashSet<>()).add(value);
                }
            });
        }

        void frames(String source, String text) {
            pairs(source, text, (line, phrase, value) -> {
                if (value.equals("-")) {
                    frameExceptions.add(phrase);
                    return;
                }
                Optional<Frame> f = Frame.ofChinese(value);
                if (f.isEmpty()) {
                    errors.add(new BookError(source, line, "未知的框架「" + value + "」（可用：已缓解 过去 否定 假设 提问 媒体 培训 广告 夸张 动物）"));
                } else {
                    frames.computeIfAbsent(phrase, k -> new LinkedHashSet<>()).add(f.get());
                }
            });
        }

        void situations(String source, String text) {
            Set<String> known = new LinkedHashSet<>();
            concepts.values().forEach(known::addAll);
            String[] lines = text.split("\r?\n", -1);
            Block block = null;
            for (int i = 0; i <= lines.length; i++) {
                String line = i < lines.length ? lines[i].strip() : "";
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.isEmpty()) {
                    if (block != null) {
                        finish(source, block, known);
                        block = null;
                    }
                    continue;
                }
                int colon = indexOfColon(line);
                if (colon <= 0) {
                    errors.add(new BookError(source, i + 1, "应为「字段：值」，如「条件：口角歪斜 + 言语不清」"));
                    continue;
                }
                String key = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                if (block == null) {
                    block = new Block(i + 1);
                }
                block.put(source, i + 1, key, value, errors);
            }
        }

        private static int indexOfColon(String line) {
            int a = line.indexOf('：');
            int b = line.indexOf(':');
            if (a < 0) {
                return b;
            }
            return b < 0 ? a : Math.min(a, b);
        }

        private void finish(String source, Block b, Set<String> known) {
            int before = errors.size();
            if (b.name == null) {
                errors.add(new BookError(source, b.line, "规则缺少「规则：名称」"));
            }
            Category category = null;
            if (b.category == null) {
                errors.add(new BookError(source, b.line, "规则缺少「类别」"));
            } else {
                try {
                    category = Category.valueOf(b.category);
                    if (!category.isCrisis()) {
                        errors.add(new BookError(source, b.line, "类别 " + b.category + " 不是危机类别"));
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(new BookError(source, b.line, "未知的类别 " + b.category));
                }
            }
            Urgency urgency = null;
            if ("紧急".equals(b.urgency)) {
                urgency = Urgency.URGENT;
            } else if ("留意".equals(b.urgency)) {
                urgency = Urgency.WATCH;
            } else {
                errors.add(new BookError(source, b.line, "「紧急度」应为 紧急 或 留意"));
            }
            boolean clause = true;
            if (b.scope == null || b.scope.equals("句")) {
                clause = true;
            } else if (b.scope.equals("消息")) {
                clause = false;
            } else {
                errors.add(new BookError(source, b.line, "「范围」应为 句 或 消息"));
            }
            List<Set<String>> slots = new ArrayList<>();
            if (b.condition == null) {
                errors.add(new BookError(source, b.line, "规则缺少「条件」"));
            } else {
                for (String part : b.condition.split("[+＋]")) {
                    Set<String> slot = new LinkedHashSet<>();
                    for (String c : part.split("[|｜/]")) {
                        String concept = c.strip();
                        if (concept.isEmpty()) {
                            continue;
                        }
                        if (!known.contains(concept)) {
                            errors.add(new BookError(source, b.line, "未知的概念「" + concept + "」（concepts.tsv 里没有）"));
                        }
                        slot.add(concept);
                    }
                    if (slot.isEmpty()) {
                        errors.add(new BookError(source, b.line, "「条件」里有空的一项"));
                    }
                    slots.add(slot);
                }
            }
            Set<String> unless = new LinkedHashSet<>();
            if (b.unless != null) {
                for (String c : b.unless.split("[|｜/+＋]")) {
                    String concept = c.strip();
                    if (concept.isEmpty()) {
                        continue;
                    }
                    if (!known.contains(concept)) {
                        errors.add(new BookError(source, b.line, "未知的概念「" + concept + "」（concepts.tsv 里没有）"));
                    }
                    unless.add(concept);
                }
            }
            if (b.rationale == null || b.rationale.isBlank()) {
                errors.add(new BookError(source, b.line, "规则缺少「理由」"));
            }
            if (b.examples.size() < 2) {
                errors.add(new BookError(source, b.line, "规则至少要有两条「例句」"));
            }
            if (b.name != null && situations.stream().anyMatch(s -> s.name().equals(b.name))) {
                errors.add(new BookError(source, b.line, "规则名称重复：" + b.name));
            }
            if (errors.size() == before) {
                situations.add(new Situation(
                        b.name, category, urgency, clause, slots, unless, b.rationale, b.examples, source, b.line));
            }
        }

        Parse result() {
            if (!errors.isEmpty()) {
                return new Parse.Invalid(List.copyOf(errors));
            }
            return new Parse.Parsed(
                    new CrisisBook(variants, concepts, conceptExceptions, frames, frameExceptions, situations));
        }
    }

    private static final class Block {
        final int line;
        String name;
        String category;
        String urgency;
        String scope;
        String condition;
        String unless;
        String rationale;
        final List<String> examples = new ArrayList<>();

        Block(int line) {
            this.line = line;
        }

        void put(String source, int at, String key, String value, List<BookError> errors) {
            switch (key) {
                case "规则" -> name = value;
                case "类别" -> category = value;
                case "紧急度" -> urgency = value;
                case "范围" -> scope = value;
                case "条件" -> condition = value;
                case "除非" -> unless = value;
                case "理由" -> rationale = rationale == null ? value : rationale + value;
                case "例句" -> examples.add(value);
                default -> errors.add(new BookError(source, at, "未知的字段「" + key + "」（规则 类别 紧急度 范围 条件 除非 理由 例句）"));
            }
        }
    }
}
