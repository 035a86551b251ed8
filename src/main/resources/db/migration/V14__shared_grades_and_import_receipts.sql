-- Grades from any activity: a score says how far the learner and the grading are (AGS 2.0 activityProgress and
-- gradingProgress, in their wire names) and may carry the trainer's comment. Scores queued before were all the
-- quiz's: completed, fully graded, without a comment.
ALTER TABLE grade_outbox ADD COLUMN activity_progress VARCHAR(16) DEFAULT 'Completed' NOT NULL;
ALTER TABLE grade_outbox ADD COLUMN grading_progress VARCHAR(16) DEFAULT 'FullyGraded' NOT NULL;
ALTER TABLE grade_outbox ADD COLUMN score_comment VARCHAR(4000);

-- Every import's confirmation, whatever it imports (kind: quiz-questions, a competency framework, ...), by the id
-- its preview gave it: a double click or a form sent again imports once. The quiz's confirmed imports become the
-- first receipts; scope is the bank's (or framework's) course, count how many items were saved.
ALTER TABLE quiz_import RENAME TO import_receipt;
ALTER TABLE import_receipt RENAME COLUMN bank_scope TO scope;
ALTER TABLE import_receipt RENAME COLUMN questions TO item_count;
ALTER TABLE import_receipt ADD COLUMN kind VARCHAR(32) DEFAULT 'quiz-questions' NOT NULL;
