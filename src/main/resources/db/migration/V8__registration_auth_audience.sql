-- The client assertion's audience where a platform names its authorization server apart from its token URL
-- (Brightspace); NULL means the token URL, as for Moodle, Canvas, Blackboard and Sakai.
ALTER TABLE registration ADD COLUMN auth_audience VARCHAR(2048);
