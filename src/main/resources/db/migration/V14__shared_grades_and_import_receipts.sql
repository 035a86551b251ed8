-- Grades from any activity: a score says how far the learner and the grading are (AGS 2.0 activityProgress and
-- gradingProgress, in their wire names) and may carry the trainer's comment. Scores queued before were all the
-- quiz's: completed, fully graded, without a comment.
ALTER TABLE grade_outbox ADD COLUMN activity_progress VARCHAR(16) DEFAULT 'Completed' NOT NULL;
ALTER TABLE grade_outbox ADD COLUMN grading_progress VARCHAR(16) DEFAULT 'FullyGraded' NOT NULL;
ALTER TABLE grade_outbox ADD COLUMN score_comment VARCHAR(4000);
