package com.essentialslti.quiz.exchange;

import com.essentialslti.imports.ImportProblem;
import com.essentialslti.quiz.bank.PlainText;
import com.essentialslti.quiz.bank.QuestionContent;
import com.essentialslti.quiz.bank.QuestionType;
import org.jsoup.parser.Parser;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One question of a GIFT file: the lines between two blank lines, comments left out. Read the way Moodle's GIFT
 * reader reads it: an optional {@code ::name::}, an optional format ({@code [html]}), the text, and one answer block
 * in braces; text after the block makes a "missing word" question, whose gap is written {@code _____}.
 */
final class GiftBlock {

    private static final Pattern FORMAT = Pattern.compile("^\\s*\\[(html|moodle|plain|markdown)]",
            Pattern.CASE_INSENSITIVE);
    private static final String ONLY = ", which is not supported: only multichoice and true/false";

    private final String text;
    private final List<Integer> lines;
    private final List<ImportedQuestion> questions;
    private final List<ImportProblem> problems;
    private final List<ImportProblem> skipped;
    /** The question's name, or null: a skipped question is named in the preview. */
    private String name;
    /** Whether the question's text is HTML; its answers and feedback are in the same format unless they say. */
    private boolean html;

    /**
     * @param text  the block's lines joined with new lines
     * @param lines the file's line number of each of the block's lines
     */
    GiftBlock(String text, List<Integer> lines, List<ImportedQuestion> questions, List<ImportProblem> problems,
              List<ImportProblem> skipped) {
        this.text = text;
        this.lines = lines;
        this.questions = questions;
        this.problems = problems;
        this.skipped = skipped;
    }

