package com.essentialslti.selfassessment.framework;

import com.essentialslti.infra.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One version of a course's framework, written once and never changed: assessments point at the version they
 * were made with. The content is the framework's JSON, read once per process ({@link CourseFrameworks} caches it
 * by id, safely, since a version never changes).
 */
@Entity
@Table(name = "sa_framework_version")
public class FrameworkVersion {

    /** Far above the shipped framework (about 60 KB), below what both databases hold in one VARCHAR. */
    static final int MAX_JSON = 1_000_000;

    @Id
    private String id;
    private String scope;
    private int number;
    private String content;
    @Column(name = "change_note")
    private String changeNote;
    @Column(name = "created_at")
    private long createdAt;

    protected FrameworkVersion() {
    }

    FrameworkVersion(String scope, int number, FrameworkContent framework, String changeNote, Instant now) {
        String json = FrameworkJson.write(framework);
        if (json.length() > MAX_JSON) {
            throw new IllegalArgumentException("the framework is too large to keep: shorten its texts or split it");
        }
        this.id = Ids.timeOrdered();
        this.scope = scope;
        this.number = number;
        this.content = json;
        this.changeNote = changeNote.length() > 500 ? changeNote.substring(0, 499) + "…" : changeNote;
        this.createdAt = now.toEpochMilli();
    }

    public String id() {
        return id;
    }

    public int number() {
        return number;
    }

    public String changeNote() {
        return changeNote;
    }

    public Instant createdAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    FrameworkContent content() {
        return FrameworkJson.read(content);
    }
}
