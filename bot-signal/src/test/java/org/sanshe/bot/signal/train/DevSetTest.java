package org.sanshe.bot.signal.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanshe.bot.signal.CrisisModel;

class DevSetTest {
    @Test
    void aCrisisLineIsItsCategoryAndAHarmlessLineIsHarmlessWhateverItResembles(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(
                dir.resolve("dev.tsv"),
                "id\tlabel\tcategory\tframe\ttext\n"
                        + "D1\tcrisis\tPOISONING\tpresent\t孩子误吃了药\n"
                        + "D2\tharmless\tSELF_HARM\tmedia\t电视剧里有人跳楼\n");

        DevSet set = DevSet.read(file);

        assertThat(set.examples())
                .extracting(DevSet.Example::cls)
                .containsExactly(
                        CrisisModel.CLASSES.indexOf("POISONING"), CrisisModel.CLASSES.indexOf(CrisisModel.HARMLESS));
        assertThat(set.crisisCount()).isEqualTo(1);
    }

    @Test
    void severalSetsReadAsOneAndAnIdMayNotRepeat(@TempDir Path dir) throws Exception {
        String header = "id\tlabel\tcategory\tframe\ttext\n";
        Path a = Files.writeString(dir.resolve("dev.tsv"), header + "D1\tcrisis\tPOISONING\tpresent\t孩子误吃了药\n");
        Path b = Files.writeString(dir.resolve("dev2.tsv"), header + "E1\tharmless\t\tother\t今天天气好\n");
        Path c = Files.writeString(dir.resolve("dev3.tsv"), header + "D1\tharmless\t\tother\t又是D1\n");

        assertThat(DevSet.readAll(List.of(a, b)).examples()).hasSize(2);
        assertThatThrownBy(() -> DevSet.readAll(List.of(a, c)))
                .hasMessageContaining("the id D1 is also in an earlier set");
    }

    @Test
    void theHeldOutSetIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("heldout.tsv"), "id\tlabel\tcategory\tframe\ttext\n");

        assertThatThrownBy(() -> DevSet.read(file)).hasMessageContaining("held-out set");
    }

    @Test
    void badLinesAreNamed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(
                dir.resolve("dev.tsv"),
                "id\tlabel\tcategory\tframe\ttext\n"
                        + "D1\tcrisis\tRUMOUR\tpresent\t内部消息\n"
                        + "D2\tmaybe\tSELF_HARM\tpresent\t累了\n");

        assertThatThrownBy(() -> DevSet.read(file))
                .hasMessageContaining("dev.tsv:2: a crisis line with the unknown category 'RUMOUR'")
                .hasMessageContaining("dev.tsv:3: label must be crisis or harmless");
    }
}
