-- Foundation schema: tool keys, secrets, registrations, login state, users, courses, resource links.
-- Portable between H2 and PostgreSQL: string ids (UUIDs), times as epoch milliseconds.

CREATE TABLE tool_key (
    kid          VARCHAR(64)   NOT NULL PRIMARY KEY,
    purpose      VARCHAR(32)   NOT NULL,
    jwk          VARCHAR(8000) NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    created_at   BIGINT        NOT NULL,
    retired_at   BIGINT
);

CREATE TABLE app_secret (
    name         VARCHAR(64)   NOT NULL PRIMARY KEY,
    secret       VARCHAR(512)  NOT NULL,
    created_at   BIGINT        NOT NULL
);

CREATE TABLE registration (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    name             VARCHAR(255)  NOT NULL,
    issuer           VARCHAR(1024) NOT NULL,
    client_id        VARCHAR(255)  NOT NULL,
    auth_login_url   VARCHAR(2048) NOT NULL,
    auth_token_url   VARCHAR(2048) NOT NULL,
    key_set_url      VARCHAR(2048) NOT NULL,
    source           VARCHAR(255)  NOT NULL,
    updated_at       BIGINT        NOT NULL,
    CONSTRAINT uq_registration UNIQUE (issuer, client_id)
);

CREATE TABLE deployment (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    registration_id  VARCHAR(36)   NOT NULL REFERENCES registration (id),
    deployment_id    VARCHAR(255)  NOT NULL,
    CONSTRAINT uq_deployment UNIQUE (registration_id, deployment_id)
);

CREATE TABLE unknown_deployment (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    registration_id  VARCHAR(36)   NOT NULL REFERENCES registration (id),
    deployment_id    VARCHAR(255)  NOT NULL,
    first_seen       BIGINT        NOT NULL,
    last_seen        BIGINT        NOT NULL,
    attempts         BIGINT        NOT NULL,
    CONSTRAINT uq_unknown_deployment UNIQUE (registration_id, deployment_id)
);

CREATE TABLE login_state (
    state              VARCHAR(64)   NOT NULL PRIMARY KEY,
    nonce              VARCHAR(64)   NOT NULL,
    registration_id    VARCHAR(36)   NOT NULL REFERENCES registration (id),
    login_hint         VARCHAR(2048) NOT NULL,
    message_hint       VARCHAR(4096),
    target_link_uri    VARCHAR(2048) NOT NULL,
    deployment_hint    VARCHAR(255),
    storage_target     VARCHAR(255),
    created_at         BIGINT        NOT NULL,
    expires_at         BIGINT        NOT NULL,
    used_at            BIGINT
);
CREATE INDEX ix_login_state_expires ON login_state (expires_at);

CREATE TABLE lti_user (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    registration_id  VARCHAR(36)   NOT NULL REFERENCES registration (id),
    subject          VARCHAR(255)  NOT NULL,
    name             VARCHAR(512),
    email            VARCHAR(512),
    first_seen       BIGINT        NOT NULL,
    last_seen        BIGINT        NOT NULL,
    CONSTRAINT uq_lti_user UNIQUE (registration_id, subject)
);

CREATE TABLE course (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    registration_id  VARCHAR(36)   NOT NULL REFERENCES registration (id),
    deployment_id    VARCHAR(255)  NOT NULL,
    context_id       VARCHAR(255)  NOT NULL,
    label            VARCHAR(512),
    title            VARCHAR(1024),
    CONSTRAINT uq_course UNIQUE (registration_id, deployment_id, context_id)
);

CREATE TABLE resource_link (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    registration_id  VARCHAR(36)   NOT NULL REFERENCES registration (id),
    deployment_id    VARCHAR(255)  NOT NULL,
    link_id          VARCHAR(255)  NOT NULL,
    course_id        VARCHAR(36)   REFERENCES course (id),
    title            VARCHAR(1024),
    description      VARCHAR(4000),
    CONSTRAINT uq_resource_link UNIQUE (registration_id, deployment_id, link_id)
);

CREATE TABLE membership (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    user_id          VARCHAR(36)   NOT NULL REFERENCES lti_user (id),
    resource_link_id VARCHAR(36)   NOT NULL REFERENCES resource_link (id),
    course_role      VARCHAR(16)   NOT NULL,
    lti_roles        VARCHAR(4000) NOT NULL,
    last_launch      BIGINT        NOT NULL,
    CONSTRAINT uq_membership UNIQUE (user_id, resource_link_id)
);
