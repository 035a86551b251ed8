package com.essentialslti.quiz;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Questions to export in the format tests: the shipped bank, and small questions with sensible defaults. */
final class ExportSamples {

    private ExportSamples() {
    }

    static List<ExportedQuestion> defaultBank() {
        DefaultBank bank = DefaultBank.load();
        Map<String, String> topicNames = bank.topics().stream()
                .collect(Collectors.toMap(DefaultBank.TopicSeed::key, DefaultBank.TopicSeed::name));
        return bank.questions().stream()
                .map(q -> new ExportedQuestion(topicNames.get(q.topicKey()), q.key(), q.content()))
                .toList();
    }

    /** What an import gives back for exported questions: the same content, with the difficulty neither format has. */
    static List<QuestionContent> contentsWithMediumDifficulty(List<ExportedQuestion> questions) {
        return questions.stream().map(ExportedQuestion::content)
                .map(c -> new QuestionContent(c.type(), Difficulty.MEDIUM, c.text(), c.options()))
                .toList();
    }

    static QuestionContent trueFalse(String text) {
        return new QuestionContent(QuestionType.TRUE_FALSE, Difficulty.MEDIUM, text, List.of(
                new AnswerOption("True", true, "Right"), new AnswerOption("False", false, "Wrong")));
    }
}
