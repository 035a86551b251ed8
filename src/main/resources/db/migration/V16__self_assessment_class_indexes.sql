-- The trainer's class view and its CSV export read a link's members and its submitted snapshots.
-- The members of one link: uq_membership starts with the user, and PostgreSQL does not index a foreign key by itself
-- (H2 does), so without this every membership of the tool is read.
CREATE INDEX ix_membership_link ON membership (resource_link_id);
-- The export's pages: a link's submitted snapshots in id order from the last one written (keyset pagination).
CREATE INDEX ix_sa_assessment_link_state ON sa_assessment (resource_link_id, state, id);
