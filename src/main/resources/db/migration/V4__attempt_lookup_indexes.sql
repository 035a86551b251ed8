-- Indexes for the two attempt lookups that had none of their own. H2 plans a statement when it is first prepared
-- and keeps that plan with the pooled connection, so a plan made while the tables were still empty must already
-- be the right one.

-- A learner's attempts on a link (every start, submit and overview). On an empty table every index on
-- quiz_attempt costs the same to H2's planner, and it took the foreign key's index on resource_link_id, which
-- reads every attempt of the course's link for each lookup. Two equal columns and nothing unused: the cheapest
-- plan whatever the table holds.
CREATE INDEX ix_quiz_attempt_learner ON quiz_attempt (user_id, resource_link_id);

-- The attempts whose time ran out (every half minute), which read the whole table without it.
CREATE INDEX ix_quiz_attempt_deadline ON quiz_attempt (state, deadline_at);
