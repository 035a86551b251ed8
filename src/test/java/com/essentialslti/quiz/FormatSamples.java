package com.essentialslti.quiz;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * For the format tests: questions to export (the shipped bank, small questions with sensible defaults) and all the
 * text an import would store.
 */
final class FormatSamples {

    private FormatSamples() {
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

    /** A multiple answer question "Which?" named q, with options A, B, C… correct as given. */
    static ExportedQuestion multipleAnswer(boolean... correct) {
        List<AnswerOption> options = new java.util.ArrayList<>();
        for (int i = 0; i < correct.length; i++) {
            options.add(new AnswerOption(String.valueOf((char) ('A' + i)), correct[i], ""));
        }
        return new ExportedQuestion(null, "q", new QuestionContent(QuestionType.MULTIPLE, Difficulty.HARD, "Which?",
                options));
    }

    /** Every text of the result, stored or shown: topics, names, questions, options, feedback and problems. */
    static String allTextOf(ImportResult result) {
        return Stream.concat(
                result.questions().stream().flatMap(q -> Stream.concat(
                        Stream.of(q.topicName(), q.sourceName(), q.content().text()),
                        q.content().options().stream().flatMap(o -> Stream.of(o.text(), o.feedback())))),
                result.problems().stream().map(ImportProblem::toString))
                .map(String::valueOf).collect(Collectors.joining("\n"));
    }
}
