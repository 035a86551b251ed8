package com.essentialslti.grading;

import com.essentialslti.course.ResourceLink;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Puts scores in the outbox, inside the caller's transaction. Per learner and link only the newest score is
 * sent: older ones still waiting are superseded. Timestamps rise by at least one whole second per learner and
 * link, because Moodle compares them at one-second resolution and refuses an equal one with 409.
 */
public final class GradeOutbox {

    private GradeOutbox() {
    }

    /**
     * Locks the learner's open scores first, as {@link #sendAgain} locks the one it sends again: when a trainer
     * sends a parked score again while the learner's new result is being queued, one waits for the other. Either the
     * new score supersedes the one sent again, with a newer timestamp than that one was given, or the parked score
     * is already superseded when "send again" reads it, and stays so.
     */
    public static OutboxScore enqueue(EntityManager em, ScoreToSend score, Instant now) {
        em.createQuery("SELECT o FROM OutboxScore o WHERE o.resourceLinkId = :l AND o.userId = :u "
                        + "AND o.state IN :open", OutboxScore.class)
                .setParameter("l", score.resourceLinkId())
                .setParameter("u", score.userId())
                .setParameter("open", List.of(OutboxScore.State.WAITING, OutboxScore.State.PARKED))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(OutboxScore::superseded);
        Instant timestamp = nextTimestamp(em, score.resourceLinkId(), score.userId(), now);
        OutboxScore queued = new OutboxScore(score, timestamp, now);
        em.persist(queued);
        return queued;
    }

    /**
     * Takes a due score for one sender until {@code leaseEnd}, with one conditional UPDATE: of all the senders of
     * every tool process sharing the database, exactly one takes it (the others' UPDATE finds it no longer due).
     * The lease is kept in {@code next_try_at}: the score stays waiting, so if its sender dies, any relay sends it
     * once the lease has run out. The sender's outcome replaces the lease ({@link OutboxScore#claimedUntil}).
     */
    public static boolean claim(EntityManager em, String outboxId, Instant now, Instant leaseEnd) {
        return em.createQuery("UPDATE OutboxScore o SET o.nextTryAt = :leaseEnd WHERE o.id = :id "
                        + "AND o.state = :waiting AND o.nextTryAt <= :now")
                .setParameter("leaseEnd", leaseEnd.toEpochMilli())
                .setParameter("id", outboxId)
                .setParameter("waiting", OutboxScore.State.WAITING)
                .setParameter("now", now.toEpochMilli())
                .executeUpdate() == 1;
    }

