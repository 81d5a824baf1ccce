package org.sanshe.bot.signal.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkerSpliceTest {
    @Test
    void replacesWhatIsBetweenTheMarkersAndNothingElse() {
        String doc = "# Title\n\nbefore\n<!-- eval:begin -->\nold table\nold line\n<!-- eval:end -->\nafter\n";

        assertThat(MarkerSplice.splice(doc, "new table"))
                .isEqualTo("# Title\n\nbefore\n<!-- eval:begin -->\nnew table\n<!-- eval:end -->\nafter\n");
    }

    @Test
    void splicingTwiceGivesWhatSplicingOnceGives() {
        String doc = "x\n<!-- eval:begin -->\n<!-- eval:end -->\ny\n";
        String once = MarkerSplice.splice(doc, "| a |\n");

        assertThat(MarkerSplice.splice(once, "| a |\n")).isEqualTo(once);
    }

    @Test
    void aDocumentWithoutMarkersGetsThemAtItsEnd() {
        assertThat(MarkerSplice.splice("# Crisis\n\ntext", "t\n"))
                .isEqualTo("# Crisis\n\ntext\n\n<!-- eval:begin -->\nt\n<!-- eval:end -->\n");
        assertThat(MarkerSplice.splice("", "t")).isEqualTo("<!-- eval:begin -->\nt\n<!-- eval:end -->\n");
    }

    @Test
    void markersEditedByHandAreRefused() {
        assertThatThrownBy(() -> MarkerSplice.splice("<!-- eval:begin -->\nx\n", "t"))
                .hasMessageContaining("without <!-- eval:end -->");
        assertThatThrownBy(() -> MarkerSplice.splice("x\n<!-- eval:end -->\n", "t"))
                .hasMessageContaining("without <!-- eval:begin -->");
        assertThatThrownBy(() -> MarkerSplice.splice(
                        "<!-- eval:begin -->\n<!-- eval:end -->\n<!-- eval:begin -->\n<!-- eval:end -->\n", "t"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> MarkerSplice.splice("<!-- eval:end -->\n<!-- eval:begin -->\n", "t"))
                .hasMessageContaining("before");
    }
}
