package com.essentialslti.infra;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import org.flywaydb.core.Flyway;

import java.util.HashMap;
import java.util.List;
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
    private final Checkpoints checkpoints;

    private Database(EntityManagerFactory factory, int migrationsApplied, Checkpoints checkpoints) {
        this.factory = factory;
        this.migrationsApplied = migrationsApplied;
        this.checkpoints = checkpoints;
    }

    /**
     * Makes committed work reach the database file. PostgreSQL does that at every commit; H2 writes commits up to
     * half a second later (its WRITE_DELAY), and a killed tool would lose that half second. Writing at every
     * commit (WRITE_DELAY=0) costs a launch a third of its CPU, so H2 gets a CHECKPOINT after the transactions
     * that must survive a crash (attempts, answers, grades, settings, keys), and launch records, which the next
     * launch writes again, go without.
     */
    private static final class Checkpoints implements AutoCloseable {
        private final java.sql.Connection connection;

        Checkpoints(String url, String user, String password) {
            try {
                connection = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
                        ? java.sql.DriverManager.getConnection(url, user, password) : null;
            } catch (java.sql.SQLException e) {
                throw new PersistenceException("cannot open the database " + url, e);
            }
        }

        private final Object lock = new Object();
        private long committed; // tickets: one per commit that asked for the disk
        private long written;   // every ticket up to this one is on disk
        private boolean writing;

        /**
         * Returns once a checkpoint that began after the caller's commit has finished. Concurrent callers share
         * one checkpoint (a group commit) instead of queueing for one each.
         */
        void afterCommit() {
            if (connection == null) {
                return;
            }
            long ticket;
            synchronized (lock) {
                ticket = ++committed;
            }
            while (true) {
                long covers;
                synchronized (lock) {
                    while (writing && written < ticket) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new PersistenceException("interrupted while writing the database file", e);
                        }
                    }
                    if (written >= ticket) {
                        return;
                    }
                    writing = true;
                    covers = committed; // every commit with a ticket up to here happened before this checkpoint
                }
                boolean done = false;
                try {
                    checkpoint();
                    done = true;
                } finally {
                    synchronized (lock) {
                        writing = false;
                        if (done) {
                            written = Math.max(written, covers);
                        }
                        lock.notifyAll();
                    }
                }
            }
        }

        private synchronized void checkpoint() {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            } catch (java.sql.SQLException e) {
                throw new PersistenceException("cannot write the database file", e);
            }
        }

        @Override
        public synchronized void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (java.sql.SQLException ignored) {
                    // closing at shutdown: nothing left to save
                }
            }
        }
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
        return new Database(factory, applied, new Checkpoints(url, user, password));
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
        if (url.startsWith("jdbc:postgresql:")) {
            // EclipseLink closes a released connection while its pool holds more than min, and a new PostgreSQL
            // connection costs a server process and a login (tens of milliseconds here): keep them all open.
            // (H2's connections cost little, and one kept for long keeps plans H2 made when the tables were empty.)
            for (String pool : List.of("default", "read")) {
                properties.put("eclipselink.connection-pool." + pool + ".min", "16");
                properties.put("eclipselink.connection-pool." + pool + ".max", "16");
            }
        }
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

    /** Runs work in one transaction and commits it, to disk; rolls back and rethrows on failure. */
    public <T> T transaction(Function<EntityManager, T> work) {
        T result = losableTransaction(work);
        checkpoints.afterCommit();
        return result;
    }

    /**
     * Like {@link #transaction}, for records that the next launch writes again (login states, enrolments): on the
     * embedded H2 database a crash may lose the last half second of them.
     */
    public <T> T losableTransaction(Function<EntityManager, T> work) {
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

    /** {@link #transactionRetryingOnce} for records the next launch writes again (see {@link #losableTransaction}). */
    public <T> T losableTransactionRetryingOnce(Function<EntityManager, T> work) {
        try {
            return losableTransaction(work);
        } catch (PersistenceException firstAttempt) {
            return losableTransaction(work);
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
        checkpoints.close();
        factory.close();
    }
}
