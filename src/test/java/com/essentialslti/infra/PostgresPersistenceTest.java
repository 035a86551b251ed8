package com.essentialslti.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** The persistence contract on PostgreSQL: one server per class, one new database per test. */
class PostgresPersistenceTest extends PersistenceContract {

    private static final AtomicInteger CREATED = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected Site newSite() throws SQLException {
        String name = "essentials_" + CREATED.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return new Site(name, postgres.getJdbcUrl("postgres", name), "postgres", "");
    }

    @Override
    protected void remove(Site site) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + site.name() + " WITH (FORCE)");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
