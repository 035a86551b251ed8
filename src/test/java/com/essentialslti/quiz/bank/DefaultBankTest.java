package com.essentialslti.quiz.bank;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The bank that ships with the tool: what the issue asks of it, checked on the file itself. */
class DefaultBankTest {

    final DefaultBank bank = DefaultBank.load();

    @Test
    void hasAtLeastTwentyFiveQuestions() {
        assertThat(bank.questions()).hasSizeGreaterThanOrEqualTo(25);
    }

    @Test
    void coversEveryThemeOfTheCourseWithAtLeastThreeQuestions() {
        Map<String, Long> perTopic = bank.questions().stream()
                .collect(Collectors.groupingBy(DefaultBank.QuestionSeed::topicKey, Collectors.counting()));
        assertThat(bank.topics()).extracting(DefaultBank.TopicSeed::key).containsExactlyInAnyOrder(
                "role", "services", "governance", "reporting", "maturity", "tools", "capability", "value",
                "pmo-of-one", "p3o", "benefits");
        bank.topics().forEach(t -> assertThat(perTopic.get(t.key())).as(t.key()).isGreaterThanOrEqualTo(3));
    }

    @Test
    void everyTopicHasANameAndAdviceForALearnerWhoFoundItHard() {
        assertThat(bank.topics()).allSatisfy(t -> {
            assertThat(t.name()).isNotBlank();
            assertThat(t.advice()).hasSizeGreaterThan(40);
        });
    }

    @Test
    void usesEveryQuestionTypeAndDifficulty() {
        assertThat(bank.questions().stream().map(q -> q.content().type()).collect(Collectors.toSet()))
                .isEqualTo(Set.of(QuestionType.values()));
        assertThat(bank.questions().stream().map(q -> q.content().difficulty()).collect(Collectors.toSet()))
                .isEqualTo(Set.of(Difficulty.values()));
    }

    @Test
    void everyOptionHasItsOwnFeedback() {
        assertThat(bank.questions()).allSatisfy(q -> assertThat(q.content().options())
                .allSatisfy(o -> assertThat(o.feedback()).isNotBlank().isNotEqualTo(o.text())));
    }

    @Test
    void questionKeysAreUnique() {
        assertThat(bank.questions()).extracting(DefaultBank.QuestionSeed::key).doesNotHaveDuplicates();
    }

    @Test
    void questionsAreFromKnownTopics() {
        Set<String> topics = bank.topics().stream().map(DefaultBank.TopicSeed::key).collect(Collectors.toSet());
        assertThat(bank.questions()).allSatisfy(q -> assertThat(topics).contains(q.topicKey()));
    }
}
