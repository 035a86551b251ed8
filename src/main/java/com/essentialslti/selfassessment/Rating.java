package com.essentialslti.selfassessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A learner's rating of one competency in one assessment: the level whose behaviour they recognise in themselves,
 * and an optional note of when they showed it. An entity of its own, so that rating again updates one row.
 */
@Entity
@Table(name = "sa_rating")
@IdClass(Rating.Key.class)
public class Rating {

    public static final int MAX_EVIDENCE = 1000;

    /** A rating is its assessment's rating of one competency. */
    public static class Key implements Serializable {
        private String assessment;
        private String competencyKey;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(key.assessment, assessment)
                    && Objects.equals(key.competencyKey, competencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(assessment, competencyKey);
        }
    }

    @Id
    @ManyToOne
    @JoinColumn(name = "assessment_id")
    private Assessment assessment;
    @Id
    @Column(name = "competency_key")
    private String competencyKey;
    @Column(name = "rated_level")
    private int level;
    private String evidence;
    @Column(name = "rated_at")
    private long ratedAt;

    protected Rating() {
    }

    Rating(Assessment assessment, String competencyKey) {
        this.assessment = assessment;
        this.competencyKey = competencyKey;
    }

    void set(int newLevel, String newEvidence, Instant now) {
        level = newLevel;
        evidence = newEvidence;
        ratedAt = now.toEpochMilli();
    }

    public String competencyKey() {
        return competencyKey;
    }

    public int level() {
        return level;
    }

    public String evidence() {
        return evidence;
    }
}
