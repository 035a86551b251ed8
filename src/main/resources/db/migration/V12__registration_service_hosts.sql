-- Hosts besides the platform's own where it serves AGS and NRPS (Canvas: the school's host), space-separated, from
-- the registration file's optional service_hosts; NULL means the platform's own hosts only.
ALTER TABLE registration ADD COLUMN service_hosts VARCHAR(4096);
