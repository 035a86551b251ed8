package com.essentialslti.quiz.bank;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A question of a course's bank. Its content lives in versions: {@link #current()} is what new attempts get;
 * older versions stay for the attempts that were given them.
 */
@Entity
@Table(name = "quiz_question")
public class Question {

    @Id
    private String id;
    @Column(name = "bank_scope")
    private String bankScope;
    @ManyToOne
    @JoinColumn(name = "topic_id")
    private Topic topic;
    @Column(name = "source_key")
    private String sourceKey;
    private boolean retired;
    @OneToOne
    @JoinColumn(name = "current_version")
    private QuestionVersion current;
    @Column(name = "created_at")
    private long createdAt;

    protected Question() {
    }

    Question(String bankScope, Topic topic, String sourceKey, QuestionContent content, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.bankScope = bankScope;
        this.topic = topic;
        this.sourceKey = sourceKey;
        this.createdAt = now.toEpochMilli();
        this.current = new QuestionVersion(id, 1, topic, content, now);
    }

    /** Writes a new version (the caller persists it); attempts already given the old one keep it. */
    QuestionVersion edit(Topic newTopic, QuestionContent content, Instant now) {
        if (retired) {
            throw new IllegalStateException("a retired question cannot be edited");
        }
        topic = newTopic;
        current = new QuestionVersion(id, current.version() + 1, newTopic, content, now);
        return current;
    }

    /** No new attempt draws it; past attempts keep it. */
    void retire() {
        retired = true;
    }

    void restore() {
        retired = false;
    }

    public String id() {
        return id;
    }

    public Topic topic() {
        return topic;
    }

    public boolean retired() {
        return retired;
    }

    public QuestionVersion current() {
        return current;
    }

    String bankScope() {
        return bankScope;
    }
}
