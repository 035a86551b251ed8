-- A registration whose file was removed from lti-config/platforms is retired at start, not deleted: its users,
-- courses and scores keep pointing at it, launches from it are refused with a page naming the platform, and its
-- file coming back puts it in service again. NULL: in service.
ALTER TABLE registration ADD COLUMN retired_at BIGINT;
