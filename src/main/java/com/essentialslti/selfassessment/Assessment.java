package com.essentialslti.selfassessment;

import com.essentialslti.infra.Ids;
import com.essentialslti.selfassessment.framework.Competency;
import com.essentialslti.selfassessment.framework.FrameworkContent;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One learner's self-assessment at one link, against the framework version it was started with. Ratings are
 * saved as the learner goes; submitting turns it into a dated snapshot that never changes again (a second submit
 * changes nothing), and a retake is a new assessment.
 */
@Entity
@Table(name = "sa_assessment")
public class Assessment {

    public enum State { IN_PROGRESS, SUBMITTED }

    /** The assessment was submitted: it takes no more ratings. */
    public static final class Closed extends RuntimeException {
        Closed() {
            super("this self-assessment was submitted");
        }
    }

    /** A rating the framework does not allow, said in words for the learner. */
    public static final class NotARating extends RuntimeException {
        NotARating(String message) {
            super(message);
        }
    }

    /** Submitting needs every competency rated. */
    public static final class Incomplete extends RuntimeException {
        private final List<Competency> missing;

        Incomplete(List<Competency> missing) {
            super(missing.size() + " competencies are not rated yet");
            this.missing = List.copyOf(missing);
        }

        public List<Competency> missing() {
            return missing;
        }
    }

    /** A rating that leaves the level as it is (none yet, if none was chosen) and saves the note. */
    public static final int KEEP_LEVEL = 0;

    @Id
    private String id;
    @Column(name = "resource_link_id")
    private String resourceLinkId;
    @Column(name = "user_id")
    private String userId;
    private int number;
    @Column(name = "framework_version_id")
    private String frameworkVersionId;
    @Enumerated(EnumType.STRING)
    private State state;
    @Column(name = "started_at")
    private long startedAt;
    @Column(name = "submitted_at")
    private Long submittedAt;
    @Version
    @Column(name = "row_version")
    private long rowVersion;
    @OneToMany(mappedBy = "assessment", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    private List<Rating> ratings = new ArrayList<>();

    protected Assessment() {
    }

    static Assessment start(String resourceLinkId, String userId, int number, String frameworkVersionId,
                            Instant now) {
        Assessment assessment = new Assessment();
        assessment.id = Ids.timeOrdered();
        assessment.resourceLinkId = resourceLinkId;
        assessment.userId = userId;
        assessment.number = number;
        assessment.frameworkVersionId = frameworkVersionId;
        assessment.state = State.IN_PROGRESS;
        assessment.startedAt = now.toEpochMilli();
        return assessment;
    }

    /**
     * Rates one competency of this assessment's framework; rating it again replaces the level and the note. With
     * {@link #KEEP_LEVEL} only the note changes: a note written before choosing a level is kept, not lost. A null
     * note keeps the one saved (a page that no longer asks for notes does not wipe those written before).
     *
     * @throws Closed      after submission
     * @throws NotARating  for a competency the framework does not ask about, a level it does not offer, or a note
     *                     that is too long
     */
    void rate(FrameworkContent framework, String competencyKey, int level, String evidence, Instant now) {
        if (submitted()) {
            throw new Closed();
        }
        if (framework.inUse().stream().noneMatch(c -> c.key().equals(competencyKey))) {
            throw new NotARating("This self-assessment has no competency \"" + shorten(competencyKey) + "\".");
        }
        if (level != KEEP_LEVEL && !framework.offers(level)) {
            throw new NotARating("Choose one of the levels offered for each competency.");
        }
        String note = evidence == null ? null : evidence.strip();
        if (note != null && note.length() > Rating.MAX_EVIDENCE) {
            throw new NotARating("An evidence note is at most " + Rating.MAX_EVIDENCE + " characters; this one has "
                    + note.length() + ".");
        }
        Rating rating = ratings.stream().filter(r -> r.competencyKey().equals(competencyKey)).findFirst()
                .orElseGet(() -> {
                    Rating created = new Rating(this, competencyKey);
                    ratings.add(created);
                    return created;
                });
        rating.set(level == KEEP_LEVEL ? rating.level() : level,
                note != null ? note : rating.evidence() == null ? "" : rating.evidence(), now);
    }

    /**
     * Makes this assessment a snapshot, once; returns false when it already was one.
     *
     * @throws Incomplete when a competency of the framework is not rated
     */
    boolean submit(FrameworkContent framework, Instant now) {
        if (submitted()) {
            return false;
        }
        Map<String, Integer> levels = levels();
        List<Competency> missing = framework.inUse().stream().filter(c -> !levels.containsKey(c.key())).toList();
        if (!missing.isEmpty()) {
            throw new Incomplete(missing);
        }
        state = State.SUBMITTED;
        submittedAt = now.toEpochMilli();
        return true;
    }

    /** Levels by competency key. */
    public Map<String, Integer> levels() {
        Map<String, Integer> levels = new LinkedHashMap<>();
        ratings.stream().filter(r -> r.level() != KEEP_LEVEL).forEach(r -> levels.put(r.competencyKey(), r.level()));
        return levels;
    }

    /** Evidence notes by competency key (only the competencies that have one). */
    public Map<String, String> evidence() {
        Map<String, String> notes = new LinkedHashMap<>();
        ratings.stream().filter(r -> !r.evidence().isEmpty()).forEach(r -> notes.put(r.competencyKey(), r.evidence()));
        return notes;
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    public boolean submitted() {
        return state == State.SUBMITTED;
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

    public String frameworkVersionId() {
        return frameworkVersionId;
    }

    public Instant startedAt() {
        return Instant.ofEpochMilli(startedAt);
    }

    public Optional<Instant> submittedAt() {
        return Optional.ofNullable(submittedAt).map(Instant::ofEpochMilli);
    }
}
