-- The readiness quiz (question bank with versions, settings per link, attempts) and the grade outbox.

-- What a link is used for (NULL until a trainer or a custom parameter chooses), and the grade service the
-- platform offered for it at the latest launch.
ALTER TABLE resource_link ADD COLUMN activity VARCHAR(32);
ALTER TABLE resource_link ADD COLUMN ags_lineitems VARCHAR(2048);
ALTER TABLE resource_link ADD COLUMN ags_lineitem VARCHAR(2048);
ALTER TABLE resource_link ADD COLUMN ags_scopes VARCHAR(1024);

-- A bank belongs to a course (or to a link launched without a course): bank_scope holds that id.
CREATE TABLE quiz_topic (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    bank_scope       VARCHAR(36)   NOT NULL,
    topic_key        VARCHAR(64)   NOT NULL,
    name             VARCHAR(255)  NOT NULL,
    advice           VARCHAR(1000) NOT NULL,
    CONSTRAINT uq_quiz_topic UNIQUE (bank_scope, topic_key)
);

CREATE TABLE quiz_question (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    bank_scope       VARCHAR(36)   NOT NULL,
    topic_id         VARCHAR(36)   NOT NULL REFERENCES quiz_topic (id),
    source_key       VARCHAR(64),
    retired          BOOLEAN       NOT NULL,
    current_version  VARCHAR(36),
    created_at       BIGINT        NOT NULL
);
CREATE INDEX ix_quiz_question_bank ON quiz_question (bank_scope);

-- Versions never change once written: an attempt points at the version it was given.
-- question_id has no foreign key: the question points at its current version too, and EclipseLink writes that
-- version first; H2 cannot defer a constraint to the end of the transaction.
CREATE TABLE quiz_question_version (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    question_id      VARCHAR(36)   NOT NULL,
    version          INTEGER       NOT NULL,
    question_type    VARCHAR(16)   NOT NULL,
    difficulty       VARCHAR(16)   NOT NULL,
    text             VARCHAR(4000) NOT NULL,
    created_at       BIGINT        NOT NULL,
    CONSTRAINT uq_quiz_question_version UNIQUE (question_id, version)
);

CREATE INDEX ix_quiz_question_version_question ON quiz_question_version (question_id);

CREATE TABLE quiz_option (
    version_id       VARCHAR(36)   NOT NULL REFERENCES quiz_question_version (id),
    position         INTEGER       NOT NULL,
    text             VARCHAR(1000) NOT NULL,
    correct          BOOLEAN       NOT NULL,
    feedback         VARCHAR(2000) NOT NULL,
    PRIMARY KEY (version_id, position)
);

CREATE TABLE quiz_settings (
    resource_link_id   VARCHAR(36)   NOT NULL PRIMARY KEY REFERENCES resource_link (id),
    question_count     INTEGER       NOT NULL,
    attempts_allowed   INTEGER       NOT NULL,
    grading_method     VARCHAR(16)   NOT NULL,
    pass_mark          INTEGER       NOT NULL,
    ready_mark         INTEGER       NOT NULL,
    time_limit_minutes INTEGER,
    feedback_mode      VARCHAR(16)   NOT NULL,
    close_at           BIGINT,
    shuffle            BOOLEAN       NOT NULL,
    partial_credit     BOOLEAN       NOT NULL,
    updated_at         BIGINT        NOT NULL
);

CREATE TABLE quiz_attempt (
    id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
    resource_link_id   VARCHAR(36)   NOT NULL REFERENCES resource_link (id),
    user_id            VARCHAR(36)   NOT NULL REFERENCES lti_user (id),
    number             INTEGER       NOT NULL,
    state              VARCHAR(16)   NOT NULL,
    started_at         BIGINT        NOT NULL,
    deadline_at        BIGINT,
    submitted_at       BIGINT,
    score              DOUBLE PRECISION,
    row_version        BIGINT        NOT NULL,
    CONSTRAINT uq_quiz_attempt UNIQUE (resource_link_id, user_id, number)
);

CREATE TABLE quiz_attempt_item (
    attempt_id          VARCHAR(36)  NOT NULL REFERENCES quiz_attempt (id),
    position            INTEGER      NOT NULL,
    question_version_id VARCHAR(36)  NOT NULL REFERENCES quiz_question_version (id),
    option_order        VARCHAR(128) NOT NULL,
    selected            VARCHAR(128),
    score               DOUBLE PRECISION,
    PRIMARY KEY (attempt_id, position)
);

-- Scores waiting for, or done with, delivery to the platform. Written in the same transaction as the result.
CREATE TABLE grade_outbox (
    id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
    registration_id    VARCHAR(36)   NOT NULL REFERENCES registration (id),
    resource_link_id   VARCHAR(36)   NOT NULL REFERENCES resource_link (id),
    user_id            VARCHAR(36)   NOT NULL REFERENCES lti_user (id),
    subject            VARCHAR(255)  NOT NULL,
    lineitem_url       VARCHAR(2048),
    lineitems_url      VARCHAR(2048),
    scopes             VARCHAR(1024) NOT NULL,
    label              VARCHAR(255)  NOT NULL,
    score_given        DOUBLE PRECISION NOT NULL,
    score_maximum      DOUBLE PRECISION NOT NULL,
    score_timestamp    BIGINT        NOT NULL,
    state              VARCHAR(16)   NOT NULL,
    tries              INTEGER       NOT NULL,
    next_try_at        BIGINT        NOT NULL,
    last_status        INTEGER,
    last_answer        VARCHAR(2000),
    created_at         BIGINT        NOT NULL,
    delivered_at       BIGINT
);
CREATE INDEX ix_grade_outbox_due ON grade_outbox (state, next_try_at);
CREATE INDEX ix_grade_outbox_learner ON grade_outbox (resource_link_id, user_id);