    /**
     * Parks, unsent, every waiting score of a registration that no longer takes them, with the reason; returns how
     * many. Locked as {@link #enqueue} locks, so that a score being superseded or sent again waits for this.
     */
    public static int parkWaitingOf(EntityManager em, String registrationId, String reason) {
        List<OutboxScore> waiting = em.createQuery("SELECT o FROM OutboxScore o WHERE o.registrationId = :r "
                        + "AND o.state = :waiting", OutboxScore.class)
                .setParameter("r", registrationId)
                .setParameter("waiting", OutboxScore.State.WAITING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        waiting.forEach(score -> score.parkedUnsent(reason));
        return waiting.size();
    }

    /** The trainer's "send again": a parked score of this link back in line (false when it is none). */
    public static boolean sendAgain(EntityManager em, String outboxId, String resourceLinkId, Instant now) {
        return sendAgain(em, outboxId, now, parked -> parked.resourceLinkId().equals(resourceLinkId)).isPresent();
    }

    /** The operator's "send again": any parked score back in line; empty when there is no such parked score. */
    public static Optional<OutboxScore> sendAgain(EntityManager em, String outboxId, Instant now) {
        return sendAgain(em, outboxId, now, parked -> true);
    }

    /**
     * Waits again with a timestamp newer than any sent for its learner at its link. A parked score is always its
     * learner's newest there: a newer one supersedes it.
     */
    private static Optional<OutboxScore> sendAgain(EntityManager em, String outboxId, Instant now,
                                                   Predicate<OutboxScore> allowed) {
        OutboxScore parked = outboxId == null ? null
                : em.find(OutboxScore.class, outboxId, LockModeType.PESSIMISTIC_WRITE); // see enqueue
        if (parked == null || parked.state() != OutboxScore.State.PARKED || !allowed.test(parked)) {
            return Optional.empty();
        }
        ResourceLink link = em.find(ResourceLink.class, parked.resourceLinkId());
        parked.sendAgain(nextTimestamp(em, parked.resourceLinkId(), parked.userId(), now), now,
                link == null ? Optional.empty() : link.gradeService());
        return Optional.of(parked);
    }

    /** Now in whole seconds, or one second after this learner's newest timestamp at this link if now is not later. */
    private static Instant nextTimestamp(EntityManager em, String resourceLinkId, String userId, Instant now) {
        Long newest = em.createQuery("SELECT MAX(o.scoreTimestamp) FROM OutboxScore o WHERE o.resourceLinkId = :l "
                        + "AND o.userId = :u", Long.class)
                .setParameter("l", resourceLinkId)
                .setParameter("u", userId)
                .getSingleResult();
        Instant timestamp = now.truncatedTo(ChronoUnit.SECONDS);
        if (newest == null) {
            return timestamp;
        }
        Instant latest = Instant.ofEpochMilli(newest).truncatedTo(ChronoUnit.SECONDS);
        return timestamp.isAfter(latest) ? timestamp : latest.plusSeconds(1);
    }

    /** The newest score of each learner at a link, by the learner's user id (results list, regrading). */
    public static Map<String, OutboxScore> latestAt(EntityManager em, String resourceLinkId) {
        Map<String, OutboxScore> newest = new java.util.LinkedHashMap<>();
        em.createQuery("SELECT o FROM OutboxScore o WHERE o.resourceLinkId = :l AND o.state <> :s "
                        + "ORDER BY o.scoreTimestamp DESC", OutboxScore.class)
                .setParameter("l", resourceLinkId)
                .setParameter("s", OutboxScore.State.SUPERSEDED)
                .getResultList()
                .forEach(score -> newest.putIfAbsent(score.userId(), score));
        return newest;
    }

    /** The learner's newest score at a link that was not superseded; empty when none was queued there. */
    public static Optional<OutboxScore> latestOf(EntityManager em, String resourceLinkId, String userId) {
        return em.createQuery("SELECT o FROM OutboxScore o WHERE o.resourceLinkId = :l AND o.userId = :u "
                        + "AND o.state <> :s ORDER BY o.scoreTimestamp DESC", OutboxScore.class)
                .setParameter("l", resourceLinkId)
                .setParameter("u", userId)
                .setParameter("s", OutboxScore.State.SUPERSEDED)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** Parked scores for the operator, newest first, with the links they were given at (by id). */
    public record Parked(List<OutboxScore> scores, Map<String, ResourceLink> links, boolean truncated) {

        public Optional<ResourceLink> link(OutboxScore score) {
            return Optional.ofNullable(links.get(score.resourceLinkId()));
        }
    }

    /** The newest {@code max} parked scores of every platform and link; {@code truncated} when there are more. */
    public static Parked parked(EntityManager em, int max) {
        List<OutboxScore> found = em.createQuery("SELECT o FROM OutboxScore o WHERE o.state = :s "
                        + "ORDER BY o.scoreTimestamp DESC, o.id", OutboxScore.class)
                .setParameter("s", OutboxScore.State.PARKED)
                .setMaxResults(max + 1)
                .getResultList();
        List<OutboxScore> scores = List.copyOf(found.subList(0, Math.min(max, found.size())));
        Set<String> linkIds = scores.stream().map(OutboxScore::resourceLinkId).collect(Collectors.toSet());
        Map<String, ResourceLink> links = linkIds.isEmpty() ? Map.of() : em.createQuery("SELECT l FROM ResourceLink l "
                        + "LEFT JOIN FETCH l.course WHERE l.id IN :ids", ResourceLink.class)
                .setParameter("ids", linkIds)
                .getResultStream()
                .collect(Collectors.toMap(ResourceLink::id, Function.identity()));
        return new Parked(scores, links, found.size() > max);
    }
}
