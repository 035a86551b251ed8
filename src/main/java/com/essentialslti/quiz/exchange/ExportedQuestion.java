package com.essentialslti.quiz.exchange;

import com.essentialslti.quiz.bank.QuestionContent;
/**
 * A question to write to an export file.
 *
 * @param topicName the topic, written as the question's category; null writes the question without one
 * @param name      the question's name in the file; null lets the writer make one from the text when the format
 *                  needs a name
 * @param content   the question; its difficulty is left out, as neither Moodle XML nor GIFT has a place for it
 */
public record ExportedQuestion(String topicName, String name, QuestionContent content) {

    public ExportedQuestion {
        if (content == null) {
            throw new IllegalArgumentException("an exported question needs its content");
        }
    }
}
