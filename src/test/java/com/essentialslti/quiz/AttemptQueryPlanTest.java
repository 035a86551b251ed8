package com.essentialslti.quiz;

import com.essentialslti.infra.Database;
import com.essentialslti.infra.Settings;
import jakarta.persistence.EntityManager;
import org.eclipse.persistence.jpa.JpaQuery;
import org.eclipse.persistence.queries.DatabaseQuery;
import org.eclipse.persistence.sessions.DatabaseRecord;
import org.eclipse.persistence.sessions.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** H2's EXPLAIN of the very SQL that EclipseLink generates for a JPQL query, with its parameters in order. */
    private String planOf(String jpql, Class<?> resultType, List<Object> parameters) {
        return database.losableTransaction(em -> {
            DatabaseQuery query = em.createQuery(jpql, resultType).unwrap(JpaQuery.class).getDatabaseQuery();
            query.prepareCall(em.unwrap(Session.class), new DatabaseRecord());
            return explain(em, query.getSQLString(), parameters);
        });
    }

    private static String explain(EntityManager em, String sql, List<Object> parameters) {
        try (PreparedStatement explain = em.unwrap(Connection.class).prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                explain.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                return plan.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
