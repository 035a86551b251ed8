package com.essentialslti.quiz;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One question of an attempt: the version given, the order its options were shown in, what the learner chose
 * (as indexes into the version's options, so that the display order never matters for scoring) and, once
 * submitted, the score it earned.
 */
@Embeddable
public class AttemptItem {

    @Column(name = "question_version_id")
    private String questionVersionId;
    @Column(name = "option_order")
    private String optionOrder;
    private String selected;
    private Double score;

    protected AttemptItem() {
    }

    AttemptItem(String questionVersionId, List<Integer> optionOrder) {
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
