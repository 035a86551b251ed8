package com.essentialslti.quiz.exchange;

import com.essentialslti.quiz.bank.Difficulty;
import com.essentialslti.quiz.bank.PlainText;
import java.util.List;

/**
 * GIFT, Moodle's text format for questions. What is read and written:
 * <ul>
 * <li>{@code $CATEGORY: $course$/top/Governance}: the last segment of the path is the topic of the questions that
 * follow it.</li>
 * <li>{@code ::Name:: Text {=right#feedback ~%50%half right ~wrong#feedback ####general feedback}}: a single answer
 * question; an answer with a weight below 100 earns that share as partial credit. Answers with weights only
 * ({@code {~%50%A ~%50%B ~%-100%C}}) make a multiple answer question whose correct answers are those with a positive
 * weight; one whose correct answers have different weights (70 and 30) is skipped, as this tool shares the mark
 * equally.</li>
 * <li>{@code {T}}, {@code {TRUE}}, {@code {F}}, {@code {FALSE}}, with optional {@code #wrong#right} feedback: a
 * true/false question with options "True" then "False". As in Moodle, the first feedback is shown for a wrong
 * answer and the second for a right one: the second becomes the feedback of the correct option and the first that of
 * the other option.</li>
 * <li>Short answer, numerical, matching, essay and description questions are skipped, each with its line and why;
 * the others are imported.</li>
 * </ul>
 * Comment lines ({@code //}), escapes ({@code \~ \= \# \{ \} \: \n}), questions over several lines and the formats
 * {@code [html] [moodle] [plain] [markdown]} are understood: {@code [html]} text is read once as HTML into plain
 * text, every other format (and text without one, which Moodle reads as {@code [moodle]}) is taken as written; answers
 * and feedback have their question's format unless they name their own (see {@link PlainText}). GIFT has no
 * difficulty: imported questions are {@link Difficulty#MEDIUM} and exports leave the difficulty out.
 */
public final class GiftFormat {

    private GiftFormat() {
    }

    /** Reads a GIFT file (UTF-8) without saving anything; never throws on a bad file, but reports its problems. */
    public static ImportResult read(byte[] file) {
        return GiftReader.read(file);
    }

    /** A GIFT file with the questions, each topic's questions after its category. */
    public static String write(List<ExportedQuestion> questions) {
        return GiftWriter.write(questions);
    }
}
