-- The close date now ends the attempts in progress (their deadline is the time limit or the close date, whichever
-- comes first). Attempts started before this version got only the time limit: give them the close date too.
UPDATE quiz_attempt SET deadline_at = (
        SELECT s.close_at FROM quiz_settings s WHERE s.resource_link_id = quiz_attempt.resource_link_id)
    WHERE state = 'IN_PROGRESS'
      AND EXISTS (SELECT 1 FROM quiz_settings s
                  WHERE s.resource_link_id = quiz_attempt.resource_link_id AND s.close_at IS NOT NULL
                    AND (quiz_attempt.deadline_at IS NULL OR s.close_at < quiz_attempt.deadline_at));
