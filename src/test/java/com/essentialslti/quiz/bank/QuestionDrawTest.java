package com.essentialslti.quiz.bank;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionDrawTest {

    static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    /** A bank with the given number of questions per topic. */
    static List<Question> bank(int... perTopic) {
        List<Question> questions = new ArrayList<>();
        for (int t = 0; t < perTopic.length; t++) {
            Topic topic = new Topic("bank", "topic-" + t, "Topic " + t, "Advice " + t);
            for (int q = 0; q < perTopic[t]; q++) {
                questions.add(new Question("bank", topic, "t" + t + "-q" + q, new QuestionContent(
                        QuestionType.TRUE_FALSE, Difficulty.EASY, "Question " + q,
                        List.of(new AnswerOption("True", true, ""), new AnswerOption("False", false, ""))), NOW));
            }
        }
        return questions;
    }

    static List<QuestionDraw.Candidate> candidates(List<Question> bank) {
        return bank.stream()
                .map(q -> new QuestionDraw.Candidate(q.current().id(), q.topic().key(), q.retired()))
                .toList();
    }

    /** The drawn questions, from the version ids the draw gives. */
    static List<Question> draw(List<Question> bank, int count, Random random) {
        Map<String, Question> byVersion = bank.stream()
                .collect(Collectors.toMap(q -> q.current().id(), Function.identity()));
        return QuestionDraw.draw(candidates(bank), count, random).stream().map(byVersion::get).toList();
    }

    static Map<String, Long> perTopic(List<Question> drawn) {
        return drawn.stream().collect(Collectors.groupingBy(q -> q.topic().key(), Collectors.counting()));
    }

    @RepeatedTest(20)
    void fiveQuestionsFromElevenTopicsComeFromFiveTopics() {
        List<Question> drawn = draw(bank(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3), 5, new Random());
        assertThat(drawn).hasSize(5).doesNotHaveDuplicates();
        assertThat(perTopic(drawn)).hasSize(5);
    }

    @RepeatedTest(20)
    void noTopicGivesASecondQuestionBeforeEveryTopicGaveOne() {
        List<Question> drawn = draw(bank(4, 1, 2), 5, new Random());
        assertThat(drawn).hasSize(5);
        assertThat(perTopic(drawn)).containsEntry("topic-1", 1L).containsKeys("topic-0", "topic-2");
        assertThat(perTopic(drawn).values()).allMatch(n -> n <= 2);
    }

    @Test
    void aSmallBankGivesEveryQuestionItHas() {
        assertThat(draw(bank(1, 2), 5, new Random())).hasSize(3);
    }

    @Test
    void retiredQuestionsAreNeverDrawn() {
        List<Question> questions = bank(2, 2);
        questions.get(0).retire();
        questions.get(1).retire();
        List<Question> drawn = draw(questions, 4, new Random());
        assertThat(drawn).hasSize(2).noneMatch(Question::retired);
    }

    @Test
    void theDrawDependsOnTheRandomSourceOnly() {
        List<Question> questions = bank(3, 3, 3, 3);
        assertThat(QuestionDraw.draw(candidates(questions), 5, new Random(7)))
                .isEqualTo(QuestionDraw.draw(candidates(questions), 5, new Random(7)));
    }
}
