package com.essentialslti.quiz.exchange;

import com.essentialslti.quiz.bank.Difficulty;
import com.essentialslti.quiz.bank.PlainText;
import java.util.List;

/**
 * Moodle XML, the question format Moodle exports its question banks in. What is read and written:
 * <ul>
 * <li>{@code <question type="category">}: the last segment of its path ({@code $course$/top/Governance}) is the
 * topic of the questions that follow it.</li>
 * <li>{@code multichoice} with {@code <single>true</single>} (or no {@code <single>}): a single answer question,
 * whose correct answer is the one with fraction 100 and whose answers with a fraction between 0 and 100 keep it as
 * partial credit; with {@code <single>false</single>}: a multiple answer question, whose correct answers are those
 * with a positive fraction (one whose correct answers have different fractions is skipped, as this tool shares the
 * mark equally). Each answer keeps its feedback.</li>
 * <li>{@code truefalse}: the options "True" and "False", in that order, with the feedback of each answer.</li>
 * <li>{@code <generalfeedback>} is kept. Combined feedback ({@code <correctfeedback>} and the others) and penalties
 * have no place here: the preview says so for each question.</li>
 * <li>Every other question type is skipped, with its line and why; the others are imported.</li>
 * </ul>
 * Text in {@code format="html"} (or with no format) is read once as HTML into plain text; {@code plain_text},
 * {@code moodle_auto_format} and {@code markdown} are taken as written (see {@link PlainText}); names and categories
 * are plain text. Moodle XML has no difficulty: imported questions are {@link Difficulty#MEDIUM} and exports leave
 * the difficulty out.
 */
public final class MoodleXmlFormat {

    private MoodleXmlFormat() {
    }

    /** Reads a Moodle XML file without saving anything; never throws on a bad file, but reports its problems. */
    public static ImportResult read(byte[] file) {
        return MoodleXmlReader.read(file);
    }

    /** A Moodle XML file (UTF-8) with the questions, each topic's questions after its category. */
    public static String write(List<ExportedQuestion> questions) {
        return MoodleXmlWriter.write(questions);
    }
}
