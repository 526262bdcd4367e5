-- Staff who log in with their municipality's own log-in through OpenID Connect (ADR 0016)
-- (spec: Staff log-in with the municipality's log-in). Runs unchanged on PGlite and on PostgreSQL 15+.

-- A user made at their first log-in is known by the issuer and its subject (`iss`, `sub`), never by a
-- password: the two come together, a user with them has none and is staff. Their groups from the last
-- log-in are kept, so a change of the mapping applies at once. `external_role_lost`: deactivated because
-- the mapping gave them no role (not by the administrator); a later log-in with a role makes them active.
ALTER TABLE app_user
  ADD COLUMN external_issuer text CHECK (length(external_issuer) BETWEEN 1 AND 500),
  ADD COLUMN external_subject text CHECK (length(external_subject) BETWEEN 1 AND 255),
  ADD COLUMN external_groups jsonb CHECK (jsonb_typeof(external_groups) = 'array'),
  ADD COLUMN external_role_lost boolean NOT NULL DEFAULT false;
ALTER TABLE app_user ADD CONSTRAINT app_user_external_identity CHECK (
  (external_issuer IS NULL) = (external_subject IS NULL)
  AND (external_subject IS NULL) = (external_groups IS NULL)
  AND (external_subject IS NULL OR (password_hash IS NULL AND role NOT IN ('citizen', 'evaluator')))
  AND (NOT external_role_lost OR (external_subject IS NOT NULL AND NOT active))
);
CREATE UNIQUE INDEX app_user_external_identity_key ON app_user (external_issuer, external_subject)
  WHERE external_subject IS NOT NULL;

-- Whether a municipality's staff may log in with the staff issuer, and the value of the issuer's
-- municipality claim (Entra ID's tenant id by default) that says a log-in is theirs. No two
-- municipalities claim the same value.
CREATE TABLE municipality_sso (
  municipality_id integer PRIMARY KEY REFERENCES municipality (id),
  enabled boolean NOT NULL DEFAULT false,
  claim_value text CHECK (length(claim_value) BETWEEN 1 AND 200),
  updated_at timestamptz NOT NULL,
  CHECK (NOT enabled OR claim_value IS NOT NULL)
);
CREATE UNIQUE INDEX municipality_sso_claim_value ON municipality_sso (claim_value) WHERE claim_value IS NOT NULL;

-- Which of the issuer's groups (or app roles) gives which role in the municipality. A group gives one
-- role; several groups may give the same role.
CREATE TABLE sso_group_role (
  municipality_id integer NOT NULL REFERENCES municipality (id),
  group_name text NOT NULL CHECK (length(group_name) BETWEEN 1 AND 200),
  role text NOT NULL CHECK (role IN ('support', 'coordinator', 'finance', 'admin')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, group_name)
);

ALTER TABLE municipality_sso ENABLE ROW LEVEL SECURITY;
ALTER TABLE municipality_sso FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON municipality_sso
  USING (municipality_id BETWEEN app_tenant_low() AND app_tenant_high())
  WITH CHECK (municipality_id BETWEEN app_tenant_low() AND app_tenant_high());

ALTER TABLE sso_group_role ENABLE ROW LEVEL SECURITY;
ALTER TABLE sso_group_role FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON sso_group_role
  USING (municipality_id BETWEEN app_tenant_low() AND app_tenant_high())
  WITH CHECK (municipality_id BETWEEN app_tenant_low() AND app_tenant_high());
