package com.essentialslti.imports;

import com.essentialslti.infra.Database;
import com.essentialslti.infra.KeyedLocks;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Confirm once: an import is saved whole, in one transaction with its {@link ImportReceipt}, and a second
 * confirmation of the same preview saves nothing and ends as the first did.
 */
public final class ImportConfirmation {

    /** Confirmations of one import id in this process wait for each other, see {@link #once}. */
    private static final KeyedLocks CONFIRMING = new KeyedLocks(16);

    private ImportConfirmation() {
    }

    /**
     * Runs {@code save} in one transaction with the receipt of import {@code id}, unless that import was confirmed
     * before; returns whether it saved. The two requests of a double click wait for each other here, so the second
     * finds the first's receipt rather than waiting on its row lock (which may time out during a long import).
     * Another tool process on the same PostgreSQL database meets the primary key instead, once the first has
     * committed: that failure counts as "already confirmed".
     */
    public static boolean once(Database database, String id, String kind, String scope, int count, Instant now,
                               Consumer<EntityManager> save) {
        synchronized (CONFIRMING.of(id)) {
            try {
                return database.transaction(em -> {
                    if (!ImportReceipt.firstConfirmation(em, id, kind, scope, count, now)) {
                        return false;
                    }
                    save.accept(em);
                    return true;
                });
            } catch (PersistenceException concurrent) {
                if (!database.read(em -> ImportReceipt.confirmed(em, id))) {
                    throw concurrent;
                }
                return false;
            }
        }
    }
}
