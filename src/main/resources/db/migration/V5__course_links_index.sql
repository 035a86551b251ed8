-- The other links of a course (the result page's next steps). PostgreSQL does not index a foreign key's column by
-- itself, so that query read the whole resource_link table there. On H2 this index is a twin of the one H2 made for
-- the foreign key; a link's course never changes, so the twin costs a write only when a link is created.
CREATE INDEX ix_resource_link_course ON resource_link (course_id);
