-- The login accepts every parameter up to 4096 characters (LoginResource.MAX_PARAM_LENGTH); store them whole.
-- "SET DATA TYPE" is understood by both H2 and PostgreSQL.
ALTER TABLE login_state ALTER COLUMN login_hint SET DATA TYPE VARCHAR(4096);
ALTER TABLE login_state ALTER COLUMN target_link_uri SET DATA TYPE VARCHAR(4096);
ALTER TABLE login_state ALTER COLUMN storage_target SET DATA TYPE VARCHAR(4096);
