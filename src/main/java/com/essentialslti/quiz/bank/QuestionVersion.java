package com.essentialslti.quiz.bank;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The wording, options and answers of a question at one moment. Never changed once written: editing a question
 * writes a new version, and attempts keep the version they were given, so a past result never changes.
 */
@Entity
@Table(name = "quiz_question_version")
public class QuestionVersion {

    @Id
    private String id;
    @Column(name = "question_id")
    private String questionId;
    private int version;
    @Enumerated(EnumType.STRING)
    @Column(name = "question_type")
    private QuestionType type;
    @Enumerated(EnumType.STRING)
    private Difficulty difficulty;
    private String text;
    @Column(name = "general_feedback")
    private String generalFeedback;
    /** The question's topic when this version was written: a past result names the topics it had then. */
    @Column(name = "topic_id")
    private String topicId;
    @Column(name = "created_at")
    private long createdAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "quiz_option", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "position")
    private List<AnswerOption> options = new ArrayList<>();

    protected QuestionVersion() {
    }

    QuestionVersion(String questionId, int version, Topic topic, QuestionContent content, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.questionId = questionId;
        this.version = version;
        this.topicId = topic == null ? null : topic.id();
        this.type = content.type();
        this.difficulty = content.difficulty();
        this.text = content.text();
        this.generalFeedback = content.generalFeedback();
        this.options = new ArrayList<>(content.options());
        this.createdAt = now.toEpochMilli();
    }

    /**
     * The share of the question's mark (0 to 1) that the chosen options earn. Without partial credit: all or
     * nothing. With it, a single-answer question gives the share of the one option chosen (the whole mark for the
     * correct one, Moodle's 50% for a half-right one, nothing for others); a multiple-answer question gives each
     * correct option ticked its share and takes an equal share of the rest away for each wrong one ticked, never
     * below zero (so ticking everything earns nothing). True or false is always all or nothing.
     */
    public double score(Set<Integer> chosen, boolean partialCredit) {
        Set<Integer> correct = correctOptions();
        if (chosen.equals(correct)) {
            return 1.0;
        }
        if (!partialCredit || type == QuestionType.TRUE_FALSE) {
            return 0.0;
        }
        if (type == QuestionType.SINGLE) {
            return chosen.size() == 1 && validIndex(chosen.iterator().next())
                    ? options.get(chosen.iterator().next()).credit() : 0.0;
        }
        long right = chosen.stream().filter(correct::contains).count();
        long wrong = chosen.stream().filter(i -> validIndex(i) && !correct.contains(i)).count();
        int incorrectOptions = options.size() - correct.size();
        double earned = (double) right / correct.size()
                - (incorrectOptions == 0 ? 0 : (double) wrong / incorrectOptions);
        return Math.max(0.0, Math.min(1.0, earned));
    }

    private boolean validIndex(Integer i) {
        return i != null && i >= 0 && i < options.size();
    }

    public Set<Integer> correctOptions() {
        Set<Integer> correct = new java.util.TreeSet<>();
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).correct()) {
                correct.add(i);
            }
        }
        return correct;
    }

    public QuestionContent content() {
        return new QuestionContent(type, difficulty, text, List.copyOf(options), generalFeedback);
    }

    public String topicId() {
        return topicId;
    }

    public String id() {
        return id;
    }

    public String questionId() {
        return questionId;
    }

    public int version() {
        return version;
    }

    public QuestionType type() {
        return type;
    }

    public Difficulty difficulty() {
        return difficulty;
    }

    public String text() {
        return text;
    }

    /** What every learner sees after submitting, whatever they chose; "" when the trainer wrote none. */
    public String generalFeedback() {
        return generalFeedback == null ? "" : generalFeedback;
    }

    public List<AnswerOption> options() {
        return List.copyOf(options);
    }
}
