package com.essentialslti.quiz.exchange;

import com.essentialslti.quiz.bank.Difficulty;
import com.essentialslti.quiz.bank.QuestionContent;
import java.util.List;

/**
 * A question read from an imported file, checked but not saved.
 *
 * @param topicName  the last segment of the category the question was in, or null when the file gave none (the
 *                   caller chooses a topic for it)
 * @param sourceName the question's name in the file, or null when it had none
 * @param content    the question, with {@link Difficulty#MEDIUM}: neither Moodle XML nor GIFT carries a difficulty
 * @param line       the 1-based line where the question starts in the file
 * @param notes      what the file says about the question that the bank does not keep, or keeps differently, in
 *                   words for the preview (Moodle's feedback for a right or wrong answer, a penalty)
 */
public record ImportedQuestion(String topicName, String sourceName, QuestionContent content, int line,
                               List<String> notes) {

    public ImportedQuestion {
        notes = List.copyOf(notes);
    }

    public ImportedQuestion(String topicName, String sourceName, QuestionContent content, int line) {
        this(topicName, sourceName, content, line, List.of());
    }
}
