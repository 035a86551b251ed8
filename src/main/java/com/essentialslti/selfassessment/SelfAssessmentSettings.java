package com.essentialslti.selfassessment;

import com.essentialslti.selfassessment.framework.FrameworkContent;
import com.essentialslti.selfassessment.framework.TargetProfile;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A trainer's settings for the self-assessment at one link; the defaults suit a first run. */
@Entity
@Table(name = "sa_settings")
public class SelfAssessmentSettings {

    public static final int UNLIMITED = -1;
    public static final int MAX_RETAKES = 50;
    public static final int MAX_DAYS_BETWEEN = 365;
    /** The target key that means "the trainer's own levels for this link". */
    public static final String CUSTOM_TARGET = "custom";

    /** What a submitted self-assessment sends to the gradebook. */
    public enum Grading {
        NONE("No grade"),
        COMPLETION("Completion: 100 when a self-assessment is submitted");

        private final String label;

        Grading(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @Column(name = "resource_link_id")
    private String resourceLinkId;
    @Column(name = "target_key")
    private String targetKey = "aspiring";
    @Column(name = "custom_target")
    private String customTarget;
    @Column(name = "retakes_allowed")
    private int retakesAllowed = UNLIMITED;
    @Column(name = "min_days_between")
    private int minDaysBetween = 0;
    @Column(name = "ask_evidence")
    private boolean askEvidence = true;
    @Enumerated(EnumType.STRING)
    private Grading grading = Grading.COMPLETION;
    @Column(name = "updated_at")
    private long updatedAt;

    protected SelfAssessmentSettings() {
    }

    static SelfAssessmentSettings defaultsFor(String resourceLinkId, Instant now) {
        SelfAssessmentSettings settings = new SelfAssessmentSettings();
        settings.resourceLinkId = resourceLinkId;
        settings.updatedAt = now.toEpochMilli();
        return settings;
    }

    /** All settings, as the trainer's form submits them; {@code customTarget} only for {@link #CUSTOM_TARGET}. */
    public record Values(String targetKey, Map<String, Integer> customTarget, int retakesAllowed,
                         int minDaysBetween, boolean askEvidence, Grading grading) {

        public Values {
            customTarget = Map.copyOf(customTarget);
        }
    }

    /** Changes every setting at once, refusing values that make no sense for this framework. */
    void change(Values values, FrameworkContent framework, Instant now) {
        if (values.retakesAllowed() != UNLIMITED
                && (values.retakesAllowed() < 0 || values.retakesAllowed() > MAX_RETAKES)) {
            throw new IllegalArgumentException("Retakes allowed must be between 0 and " + MAX_RETAKES
                    + ", or unlimited.");
        }
        if (values.minDaysBetween() < 0 || values.minDaysBetween() > MAX_DAYS_BETWEEN) {
            throw new IllegalArgumentException("Days between self-assessments must be between 0 and "
                    + MAX_DAYS_BETWEEN + ".");
        }
        if (values.grading() == null) {
            throw new IllegalArgumentException("Grade: choose one of the options offered.");
        }
        String chosen = values.targetKey();
        if (CUSTOM_TARGET.equals(chosen)) {
            values.customTarget().forEach((competency, level) -> {
                if (framework.competency(competency).isEmpty()) {
                    throw new IllegalArgumentException("The target names a competency the framework does not have.");
                }
                if (!framework.offers(level)) {
                    throw new IllegalArgumentException("A target level must be one of the scale's levels.");
                }
            });
            customTarget = JSONObjectUtils.toJSONString(new LinkedHashMap<>(values.customTarget()));
        } else if (chosen == null || framework.target(chosen).isEmpty()) {
            throw new IllegalArgumentException("Target profile: choose one of the profiles offered.");
        }
        targetKey = chosen;
        retakesAllowed = values.retakesAllowed();
        minDaysBetween = values.minDaysBetween();
        askEvidence = values.askEvidence();
        grading = values.grading();
        updatedAt = now.toEpochMilli();
    }

    public Values values() {
        return new Values(targetKey, customLevels(), retakesAllowed, minDaysBetween, askEvidence, grading);
    }

    /**
     * The level the link's target sets for each competency of this framework. A profile the framework no longer
     * has (an import replaced it) falls back to the framework's first one; none at all means no target.
     */
    public Map<String, Integer> targetIn(FrameworkContent framework) {
        if (CUSTOM_TARGET.equals(targetKey)) {
            Map<String, Integer> levels = new LinkedHashMap<>();
            customLevels().forEach((competency, level) -> {
                if (framework.competency(competency).isPresent() && framework.offers(level)) {
                    levels.put(competency, level);
                }
            });
            return levels;
        }
        return framework.target(targetKey).or(() -> framework.targets().stream().findFirst())
                .map(TargetProfile::levels).orElse(Map.of());
    }

    /** The name of the target in words, for the pages. */
    public String targetName(FrameworkContent framework) {
        if (CUSTOM_TARGET.equals(targetKey)) {
            return "the trainer's own target";
        }
        return framework.target(targetKey).or(() -> framework.targets().stream().findFirst())
                .map(TargetProfile::name).orElse("no target");
    }

    private Map<String, Integer> customLevels() {
        if (customTarget == null) {
            return Map.of();
        }
        try {
            Map<String, Integer> levels = new LinkedHashMap<>();
            JSONObjectUtils.parse(customTarget).forEach((k, v) -> levels.put(k, ((Number) v).intValue()));
            return levels;
        } catch (ParseException | ClassCastException e) {
            return Map.of();
        }
    }

    /**
     * Whether a learner who has submitted these snapshots (oldest first) may start another now, and if not, why
     * in words; empty when they may.
     */
    public Optional<String> whyNoNewAssessment(List<Instant> submitted, Instant now) {
        if (submitted.isEmpty()) {
            return Optional.empty();
        }
        if (retakesAllowed != UNLIMITED && submitted.size() > retakesAllowed) {
            return Optional.of(retakesAllowed == 0 ? "This self-assessment is taken once."
                    : "You have taken this self-assessment " + submitted.size() + " times, as many as your trainer "
                    + "allows.");
        }
        Instant next = submitted.get(submitted.size() - 1).plus(Duration.ofDays(minDaysBetween));
        if (now.isBefore(next)) {
            return Optional.of("You can take it again from " + Dates.DAY.format(next) + ".");
        }
        return Optional.empty();
    }

    public boolean askEvidence() {
        return askEvidence;
    }

    public Grading grading() {
        return grading;
    }

    public int retakesAllowed() {
        return retakesAllowed;
    }

    public int minDaysBetween() {
        return minDaysBetween;
    }

    public String targetKey() {
        return targetKey;
    }
}
