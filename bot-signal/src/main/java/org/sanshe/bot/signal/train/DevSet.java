package org.sanshe.bot.signal.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sanshe.bot.signal.CrisisModel;

/**
 * The labelled development set: tab-separated, header {@code id label category frame text}; {@code label} is
 * {@code crisis} or {@code harmless}. A crisis line's class is its category; a harmless line's class is HARMLESS,
 * whatever category it resembles (its frame says why it is harmless: past, fiction, prevention, negation …).
 */
record DevSet(List<Example> examples, List<Integer> setOf) {
    static final List<String> HEADER = List.of("id", "label", "category", "frame", "text");

    /** @param cls index into {@link CrisisModel#CLASSES} */
    record Example(String id, boolean crisis, String category, String frame, String text, int cls) {}

    /** Several sets as one; ids must not repeat across them. */
    static DevSet readAll(List<Path> files) throws IOException {
        List<Example> all = new ArrayList<>();
        List<Integer> setOf = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            for (Example e : read(file).examples()) {
                if (!ids.add(e.id())) {
                    throw new IllegalArgumentException(file + ": the id " + e.id() + " is also in an earlier set");
                }
                all.add(e);
                setOf.add(f);
            }
        }
        return new DevSet(List.copyOf(all), List.copyOf(setOf));
    }

    static DevSet read(Path file) throws IOException {
        if (file.getFileName().toString().contains("heldout")) {
            throw new IllegalArgumentException(
                    file + " is the held-out set: it is kept for evaluation, never trained on");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Example> examples = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", 5);
            if (!header) {
                if (!List.of(cells).stream().map(String::strip).toList().equals(HEADER)) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": the header must be "
                            + String.join("<TAB>", HEADER) + ", not " + line);
                }
                header = true;
                continue;
            }
            String at = file + ":" + (i + 1) + ": ";
            if (cells.length < 5 || cells[4].isBlank()) {
                errors.add(at + "expected 5 tab-separated cells with a text");
                continue;
            }
            String label = cells[1].strip();
            String category = cells[2].strip();
            int cls;
            if (label.equals("crisis")) {
                cls = CrisisModel.CLASSES.indexOf(category);
                if (cls < 0 || category.equals(CrisisModel.HARMLESS)) {
                    errors.add(at + "a crisis line with the unknown category '" + category + "'");
                    continue;
                }
            } else if (label.equals("harmless")) {
                cls = CrisisModel.CLASSES.indexOf(CrisisModel.HARMLESS);
            } else {
                errors.add(at + "label must be crisis or harmless, not '" + label + "'");
                continue;
            }
            examples.add(new Example(
                    cells[0].strip(), label.equals("crisis"), category, cells[3].strip(), cells[4].strip(), cls));
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.size() + " bad lines:\n" + String.join("\n", errors));
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException(file + ": no examples");
        }
        return new DevSet(List.copyOf(examples), examples.stream().map(e -> 0).toList());
    }

    /** Which of the files read each example came from (0 for a single file), for leave-one-set-out validation. */
    int[] sets() {
        return setOf.stream().mapToInt(Integer::intValue).toArray();
    }

    long crisisCount() {
        return examples.stream().filter(Example::crisis).count();
    }
}
