package org.sanshe.bot.signal.train;

/**
 * Puts generated Markdown between {@code <!-- eval:begin -->} and {@code <!-- eval:end -->} in a document, replacing
 * what was there and leaving the rest as it was; a document without the markers gets them, with the text, at its end.
 * A document with only one of them, either of them twice, or the end before the beginning is refused: the text around
 * them was edited by hand, and guessing could overwrite it.
 */
final class MarkerSplice {
    static final String BEGIN = "<!-- eval:begin -->";
    static final String END = "<!-- eval:end -->";

    private MarkerSplice() {}

    /**
     * @param document the document's text (empty for a new one)
     * @param content what goes between the markers
     * @throws IllegalArgumentException when the markers are not there exactly once each, in order, or not at all
     */
    static String splice(String document, String content) {
        String body = content.endsWith("\n") ? content : content + "\n";
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 && end < 0) {
            StringBuilder out = new StringBuilder(document);
            if (!document.isEmpty() && !document.endsWith("\n")) {
                out.append('\n');
            }
            if (!document.isBlank()) {
                out.append('\n');
            }
            return out.append(BEGIN)
                    .append('\n')
                    .append(body)
                    .append(END)
                    .append('\n')
                    .toString();
        }
        if (begin < 0 || end < 0) {
            throw new IllegalArgumentException("the document has " + (begin < 0 ? END : BEGIN) + " without "
                    + (begin < 0 ? BEGIN : END) + ": not changed");
        }
        if (document.indexOf(BEGIN, begin + 1) >= 0 || document.indexOf(END, end + 1) >= 0) {
            throw new IllegalArgumentException("the document has " + BEGIN + " or " + END + " twice: not changed");
        }
        if (end < begin) {
            throw new IllegalArgumentException("the document has " + END + " before " + BEGIN + ": not changed");
        }
        return document.substring(0, begin + BEGIN.length()) + "\n" + body + document.substring(end);
    }
}
