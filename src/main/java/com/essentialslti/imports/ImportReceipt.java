package com.essentialslti.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A confirmed import, under the id its preview gave it. Written in the transaction that saves what was imported,
 * so a second confirmation of the same preview (a double click, a form sent again) finds it and saves nothing. See
 * {@link ImportConfirmation} for confirmations that arrive at the same moment.
 */
@Entity
@Table(name = "import_receipt")
public class ImportReceipt {

    @Id
    private String id;
    private String kind;
    private String scope;
    @Column(name = "item_count")
    private int count;
    @Column(name = "imported_at")
    private long importedAt;

    protected ImportReceipt() {
    }

    private ImportReceipt(String id, String kind, String scope, int count, Instant now) {
        if (id == null || kind == null || scope == null || count < 0) {
            throw new IllegalArgumentException("a receipt needs its id, kind, scope and a count of zero or more");
        }
        this.id = id;
        this.kind = kind;
        this.scope = scope;
        this.count = count;
        this.importedAt = now.toEpochMilli();
    }

    /**
     * Writes the receipt of import {@code id} in the caller's transaction, unless that import was confirmed before:
     * then it returns false and the caller saves nothing. Of two transactions writing the same id at once, the
     * second meets the primary key; {@link ImportConfirmation#once} makes that a quiet "already confirmed".
     */
    public static boolean firstConfirmation(EntityManager em, String id, String kind, String scope, int count,
                                            Instant now) {
        if (confirmed(em, id)) {
            return false;
        }
        em.persist(new ImportReceipt(id, kind, scope, count, now));
        return true;
    }

    public static boolean confirmed(EntityManager em, String id) {
        return em.find(ImportReceipt.class, id) != null;
    }

    public String kind() {
        return kind;
    }

    public String scope() {
        return scope;
    }

    public int count() {
        return count;
    }
}
