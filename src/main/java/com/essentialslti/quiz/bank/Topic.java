package com.essentialslti.quiz.bank;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A theme of the question bank, with the advice a learner gets when the theme is a weak one. */
@Entity
@Table(name = "quiz_topic")
public class Topic {

    @Id
    private String id;
    @Column(name = "bank_scope")
    private String bankScope;
    @Column(name = "topic_key")
    private String key;
    private String name;
    private String advice;

    protected Topic() {
    }

    Topic(String bankScope, String key, String name, String advice) {
        this.id = UUID.randomUUID().toString();
        this.bankScope = bankScope;
        this.key = key;
        this.name = name;
        this.advice = advice;
    }

    public String id() {
        return id;
    }

    public String key() {
        return key;
    }

    public String name() {
        return name;
    }

    public String advice() {
        return advice;
    }
}
