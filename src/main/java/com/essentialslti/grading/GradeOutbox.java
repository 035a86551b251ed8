package com.essentialslti.grading;

import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Puts scores in the outbox, inside the caller's transaction. Per learner and link only the newest score is
 * sent: older ones still waiting are superseded. Timestamps rise by at least one whole second per learner and
 * link, because Moodle compares them at one-second resolution and refuses an equal one with 409.
 */
public final class GradeOutbox {

    private GradeOutbox() {
    }

    public static OutboxScore enqueue(EntityManager em, ScoreToSend score, Instant now) {
        Instant timestamp = nextTimestamp(em, score.resourceLinkId(), score.userId(), now);
        em.createQuery("SELECT o FROM OutboxScore o WHERE o.resourceLinkId = :l AND o.userId = :u "
                        + "AND o.state IN :open", OutboxScore.class)
                .setParameter("l", score.resourceLinkId())
                .setParameter("u", score.userId())
                .setParameter("open", List.of(OutboxScore.State.WAITING, OutboxScore.State.PARKED))
                .getResultList()
                .forEach(OutboxScore::superseded);
        OutboxScore queued = new OutboxScore(score, timestamp, now);
        em.persist(queued);
        return queued;
    }

    /** Puts a parked score of this link back in line, with a timestamp newer than any sent for its learner. */
    public static boolean sendAgain(EntityManager em, String outboxId, String resourceLinkId, Instant now) {
        OutboxScore parked = em.find(OutboxScore.class, outboxId);
        if (parked == null || !parked.resourceLinkId().equals(resourceLinkId)
                || parked.state() != OutboxScore.State.PARKED) {
            return false;
        }
        parked.sendAgain(nextTimestamp(em, resourceLinkId, parked.userId(), now), now);
        return true;
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

    /** The newest score of each learner at a link, for the trainer's results list. */
    public static List<OutboxScore> latestAt(EntityManager em, String resourceLinkId) {
        return em.createQuery("SELECT o FROM OutboxScore o WHERE o.resourceLinkId = :l AND o.state <> :s "
                        + "ORDER BY o.scoreTimestamp DESC", OutboxScore.class)
                .setParameter("l", resourceLinkId)
                .setParameter("s", OutboxScore.State.SUPERSEDED)
                .getResultList();
    }
}
