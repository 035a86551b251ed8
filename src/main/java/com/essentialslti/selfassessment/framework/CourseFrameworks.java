package com.essentialslti.selfassessment.framework;

import com.essentialslti.infra.Database;
import com.essentialslti.imports.ImportConfirmation;
import com.essentialslti.imports.ImportReceipt;
import com.essentialslti.infra.KeyedLocks;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;

import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The frameworks of the courses. A course's framework starts as a copy of the {@link DefaultFramework} the first
 * time the self-assessment is used there; each change writes a new {@link FrameworkVersion} and makes it current.
 * Versions are cached by id: they never change, so a cached one is never stale, in any process.
 */
public final class CourseFrameworks {

    /** The framework as one version of it: assessments keep the id. */
    public record Current(String versionId, int number, FrameworkContent content) {
    }

    /** Another trainer changed the framework since the page this change was made on. */
    public static final class Changed extends RuntimeException {
        public Changed() {
            super("The framework was changed by someone else meanwhile: your change was not saved. Look at the "
                    + "framework as it is now and make your change again.");
        }
    }

    private static final KeyedLocks SEEDING = new KeyedLocks(64);

    private final Database database;
    private final Clock clock;
    private final Cache<String, FrameworkContent> versions = Caffeine.newBuilder().maximumSize(256).build();

    public CourseFrameworks(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The course's current framework; the shipped one is copied in on first use. */
    public Current current(String scope) {
        String versionId = database.read(em -> currentId(em, scope));
        if (versionId == null) {
            synchronized (SEEDING.of(scope)) {
                // In another process, the primary key lets one seed win; the retry then finds it.
                versionId = database.transactionRetryingOnce(em -> {
                    String found = currentId(em, scope);
                    if (found != null) {
                        return found;
                    }
                    FrameworkVersion first = new FrameworkVersion(scope, 1, DefaultFramework.content(),
                            "The framework that ships with the tool", clock.instant());
                    em.persist(first);
                    em.flush();
                    em.persist(new CourseFramework(scope, first.id()));
                    return first.id();
                });
            }
        }
        String id = versionId;
        return database.read(em -> current(em, id));
    }

    /** A version by id, as written; the one an assessment was made with. */
    public FrameworkContent version(String versionId) {
        return versions.get(versionId, id -> database.read(em -> {
            FrameworkVersion version = em.find(FrameworkVersion.class, id);
            if (version == null) {
                throw new IllegalStateException("no framework version " + id);
            }
            return version.content();
        }));
    }

    /**
     * Makes a changed framework current, if the current version is still {@code basedOn} (the one the trainer
     * saw). {@code change} gets that version's content; an {@link IllegalArgumentException} it throws (a change
     * the framework refuses) leaves everything as it was.
     *
     * @throws Changed when another change came first
     */
    public Current change(String scope, String basedOn, UnaryOperator<FrameworkContent> change, String note) {
        Current seen = current(scope);
        if (!seen.versionId().equals(basedOn)) {
            throw new Changed(); // also a version of another course's framework, or none at all
        }
        FrameworkContent changed = change.apply(seen.content());
        try {
            return database.transaction(em -> makeCurrent(em, scope, basedOn, changed, note));
        } catch (OptimisticLockException e) {
            throw new Changed();
        }
    }

    /**
     * Makes an imported framework current, once per import id (a second confirmation of the same preview saves
     * nothing and returns false), if the current version is still {@code basedOn}, the one the preview was made
     * against.
     *
     * @throws Changed when another change came first
     */
    public boolean importOnce(String scope, String importId, String basedOn, FrameworkContent imported, String note) {
        try {
            return ImportConfirmation.once(database, importId, IMPORT_KIND, scope, imported.competencies().size(),
                    clock.instant(), em -> makeCurrent(em, scope, basedOn, imported, note));
        } catch (OptimisticLockException e) {
            throw new Changed();
        }
    }

    /** Whether this import (by its preview's id) was confirmed before: a second confirmation saves nothing. */
    public boolean imported(String importId) {
        return database.read(em -> ImportReceipt.confirmed(em, importId));
    }

    /** What the shared import receipts call a framework import. */
    static final String IMPORT_KIND = "competency-framework";

    private Current makeCurrent(EntityManager em, String scope, String basedOn, FrameworkContent content,
                                String note) {
        CourseFramework framework = em.find(CourseFramework.class, scope, LockModeType.PESSIMISTIC_WRITE);
        if (framework == null || !framework.currentVersionId().equals(basedOn)) {
            throw new Changed();
        }
        Integer newest = em.createQuery("SELECT MAX(v.number) FROM FrameworkVersion v WHERE v.scope = :s",
                Integer.class).setParameter("s", scope).getSingleResult();
        FrameworkVersion next = new FrameworkVersion(scope, newest + 1, content, note, clock.instant());
        em.persist(next);
        em.flush();
        framework.moveTo(next.id());
        versions.put(next.id(), content);
        return new Current(next.id(), next.number(), content);
    }

    /** Every version of the course's framework, newest first. */
    public List<FrameworkVersion> history(String scope) {
        return database.read(em -> em.createQuery("SELECT v FROM FrameworkVersion v WHERE v.scope = :s "
                + "ORDER BY v.number DESC", FrameworkVersion.class).setParameter("s", scope).getResultList());
    }

    /** A version's number, and its content from the cache: a cached version's JSON (58 KB shipped) is not read. */
    private Current current(EntityManager em, String versionId) {
        FrameworkContent cached = versions.getIfPresent(versionId);
        if (cached != null) {
            return new Current(versionId, em.createQuery("SELECT v.number FROM FrameworkVersion v WHERE v.id = :id",
                    Integer.class).setParameter("id", versionId).getSingleResult(), cached);
        }
        FrameworkVersion version = em.find(FrameworkVersion.class, versionId);
        FrameworkContent content = versions.get(versionId, id -> version.content());
        return new Current(versionId, version.number(), content);
    }

    private static String currentId(EntityManager em, String scope) {
        CourseFramework framework = em.find(CourseFramework.class, scope);
        return framework == null ? null : framework.currentVersionId();
    }
}
