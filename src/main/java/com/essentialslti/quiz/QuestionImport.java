package com.essentialslti.quiz;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A confirmed import, under the id its preview gave it. Written in the transaction that saves the questions, so a
 * second confirmation of the same preview (a double click, a form sent again) finds it and saves nothing.
 */
@Entity
@Table(name = "quiz_import")
public class QuestionImport {

    @Id
    private String id;
    @Column(name = "bank_scope")
    private String bankScope;
    private int questions;
    @Column(name = "imported_at")
    private long importedAt;

    protected QuestionImport() {
    }

    QuestionImport(String id, String bankScope, int questions, Instant now) {
        this.id = id;
        this.bankScope = bankScope;
        this.questions = questions;
        this.importedAt = now.toEpochMilli();
    }
}
