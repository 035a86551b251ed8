package com.essentialslti.infra;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import org.flywaydb.core.Flyway;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The tool's database: versioned migrations (Flyway) run first, then an EclipseLink persistence unit over the same
 * JDBC URL. The persistence unit is application-managed so that the operator's DB_URL chooses H2 or PostgreSQL at
 * start-up, and so that persistence tests run the very same code on both without a container.
 */
public final class Database implements AutoCloseable {

    private final EntityManagerFactory factory;
    private final int migrationsApplied;

    private Database(EntityManagerFactory factory, int migrationsApplied) {
        this.factory = factory;
        this.migrationsApplied = migrationsApplied;
    }

    public static Database open(String url, String user, String password) {
        // EclipseLink reads its metadata while Flyway migrates; it connects only when asked for the first manager.
        CompletableFuture<EntityManagerFactory> unit = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                unit.complete(persistenceUnit(url, user, password));
            } catch (RuntimeException | Error e) {
                unit.completeExceptionally(e);
            }
        }, "essentials-persistence-unit");
        reader.setContextClassLoader(Database.class.getClassLoader()); // JPA finds its provider through it
        reader.setDaemon(true);
        reader.start();
        int applied;
        try {
            applied = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(url, user, password)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (RuntimeException e) {
            unit.thenAccept(EntityManagerFactory::close);
            throw e;
        }
        EntityManagerFactory factory;
        try {
            factory = unit.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        factory.createEntityManager().close(); // connect now: a bad DB_URL fails the start, not the first launch
        return new Database(factory, applied);
    }

    private static EntityManagerFactory persistenceUnit(String url, String user, String password) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.jdbc.url", url);
        properties.put("jakarta.persistence.jdbc.user", user);
        properties.put("jakarta.persistence.jdbc.password", password);
        properties.put("jakarta.persistence.jdbc.driver", driverFor(url));
        // A file name the container does not scan: Payara would otherwise deploy this unit on its own default pool.
        properties.put("eclipselink.persistencexml", "META-INF/essentials-persistence.xml");
        properties.put("eclipselink.classloader", Database.class.getClassLoader());
        return Persistence.createEntityManagerFactory("essentials", properties);
    }

    private static String driverFor(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return "org.h2.Driver";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        throw new IllegalArgumentException("DB_URL must be a jdbc:h2: or jdbc:postgresql: URL");
    }

    public int migrationsApplied() {
        return migrationsApplied;
    }

    /** Runs work in one transaction and commits it; rolls back and rethrows on failure. */
    public <T> T transaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    /**
     * Like {@link #transaction}, but runs the work once more when it fails: for find-or-create work where two
     * requests may insert the same unique row at once (a user's first two launches). The second run finds the row
     * the other request committed.
     */
    public <T> T transactionRetryingOnce(Function<EntityManager, T> work) {
        try {
            return transaction(work);
        } catch (PersistenceException firstAttempt) {
            return transaction(work);
        }
    }

    public void transact(Consumer<EntityManager> work) {
        transaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Read-only work outside a transaction. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
