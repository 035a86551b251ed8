package com.essentialslti.quiz.exchange;

import com.essentialslti.quiz.bank.AnswerOption;
import com.essentialslti.quiz.bank.QuestionContent;
import com.essentialslti.quiz.bank.QuestionType;
import java.util.List;

/**
 * Writes questions as a GIFT file that Moodle imports and {@link GiftReader} reads back. Text is written as
 * {@code [html]}, escaped for HTML and then for GIFT, so that every character comes back as it was.
 */
final class GiftWriter {

    private final StringBuilder gift = new StringBuilder();

    private GiftWriter() {
    }

    static String write(List<ExportedQuestion> questions) {
        GiftWriter writer = new GiftWriter();
        writer.gift.append("// Questions exported from Essentials LTI. GIFT has no difficulty, so it is left out.\n\n");
        ExportText.groupedByTopic(questions).forEach((topic, ofTopic) -> {
            if (topic != null) {
                writer.gift.append("$CATEGORY: ").append(CategoryPath.of(topic)).append("\n\n");
            }
            ofTopic.forEach(writer::question);
        });
        return writer.gift.toString();
    }

    private void question(ExportedQuestion question) {
        if (question.name() != null && !question.name().isBlank()) {
            // A name is plain text in Moodle; only a backslash, which could escape the closing ::, is written
            // as a character reference.
            gift.append("::").append(GiftEscapes.escape(question.name().strip().replace("\\", "&#92;")))
                    .append("::");
        }
        QuestionContent content = question.content();
        gift.append("[html]").append(text(content.text()));
        if (content.type() == QuestionType.TRUE_FALSE) {
            trueFalse(content);
        } else {
            multichoice(content);
        }
        gift.append("\n\n");
    }

    private void multichoice(QuestionContent content) {
        boolean single = content.type() == QuestionType.SINGLE;
        int correctCount = (int) content.options().stream().filter(AnswerOption::correct).count();
        int wrongCount = content.options().size() - correctCount;
        gift.append(" {\n");
        for (AnswerOption option : content.options()) {
            gift.append('\t');
            if (single) {
                gift.append(option.correct() ? "=" : "~");
                if (option.partialCredit() > 0) {
                    gift.append('%').append(ExportText.percent(option.partialCredit())).append('%');
                }
            } else {
                gift.append('~').append('%').append(option.correct() ? ExportText.shareOfMark(correctCount)
                        : ExportText.penaltyOfWrongOption(wrongCount)).append('%');
            }
            gift.append(text(option.text()));
            if (!option.feedback().isEmpty()) {
                gift.append('#').append(text(option.feedback()));
            }
            gift.append('\n');
        }
        generalFeedback(content);
        gift.append('}');
    }

    /**
     * {@code {TRUE#wrong#right}}: GIFT gives feedback for a wrong answer and for a right one; ours is the feedback
     * of choosing each option, so the wrong one is the incorrect option's and the right one the correct option's.
     * The first option is "True", as in Moodle XML.
     */
    private void trueFalse(QuestionContent content) {
        AnswerOption isTrue = content.options().get(0);
        AnswerOption correct = isTrue.correct() ? isTrue : content.options().get(1);
        AnswerOption incorrect = isTrue.correct() ? content.options().get(1) : isTrue;
        gift.append(" {").append(isTrue.correct() ? "TRUE" : "FALSE");
        if (!correct.feedback().isEmpty() || !incorrect.feedback().isEmpty()) {
            gift.append('#').append(text(incorrect.feedback())).append('#').append(text(correct.feedback()));
        }
        generalFeedback(content);
        gift.append('}');
    }

    /** Moodle's general feedback, after {@code ####}, last in the answer block. */
    private void generalFeedback(QuestionContent content) {
        if (!content.generalFeedback().isEmpty()) {
            gift.append("####").append(text(content.generalFeedback()));
        }
    }

    /**
     * GIFT has no escape for a backslash, which could otherwise join the character after it into an escape; as
     * the text is HTML, it is written as the character reference {@code &#92;}. So is a {@code [} or a {@code %}
     * that starts a text, which a reader would take for a format ({@code [plain]}) or an answer's weight
     * ({@code %50%}).
     */
    private static String text(String plain) {
        String html = ExportText.html(plain).replace("\\", "&#92;");
        if (html.startsWith("[")) {
            html = "&#91;" + html.substring(1);
        } else if (html.startsWith("%")) {
            html = "&#37;" + html.substring(1);
        }
        return GiftEscapes.escape(html);
    }
}
