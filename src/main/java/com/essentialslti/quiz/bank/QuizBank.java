package com.essentialslti.quiz.bank;

import com.essentialslti.infra.KeyedLocks;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A course's question bank. It starts as a copy of the {@link DefaultBank} the first time the quiz is used in the
 * course, so that a trainer's edits stay in their course.
 */
public final class QuizBank {

    private static volatile DefaultBank shipped;
    /** One seeding per bank at a time in this process: the others wait for it and then find the bank seeded. */
    private static final KeyedLocks SEEDING = new KeyedLocks(64);

    private QuizBank() {
    }

    /**
     * Seeds the bank in a transaction of its own, once: concurrent first attempts in a new course wait for the
     * one that seeds (in another process, the unique topic key makes all but one fail, and they retry).
     */
    public static void ensureSeeded(com.essentialslti.infra.Database database, String bankScope, Instant now) {
        if (seeded(database, bankScope)) {
            return;
        }
        synchronized (SEEDING.of(bankScope)) {
            database.transactionRetryingOnce(em -> {
                ensureSeeded(em, bankScope, now);
                return null;
            });
        }
    }

    private static boolean seeded(com.essentialslti.infra.Database database, String bankScope) {
        return database.read(em -> em.createQuery("SELECT COUNT(t) FROM Topic t WHERE t.bankScope = :s", Long.class)
                .setParameter("s", bankScope)
                .getSingleResult()) > 0;
    }

    static void ensureSeeded(EntityManager em, String bankScope, Instant now) {
        Long topics = em.createQuery("SELECT COUNT(t) FROM Topic t WHERE t.bankScope = :s", Long.class)
                .setParameter("s", bankScope)
                .getSingleResult();
        if (topics > 0) {
            return;
        }
        DefaultBank bank = shipped();
        Map<String, Topic> byKey = bank.topics().stream()
                .map(seed -> new Topic(bankScope, seed.key(), seed.name(), seed.advice()))
                .collect(Collectors.toMap(Topic::key, Function.identity()));
        byKey.values().forEach(em::persist);
        em.flush(); // the topics before the versions that keep their ids
        for (DefaultBank.QuestionSeed seed : bank.questions()) {
            Question question = new Question(bankScope, byKey.get(seed.topicKey()), seed.key(), seed.content(), now);
            em.persist(question.current());
            em.persist(question);
        }
    }

    private static DefaultBank shipped() {
        DefaultBank bank = shipped;
        if (bank == null) {
            bank = DefaultBank.load();
            shipped = bank;
        }
        return bank;
    }

    /**
     * The bank's questions as the draw needs them (which leaves out the retired ones): one row each, without the
     * versions' options, which only the drawn questions need.
     */
    public static List<QuestionDraw.Candidate> candidates(EntityManager em, String bankScope) {
        return em.createQuery("SELECT q.current.id, q.topic.key, q.retired FROM Question q WHERE q.bankScope = :s",
                        Object[].class)
                .setParameter("s", bankScope)
                .getResultList().stream()
                .map(row -> new QuestionDraw.Candidate((String) row[0], (String) row[1], (Boolean) row[2]))
                .toList();
    }

    public static Map<String, QuestionVersion> versions(EntityManager em, Collection<String> ids) {
        // Each version's options come in a query of their own: EclipseLink 4.0 breaks on a later flush when an
        // element collection of embeddables is join- or batch-fetched.
        return em.createQuery("SELECT v FROM QuestionVersion v WHERE v.id IN :ids", QuestionVersion.class)
                .setParameter("ids", List.copyOf(ids))
                .getResultList().stream()
                .collect(Collectors.toMap(QuestionVersion::id, Function.identity()));
    }

    /** The topics, by id, that these versions were written under, for feedback by topic. */
    public static Map<String, Topic> topicsOf(EntityManager em, Collection<QuestionVersion> versions) {
        List<String> ids = versions.stream().map(QuestionVersion::topicId).filter(java.util.Objects::nonNull)
                .distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT t FROM Topic t WHERE t.id IN :ids", Topic.class)
                .setParameter("ids", ids)
                .getResultList().stream()
                .collect(Collectors.toMap(Topic::id, Function.identity()));
    }
}
