package com.essentialslti.quiz;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One question of an attempt: the version given, the order its options were shown in, what the learner chose
 * (as indexes into the version's options, so that the display order never matters for scoring) and, once
 * submitted, the score it earned.
 *
 * <p>An entity of its own, not an element collection, so that saving an answer updates its one row in place;
 * an element collection deletes and inserts the row again, which costs every answer three more index writes.
 */
@Entity
@Table(name = "quiz_attempt_item")
@IdClass(AttemptItem.Key.class)
public class AttemptItem {

    /** An item is its attempt's question at a position. */
    public static class Key implements Serializable {
        private String attempt;
        private int position;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.position == position && Objects.equals(key.attempt, attempt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(attempt, position);
        }
    }

    @Id
    @ManyToOne
    @JoinColumn(name = "attempt_id")
    private Attempt attempt;
    @Id
    private int position;
    @Column(name = "question_version_id")
    private String questionVersionId;
    @Column(name = "option_order")
    private String optionOrder;
    private String selected;
    private Double score;

    protected AttemptItem() {
    }

    AttemptItem(Attempt attempt, int position, String questionVersionId, List<Integer> optionOrder) {
        this.attempt = attempt;
        this.position = position;
        this.questionVersionId = questionVersionId;
        this.optionOrder = optionOrder.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    public String questionVersionId() {
        return questionVersionId;
    }

    /** The version's option indexes in the order the learner sees them. */
    public List<Integer> optionOrder() {
        return Arrays.stream(optionOrder.split(",")).map(Integer::valueOf).toList();
    }

    /** The chosen options, as indexes into the version's options. */
    public Set<Integer> chosen() {
        if (selected == null || selected.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(selected.split(",")).map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    public boolean answered() {
        return selected != null && !selected.isEmpty();
    }

    void choose(Set<Integer> optionIndexes) {
        selected = new TreeSet<>(optionIndexes).stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    void scored(double value) {
        score = value;
    }

    public Double score() {
        return score;
    }
}
