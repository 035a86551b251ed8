package com.essentialslti.quiz;

import com.essentialslti.infra.Ids;
import com.essentialslti.quiz.bank.QuestionType;
import com.essentialslti.quiz.bank.QuestionVersion;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One learner's attempt at the quiz of one link. Answers are saved one question at a time while it is in
 * progress; submitting scores it once (a second submit changes nothing); after its deadline it takes no more
 * answers, and what was saved is what gets submitted.
 */
@Entity
@Table(name = "quiz_attempt")
public class Attempt {

    public enum State { IN_PROGRESS, SUBMITTED }

    /** The attempt no longer takes answers. */
    public static final class Closed extends RuntimeException {
        Closed(String message) {
            super(message);
        }
    }

    @Id
    private String id;
    @Column(name = "resource_link_id")
    private String resourceLinkId;
    @Column(name = "user_id")
    private String userId;
    private int number;
    @Enumerated(EnumType.STRING)
    private State state;
    @Column(name = "started_at")
    private long startedAt;
    @Column(name = "deadline_at")
    private Long deadlineAt;
    @Column(name = "submitted_at")
    private Long submittedAt;
    private Double score;
    @Version
    @Column(name = "row_version")
    private long rowVersion;
    @OneToMany(mappedBy = "attempt", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("position")
    private List<AttemptItem> items = new ArrayList<>();

    protected Attempt() {
    }

    static Attempt start(String resourceLinkId, String userId, int number, List<QuestionVersion> drawn,
                         boolean shuffleOptions, Optional<Duration> timeLimit, Optional<Instant> closeAt,
                         Random random, Instant now) {
        if (drawn.isEmpty()) {
            throw new IllegalArgumentException("an attempt needs at least one question");
        }
        Attempt attempt = new Attempt();
        attempt.id = Ids.timeOrdered();
        attempt.resourceLinkId = resourceLinkId;
        attempt.userId = userId;
        attempt.number = number;
        attempt.state = State.IN_PROGRESS;
        attempt.startedAt = now.toEpochMilli();
        attempt.keepTo(timeLimit, closeAt, now);
        for (QuestionVersion version : drawn) {
            List<Integer> order = IntStream.range(0, version.options().size()).boxed()
                    .collect(Collectors.toCollection(ArrayList::new));
            // True/false keeps "True" before "False": shuffling two fixed words only confuses.
            if (shuffleOptions && version.type() != QuestionType.TRUE_FALSE) {
                Collections.shuffle(order, random);
            }
            attempt.items.add(new AttemptItem(attempt, attempt.items.size(), version.id(), order));
        }
        return attempt;
    }

    /**
     * Saves the answer to one question, given as positions in the order the learner saw the options.
     *
     * @throws Closed when the attempt was submitted or its time is up
     */
    void answer(int position, Set<Integer> shownPositions, Instant now) {
        if (state == State.SUBMITTED) {
            throw new Closed("This attempt has been submitted.");
        }
        if (overdue(now)) {
            throw new Closed("The time for this attempt is up.");
        }
        AttemptItem item = item(position);
        List<Integer> order = item.optionOrder();
        Set<Integer> chosen = shownPositions.stream()
                .filter(p -> p >= 0 && p < order.size())
                .map(order::get)
                .collect(Collectors.toSet());
        item.choose(chosen);
    }

    /**
     * Scores the attempt from the saved answers. Returns false, and changes nothing, when it was already
     * submitted: a double click, a second tab or a replayed request gives the one result.
     */
    boolean submit(Map<String, QuestionVersion> versions, boolean partialCredit, Instant now) {
        if (state == State.SUBMITTED) {
            return false;
        }
        double total = 0;
        for (AttemptItem item : items) {
            QuestionVersion version = versions.get(item.questionVersionId());
            double earned = version.score(item.chosen(), partialCredit);
            item.scored(earned);
            total += earned;
        }
        score = total / items.size();
        state = State.SUBMITTED;
        long at = now.toEpochMilli();
        submittedAt = deadlineAt == null ? at : Math.min(at, deadlineAt);
        return true;
    }

    /**
     * Sets the deadline from the quiz's settings, at the start and whenever the trainer changes them: the time limit
     * from the start, or the close date if it comes first (as in Moodle, an attempt in progress when the quiz
     * closes is submitted with what was saved). A submitted attempt keeps what it had. A deadline that the change
     * puts in the past is now: the attempt ends when the trainer changed it, not before answers it already took.
     */
    void keepTo(Optional<Duration> timeLimit, Optional<Instant> closeAt, Instant now) {
        if (submitted()) {
            return;
        }
        Instant started = startedAt();
        deadlineAt = Stream.of(timeLimit.map(started::plus), closeAt)
                .flatMap(Optional::stream).min(Instant::compareTo)
                .map(deadline -> deadline.isBefore(now) ? now : deadline)
                .map(Instant::toEpochMilli).orElse(null);
    }

    public boolean overdue(Instant now) {
        return deadlineAt != null && now.toEpochMilli() >= deadlineAt;
    }

    public AttemptItem item(int position) {
        if (position < 0 || position >= items.size()) {
            throw new IllegalArgumentException("no question " + (position + 1) + " in this attempt");
        }
        return items.get(position);
    }

    public List<AttemptItem> items() {
        return List.copyOf(items);
    }

    public String id() {
        return id;
    }

    public String resourceLinkId() {
        return resourceLinkId;
    }

    public String userId() {
        return userId;
    }

    public int number() {
        return number;
    }

    public State state() {
        return state;
    }

    public boolean submitted() {
        return state == State.SUBMITTED;
    }

    public Instant startedAt() {
        return Instant.ofEpochMilli(startedAt);
    }

    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadlineAt).map(Instant::ofEpochMilli);
    }

    public Optional<Instant> submittedAt() {
        return Optional.ofNullable(submittedAt).map(Instant::ofEpochMilli);
    }

    /** The share of the marks earned (0 to 1), once submitted. */
    public Optional<Double> score() {
        return Optional.ofNullable(score);
    }
}
