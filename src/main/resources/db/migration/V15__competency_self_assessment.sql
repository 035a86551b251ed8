-- The competency self-assessment: a framework per course in versions that never change, settings per link,
-- assessments (in progress, then submitted as dated snapshots) and their ratings.

-- The course's framework (scope: the course's id, or the link's for a launch without a course) points at its
-- current version; every edit or import writes a new version and moves the pointer.
CREATE TABLE sa_framework (
    scope              VARCHAR(36)      NOT NULL PRIMARY KEY,
    current_version_id VARCHAR(36)      NOT NULL,
    row_version        BIGINT           NOT NULL
);

-- A version holds the whole framework as JSON (FrameworkJson): a snapshot points at the version it was made
-- with, so an edit never changes a past profile.
CREATE TABLE sa_framework_version (
    id                 VARCHAR(36)      NOT NULL PRIMARY KEY,
    scope              VARCHAR(36)      NOT NULL,
    number             INTEGER          NOT NULL,
    content            VARCHAR(1000000) NOT NULL,
    change_note        VARCHAR(500)     NOT NULL,
    created_at         BIGINT           NOT NULL,
    CONSTRAINT uq_sa_framework_version UNIQUE (scope, number)
);

CREATE TABLE sa_settings (
    resource_link_id   VARCHAR(36)      NOT NULL PRIMARY KEY REFERENCES resource_link (id),
    target_key         VARCHAR(100)     NOT NULL,
    custom_target      VARCHAR(20000),
    retakes_allowed    INTEGER          NOT NULL,
    min_days_between   INTEGER          NOT NULL,
    ask_evidence       BOOLEAN          NOT NULL,
    grading            VARCHAR(16)      NOT NULL,
    updated_at         BIGINT           NOT NULL
);

-- One row per learner and link and number: two simultaneous starts cannot both make assessment 1.
CREATE TABLE sa_assessment (
    id                   VARCHAR(36)    NOT NULL PRIMARY KEY,
    resource_link_id     VARCHAR(36)    NOT NULL REFERENCES resource_link (id),
    user_id              VARCHAR(36)    NOT NULL REFERENCES lti_user (id),
    number               INTEGER        NOT NULL,
    framework_version_id VARCHAR(36)    NOT NULL REFERENCES sa_framework_version (id),
    state                VARCHAR(16)    NOT NULL,
    started_at           BIGINT         NOT NULL,
    submitted_at         BIGINT,
    row_version          BIGINT         NOT NULL,
    CONSTRAINT uq_sa_assessment UNIQUE (resource_link_id, user_id, number)
);

CREATE TABLE sa_rating (
    assessment_id      VARCHAR(36)      NOT NULL REFERENCES sa_assessment (id),
    competency_key     VARCHAR(100)     NOT NULL,
    rated_level        INTEGER          NOT NULL,
    evidence           VARCHAR(1000)    NOT NULL,
    rated_at           BIGINT           NOT NULL,
    PRIMARY KEY (assessment_id, competency_key)
);
