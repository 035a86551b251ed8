-- A version keeps the topic its question had when it was written: a trainer who moves a question to another topic
-- must not change the topics a past result tells its learner to work on. Versions written before this migration
-- get their question's topic of today, the only one known.
ALTER TABLE quiz_question_version ADD COLUMN topic_id VARCHAR(36) REFERENCES quiz_topic (id);
UPDATE quiz_question_version SET topic_id = (SELECT q.topic_id FROM quiz_question q WHERE q.id = quiz_question_version.question_id);
ALTER TABLE quiz_question_version ALTER COLUMN topic_id SET NOT NULL;
