package com.essentialslti.grading;

import com.essentialslti.course.ResourceLink;
import com.essentialslti.infra.Database;
import com.essentialslti.lti.registration.Registration;
import com.essentialslti.lti.registration.Registrations;
import com.essentialslti.lti.services.Delivery;
import com.essentialslti.lti.services.GradeService;
import com.essentialslti.lti.services.LineItemSpec;
import com.essentialslti.lti.services.Score;
import com.essentialslti.lti.services.ServiceFailure;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Delivers the outbox to the platforms' gradebooks (Assignment and Grade Services 2.0 §3.4, scores). Waiting
 * scores are sent as soon as they are queued ({@link #wake()}), several at a time; a failure worth retrying (the
 * platform down, 5xx, a timeout) waits with exponential backoff and jitter; a refusal for good (400, 403, 404) is
 * parked with the platform's answer. The outbox is in the database, so all of this survives a restart.
 *
 * <p>A 409 means the platform already holds a score with this timestamp or a later one (Moodle compares at
 * one-second resolution). Timestamps only rise per learner and link, so that is this very score, sent before a
 * crash or a lost answer: it counts as delivered.
 */
public final class ScoreRelay {

    private static final Logger LOG = Logger.getLogger(ScoreRelay.class.getName());
    static final int BATCH = 200;
    /** The line item a tool-created column gets, so that the tool finds it again. */
    static final String RESOURCE_ID = "essentials-readiness-quiz";
    static final String TAG = "essentials-readiness";

    private final Database database;
    private final Registrations registrations;
    private final GradeService grades;
    private final Clock clock;
    private final ExecutorService senders;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private boolean woken;

    public ScoreRelay(Database database, Registrations registrations, GradeService grades, Clock clock,
                      ExecutorService senders, Duration firstRetry, Duration maxRetry) {
        this.database = database;
        this.registrations = registrations;
        this.grades = grades;
        this.clock = clock;
        this.senders = senders;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    /** A score was queued: deliver now rather than at the next poll. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            queued.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The relay's loop: deliver what is due, then sleep until woken or until {@code poll} has passed. */
    public void run(Duration poll) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                while (deliverDue() == BATCH) {
                    // a full batch: more may be due at once
                }
            } catch (RuntimeException e) {
                LOG.warning("event=grades.relay.failed reason=\"" + e + "\"");
            }
            lock.lock();
            try {
                if (!woken) {
                    queued.await(poll.toMillis(), TimeUnit.MILLISECONDS);
                }
                woken = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Sends every score that is due now; returns how many it tried. */
    public int deliverDue() {
        Instant now = clock.instant();
        List<String> due = database.read(em -> em.createQuery("SELECT o.id FROM OutboxScore o WHERE o.state = :s "
                        + "AND o.nextTryAt <= :now ORDER BY o.nextTryAt", String.class)
                .setParameter("s", OutboxScore.State.WAITING)
                .setParameter("now", now.toEpochMilli())
                .setMaxResults(BATCH)
                .getResultList());
        List<Future<?>> sending = new ArrayList<>();
        for (String id : due) {
            sending.add(senders.submit(() -> deliver(id)));
        }
        for (Future<?> each : sending) {
            try {
                each.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warning("event=grades.delivery.failed reason=\"" + e.getCause() + "\"");
            }
        }
        return due.size();
    }

    private void deliver(String id) {
        OutboxScore score = database.read(em -> em.find(OutboxScore.class, id));
        if (score == null || score.state() != OutboxScore.State.WAITING) {
            return;
        }
        Optional<Registration> registration = registrations.byId(score.registrationId());
        if (registration.isEmpty()) {
            record(id, s -> s.parked(0, "The platform's registration is gone from the tool."));
            return;
        }
        try {
            URI lineItem = lineItem(registration.get(), score);
            Delivery delivery = grades.postScore(registration.get(), lineItem, Score.graded(score.subject(),
                    score.scoreGiven(), score.scoreMaximum(), score.timestamp()));
            switch (delivery.outcome()) {
                case DELIVERED -> record(id, s -> s.delivered(delivery.status(), clock.instant()));
                case CONFLICT -> record(id, s -> s.delivered(delivery.status(), clock.instant()));
                case RETRYABLE -> record(id, s -> s.retryLater(delivery.status(), delivery.answer(),
                        backoff(s.tries()), clock.instant()));
                case REFUSED -> record(id, s -> s.parked(delivery.status(), delivery.answer()));
            }
            LOG.info("event=grades.delivery id=" + id + " status=" + delivery.status() + " outcome="
                    + delivery.outcome());
        } catch (ServiceFailure failure) {
            if (failure.retryable()) {
                record(id, s -> s.retryLater(failure.status() == 0 ? null : failure.status(), failure.answer(),
                        backoff(s.tries()), clock.instant()));
            } else {
                record(id, s -> s.parked(failure.status(), failure.answer()));
            }
            LOG.info("event=grades.delivery id=" + id + " status=" + failure.status() + " retryable="
                    + failure.retryable());
        }
    }

    /** The launch's line item, or the one found or created for the link (kept on the score for its retries). */
    private URI lineItem(Registration registration, OutboxScore score) throws ServiceFailure {
        if (score.lineItemUrl().isPresent()) {
            return URI.create(score.lineItemUrl().get());
        }
        String platformLinkId = database.read(em -> em.find(ResourceLink.class, score.resourceLinkId()).linkId());
        URI found = grades.findOrCreateLineItem(registration, URI.create(score.lineItemsUrl().orElseThrow()),
                new LineItemSpec(platformLinkId, RESOURCE_ID, TAG, score.label(), score.scoreMaximum()));
        record(score.id(), s -> s.lineItemResolved(found.toString()));
        return found;
    }

    /** Exponential backoff from {@code firstRetry}, capped at {@code maxRetry}, with jitter (50 to 100 %). */
    Duration backoff(int triesSoFar) {
        long base = firstRetry.toMillis() << Math.min(triesSoFar, 20);
        long capped = Math.min(base, maxRetry.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private void record(String id, java.util.function.Consumer<OutboxScore> change) {
        database.transact(em -> {
            OutboxScore score = em.find(OutboxScore.class, id);
            if (score != null) {
                change.accept(score);
            }
        });
    }
}
