package com.essentialslti.quiz.bank;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/**
 * The bank stores plain text, which every page escapes when it shows it. Files bring text in two forms: HTML
 * (Moodle's {@code format="html"}, GIFT's {@code [html]}), which becomes plain text exactly once, and text that
 * Moodle keeps as written ({@code plain_text}, {@code moodle_auto_format}, {@code markdown}; GIFT's {@code [plain]},
 * {@code [moodle]}, {@code [markdown]} or no format), which is taken as it is.
 *
 * <p>HTML is read once: entities are decoded once, paragraphs and {@code <br>} become line breaks, and what looks
 * like a tag only after decoding ({@code &lt;escaped&gt;}) is the trainer's text and stays so. Reading it again
 * would delete that text, which is how {@code Which is &lt;b&gt;} used to lose words.
 */
public final class PlainText {

    /** Elements whose content is code or embedded documents, never words a learner should read. */
    private static final String NOT_TEXT = "script, style, template, noscript, iframe, frame, object, embed, svg, math";
    /** Blocks that stand apart as paragraphs: a blank line before and after. */
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "pre", "ul", "ol", "dl", "table", "hr", "figure", "address", "section", "article", "header", "footer");
    /** Blocks that start a line of their own. */
    private static final Set<String> LINES = Set.of("div", "li", "tr", "dt", "dd", "caption", "figcaption");

    private PlainText() {
    }

    /** HTML as the plain text a browser would show for it, with its paragraphs and line breaks. */
    public static String fromHtml(String html) {
        if (html == null) {
            return "";
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.select(NOT_TEXT).remove();
        Lines lines = new Lines();
        NodeTraversor.traverse(lines, document.body());
        return lines.text();
    }

    /** Text Moodle keeps as written: only its line ends are made the bank's ({@code \n}). */
    public static String asWritten(String text) {
        return text == null ? "" : newLines(text).strip();
    }

    /** Line ends as the bank keeps them: a browser sends a text area's as {@code \r\n}, files have any kind. */
    public static String newLines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** A piece of a file quoted in a message, cut short so that a hostile file cannot flood the message. */
    public static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /**
     * Writes the text of the nodes visited, as HTML shows it: runs of white space in the source are one space, a
     * no-break space is a space that stays (editors write two spaces as {@code "&nbsp; "}), blocks and
     * {@code <br>} break lines.
     */
    private static final class Lines implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();
        private boolean spacePending;
        private int breaksPending;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                text(text.getWholeText());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    flushBreaks();
                    out.append('\n');
                    spacePending = false;
                } else if (tag.equals("td") || tag.equals("th")) {
                    spacePending = true;
                } else {
                    block(tag);
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                block(element.normalName());
            }
        }

        private void block(String tag) {
            int breaks = PARAGRAPHS.contains(tag) ? 2 : LINES.contains(tag) ? 1 : 0;
            if (breaks > 0) {
                breaksPending = Math.max(breaksPending, breaks);
                spacePending = false;
            }
        }

        private void text(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                    spacePending = true;
                    continue;
                }
                flushBreaks();
                if (spacePending && !atLineStart()) {
                    out.append(' ');
                }
                spacePending = false;
                out.append(c == '\u00a0' ? ' ' : c);
            }
        }

        private void flushBreaks() {
            if (breaksPending > 0 && !out.isEmpty()) {
                int trailing = 0;
                for (int i = out.length() - 1; i >= 0 && out.charAt(i) == '\n'; i--) {
                    trailing++;
                }
                for (int i = trailing; i < breaksPending; i++) {
                    out.append('\n');
                }
                spacePending = false;
            }
            breaksPending = 0;
        }

        private boolean atLineStart() {
            return out.isEmpty() || out.charAt(out.length() - 1) == '\n';
        }

        String text() {
            return out.toString().strip();
        }
    }
}
