package com.essentialslti.quiz;

/** A question read from an imported file: its topic (the file's category), its content, and where it starts. */
public record ImportedQuestion(String topicName, String sourceName, QuestionContent content, int line) {
}
