-- Each confirmed import, by the id its preview gave it: a double click or a form sent again imports once.
CREATE TABLE quiz_import (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    bank_scope       VARCHAR(36)   NOT NULL,
    questions        INTEGER       NOT NULL,
    imported_at      BIGINT        NOT NULL
);
