package com.essentialslti.testing;

import com.essentialslti.infra.Database;
import jakarta.persistence.EntityManager;
import org.eclipse.persistence.jpa.JpaQuery;
import org.eclipse.persistence.queries.DatabaseQuery;
import org.eclipse.persistence.sessions.DatabaseRecord;
import org.eclipse.persistence.sessions.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The database's plan (EXPLAIN) for the very SQL that EclipseLink generates for a JPQL query. */
public final class QueryPlans {

    private QueryPlans() {
    }

    /**
     * The plan's lines, with the query's parameters bound in order, after the statements given (run on the same
     * connection, inside the same transaction: {@code SET LOCAL} settings end with it).
     */
    public static String explain(Database database, String jpql, Class<?> resultType, List<Object> parameters,
                                 String... settings) {
        return database.losableTransaction(em -> {
            DatabaseQuery query = em.createQuery(jpql, resultType).unwrap(JpaQuery.class).getDatabaseQuery();
            query.prepareCall(em.unwrap(Session.class), new DatabaseRecord());
            return explain(em, query.getSQLString(), parameters, settings);
        });
    }

    private static String explain(EntityManager em, String sql, List<Object> parameters, String... settings) {
        Connection connection = em.unwrap(Connection.class);
        try (Statement statement = connection.createStatement()) {
            for (String setting : settings) {
                statement.execute(setting);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                explain.setObject(i + 1, parameters.get(i));
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet lines = explain.executeQuery()) {
                while (lines.next()) {
                    plan.append(lines.getString(1)).append('\n');
                }
            }
            return plan.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
