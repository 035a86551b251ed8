package com.essentialslti.quiz;

import com.essentialslti.infra.Database;
import com.essentialslti.infra.Settings;
import com.essentialslti.testing.QueryPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 keeps a statement's plan for as long as the pooled connection that prepared it, and a new installation prepares
 * the attempt queries on empty tables: the plans made then must already be the ones that read only the attempts
 * asked for, not every attempt of the course or of the tool.
 */
class AttemptQueryPlanTest {

    @TempDir
    Path dataDir;
    private Database database;

    @BeforeEach
    void openAnEmptyDatabase() {
        database = Database.open(Settings.embeddedDbUrl(dataDir), "essentials", "");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aLearnersAttemptsAreReadThroughTheLearnerIndex() {
        String plan = planOf(Quizzes.LEARNER_ATTEMPTS, Attempt.class, List.of("some-link", "some-learner"));

        assertThat(plan).contains("/* PUBLIC.IX_QUIZ_ATTEMPT_LEARNER: ");
    }

    @Test
    void overdueAttemptsAreReadThroughTheDeadlineIndex() {
        String plan = planOf(Quizzes.OVERDUE_ATTEMPTS, String.class, List.of("IN_PROGRESS", 1_700_000_000_000L));

        assertThat(plan).contains("/* PUBLIC.IX_QUIZ_ATTEMPT_DEADLINE: ").doesNotContain("tableScan");
    }

    private String planOf(String jpql, Class<?> resultType, List<Object> parameters) {
        return QueryPlans.explain(database, jpql, resultType, parameters);
    }
}
