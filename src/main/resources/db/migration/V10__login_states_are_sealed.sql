-- Login states are no longer stored: the state is the login sealed with the tool's secret (LoginStates), so an
-- anonymous login writes nothing. What is stored is the use of a state, written at the launch once the platform's
-- signature was verified, and kept until the state expires.
DROP TABLE login_state;

CREATE TABLE used_login_state (
    state_id    VARCHAR(32) NOT NULL PRIMARY KEY,
    expires_at  BIGINT      NOT NULL
);
CREATE INDEX ix_used_login_state_expires ON used_login_state (expires_at);

-- Until this version a login wrote an unknown deployment id before any platform signature was checked, so the rows
-- may be anyone's inventions. From now on only a verified launch records one; start the record afresh.
DELETE FROM unknown_deployment;