    void read(String topic) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int questionLine = lineAt(start);
        if (text.startsWith("::", start)) {
            int end = GiftEscapes.indexOf(text, "::", start + 2);
            if (end < 0) {
                problem(start, "the question name opened with :: is not closed with ::");
                return;
            }
            name = nameOf(text.substring(start + 2, end));
            start = end + 2;
        }
        Matcher format = FORMAT.matcher(text.substring(start));
        html = format.find() && format.group(1).equalsIgnoreCase("html");
        int open = GiftEscapes.indexOf(text, "{", start);
        if (open < 0) {
            skip(start, "a text with no answer block {…} is a description" + ONLY);
            return;
        }
        int close = GiftEscapes.indexOf(text, "}", open + 1);
        if (close < 0) {
            problem(open, "the answer block opened with { is not closed with }");
            return;
        }
        int nested = GiftEscapes.indexOf(text.substring(0, close), "{", open + 1);
        int more = Math.max(GiftEscapes.indexOf(text, "{", close + 1), GiftEscapes.indexOf(text, "}", close + 1));
        if (nested >= 0 || more >= 0) {
            problem(nested >= 0 ? nested : more, "a question has one answer block; write \\{ and \\} for braces"
                    + " in its text");
            return;
        }
        String after = text.substring(close + 1);
        String questionText = plain(text.substring(start, open) + (after.isBlank() ? "" : "_____" + after));
        answers(topic, name, questionText, questionLine, open + 1, close);
    }

    private void answers(String topic, String name, String questionText, int questionLine, int from, int to) {
        String answers = text.substring(from, to);
        // Moodle's general feedback, after ####, for every learner whatever they chose.
        int generalFeedbackAt = GiftEscapes.indexOf(answers, "####", 0);
        String generalFeedback = "";
        if (generalFeedbackAt >= 0) {
            generalFeedback = plain(answers.substring(generalFeedbackAt + 4));
            answers = answers.substring(0, generalFeedbackAt);
        }
        String trimmed = answers.strip();
        if (trimmed.isEmpty()) {
            skip(from, "an empty answer block {} is an essay question" + ONLY);
        } else if (trimmed.startsWith("#")) {
            skip(from, "a numerical question {#…} is not supported: only multichoice and true/false");
        } else if (GiftEscapes.indexOf(answers, "~", 0) >= 0) {
            multichoice(topic, name, questionText, questionLine, answers, from, generalFeedback);
        } else if (GiftEscapes.indexOf(answers, "=", 0) >= 0 && answers.contains("->")) {
            skip(from, "a matching question (=… -> …)" + ONLY);
        } else if (isTrueOrFalse(answers)) {
            trueFalse(topic, name, questionText, questionLine, answers, generalFeedback);
        } else if (GiftEscapes.indexOf(answers, "=", 0) >= 0) {
            skip(from, "a short answer question (answers with = and none with ~)" + ONLY);
        } else {
            problem(from, "the answer block {" + PlainText.abbreviated(trimmed) + "} is not one this tool reads:"
                    + " a true/false question needs {T} or {F}, and a multichoice question = or ~ before each answer");
        }
    }

    private void multichoice(String topic, String name, String questionText, int questionLine, String answers,
                             int offset, String generalFeedback) {
        // Found in one pass: looking for the next = and the next ~ from each answer on costs a hostile block of
        // hundreds of thousands of answers minutes of CPU.
        List<Integer> markers = GiftEscapes.indexesOfAny(answers, "=~");
        // Moodle's rule: any answer marked = makes a single answer question; weights alone (~%50%) make several.
        boolean single = markers.stream().anyMatch(marker -> answers.charAt(marker) == '=');
        QuestionDraft draft = new QuestionDraft("multichoice", single ? QuestionType.SINGLE : QuestionType.MULTIPLE,
                name, questionText, questionLine);
        draft.generalFeedback(generalFeedback);
        if (!answers.substring(0, markers.get(0)).isBlank()) {
            problem(offset, draft.label() + ": there is text before the first answer; each answer starts with = or ~");
        }
        if (markers.size() > QuestionContent.MAX_OPTIONS) {
            problem(offset, draft.label() + " has " + markers.size() + " answers; at most "
                    + QuestionContent.MAX_OPTIONS + " are allowed");
            return;
        }
        for (int i = 0; i < markers.size(); i++) {
            int marker = markers.get(i);
            int next = i + 1 < markers.size() ? markers.get(i + 1) : answers.length();
            option(draft, answers.charAt(marker) == '=', answers.substring(marker + 1, next), offset + marker);
        }
        draft.check(topic, questions, problems, skipped);
    }

    private void option(QuestionDraft draft, boolean markedRight, String answer, int offset) {
        String body = answer.strip();
        double weight = markedRight ? 100 : 0;
        if (body.startsWith("%")) {
            int end = body.indexOf('%', 1);
            String value = end < 0 ? body : body.substring(1, end);
            try {
                weight = Double.parseDouble(value.strip());
                body = body.substring(end + 1);
            } catch (NumberFormatException e) {
                problem(offset, draft.label() + ": the answer weight '%" + PlainText.abbreviated(value)
                        + "' is not a number between two %");
            }
        }
        int feedback = GiftEscapes.indexOf(body, "#", 0);
        draft.option(plain(feedback < 0 ? body : body.substring(0, feedback)), weight,
                plain(feedback < 0 ? "" : body.substring(feedback + 1)), lineAt(offset));
    }

    /**
     * {@code {T#wrong#right}}: as in Moodle, the first feedback is for a learner who answered wrongly and the second
     * for one who answered rightly. Our options carry the feedback for choosing them, so the right feedback goes to
     * the correct option and the wrong feedback to the other one.
     */
    private void trueFalse(String topic, String name, String questionText, int questionLine, String answers,
                           String generalFeedback) {
        int firstHash = GiftEscapes.indexOf(answers, "#", 0);
        int secondHash = firstHash < 0 ? -1 : GiftEscapes.indexOf(answers, "#", firstHash + 1);
        boolean isTrue = isTrue(answers);
        String wrong = firstHash < 0 ? "" : plain(answers.substring(firstHash + 1,
                secondHash < 0 ? answers.length() : secondHash));
        String right = secondHash < 0 ? "" : plain(answers.substring(secondHash + 1));
        QuestionDraft draft = new QuestionDraft("true/false", QuestionType.TRUE_FALSE, name, questionText,
                questionLine);
        draft.generalFeedback(generalFeedback);
        draft.option("True", isTrue ? 100 : 0, isTrue ? right : wrong, questionLine);
        draft.option("False", isTrue ? 0 : 100, isTrue ? wrong : right, questionLine);
        draft.check(topic, questions, problems, skipped);
    }

    private static boolean isTrueOrFalse(String answers) {
        String value = valueOf(answers);
        return value.equals("T") || value.equals("TRUE") || value.equals("F") || value.equals("FALSE");
    }

    private static boolean isTrue(String answers) {
        String value = valueOf(answers);
        return value.equals("T") || value.equals("TRUE");
    }

    private static String valueOf(String answers) {
        int hash = GiftEscapes.indexOf(answers, "#", 0);
        return (hash < 0 ? answers : answers.substring(0, hash)).strip().toUpperCase(Locale.ROOT);
    }

    /**
     * GIFT text as the bank's plain text: HTML read once ({@link PlainText#fromHtml}), every other format taken as
     * written, as Moodle shows it. Without a format of its own, a text has its question's.
     */
    private String plain(String gift) {
        Matcher format = FORMAT.matcher(gift);
        boolean isHtml = html;
        String withoutFormat = gift;
        if (format.find()) {
            isHtml = format.group(1).equalsIgnoreCase("html");
            withoutFormat = gift.substring(format.end());
        }
        String unescaped = GiftEscapes.unescape(withoutFormat);
        return isHtml ? PlainText.fromHtml(unescaped) : PlainText.asWritten(unescaped);
    }

    /**
     * A name is plain text in Moodle, shown with its character references decoded: our writer puts a backslash
     * there as {@code &#92;}, which GIFT could not escape.
     */
    private static String nameOf(String gift) {
        return PlainText.asWritten(Parser.unescapeEntities(GiftEscapes.unescape(gift), false));
    }

    /** A question of a type this tool does not have: left out, with the reason, and the rest is imported. */
    private void skip(int offset, String reason) {
        String named = name == null || name.isBlank() ? "" : "question '" + PlainText.abbreviated(name) + "': ";
        skipped.add(new ImportProblem(lineAt(offset), named + reason));
    }

    private void problem(int offset, String message) {
        problems.add(new ImportProblem(lineAt(offset), message));
    }

    private int lineAt(int offset) {
        int newLines = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                newLines++;
            }
        }
        return lines.get(Math.min(newLines, lines.size() - 1));
    }
}
