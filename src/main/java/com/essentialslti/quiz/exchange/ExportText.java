package com.essentialslti.quiz.exchange;

import com.essentialslti.quiz.bank.AnswerOption;
import com.essentialslti.quiz.bank.PlainText;
import com.essentialslti.quiz.bank.QuestionContent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What both writers need to put the bank's plain text into a file that is read as HTML. */
public final class ExportText {

    private ExportText() {
    }

    /**
     * Plain text as HTML that Moodle shows, and {@link PlainText#fromHtml} reads back, exactly as it was:
     * {@code a < b} is written {@code a &lt; b}, a line break {@code <br>}, and a space that HTML would fold away
     * (one of several, or at the edge of a line) {@code &nbsp;}. The result never contains {@code >} outside a
     * {@code <br>}, so never {@code ]]>} either.
     */
    public static String html(String text) {
        String escaped = withoutXmlForbiddenCharacters(PlainText.newLines(text)).replace("&", "&amp;")
                .replace("<", "&lt;").replace(">", "&gt;");
        StringBuilder html = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\n') {
                html.append("<br>");
            } else if (c == ' ' && !foldsSafely(escaped, i)) {
                html.append("&nbsp;");
            } else {
                html.append(c);
            }
        }
        return html.toString();
    }

    /** A space between two visible characters is shown as it is; any other would be folded or dropped by HTML. */
    private static boolean foldsSafely(String text, int i) {
        return i > 0 && i < text.length() - 1 && !Character.isWhitespace(text.charAt(i - 1))
                && !Character.isWhitespace(text.charAt(i + 1));
    }

    /** A name the file needs when the question has none: the start of its text. */
    public static String nameOrStartOf(String name, QuestionContent content) {
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        String text = content.text();
        return text.length() <= 60 ? text : text.substring(0, 57).strip() + "...";
    }

    /**
     * The share of the mark, in percent, for each of {@code correctCount} correct options of a multiple answer
     * question, written as Moodle writes it (50, 33.33333, 25, 16.66667): Moodle accepts only its own list of
     * grades, which has 100/k to five decimals for k up to 10.
     */
    public static String shareOfMark(int correctCount) {
        return percentOverCount(correctCount);
    }

    /**
     * The share of the mark, in percent and negative, that each of {@code wrongCount} wrong options of a multiple
     * answer question takes away, as our own partial credit does: Moodle adds up the fractions of the ticked
     * options, so with wrong options at 0 a learner who ticked every option would earn the whole mark.
     */
    public static String penaltyOfWrongOption(int wrongCount) {
        return "-" + percentOverCount(wrongCount);
    }

    /**
     * A share of the mark (0.5) in percent as Moodle writes grades (50; 33.33333 with five decimals), which Moodle
     * reads back, and we read back, as the same share.
     */
    public static String percent(double share) {
        return AnswerOption.percent(share);
    }

    private static String percentOverCount(int count) {
        return BigDecimal.valueOf(100).divide(BigDecimal.valueOf(count), 5, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /** XML 1.0 has no way to write most control characters; a question's text has no use for them. */
    public static String withoutXmlForbiddenCharacters(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                        || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF)
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /**
     * The questions by topic, in the order topics first appear, questions without a topic first (under the key
     * null): both formats file a question in the category named last before it.
     */
    public static Map<String, List<ExportedQuestion>> groupedByTopic(List<ExportedQuestion> questions) {
        Map<String, List<ExportedQuestion>> byTopic = new LinkedHashMap<>();
        byTopic.put(null, new ArrayList<>());
        for (ExportedQuestion question : questions) {
            String topic = question.topicName() == null || question.topicName().isBlank()
                    ? null : question.topicName().strip();
            byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(question);
        }
        return byTopic;
    }
}
