-- Moodle questions arrive whole: the feedback every learner sees after submitting, whatever they chose, and the
-- share of the mark a half-right option of a single-answer question earns (Moodle's 50% answer). Questions written
-- before keep no general feedback and options without partial credit, so they score as they always did.
ALTER TABLE quiz_question_version ADD COLUMN general_feedback VARCHAR(4000) DEFAULT '' NOT NULL;
ALTER TABLE quiz_option ADD COLUMN partial_credit DOUBLE PRECISION DEFAULT 0 NOT NULL;
