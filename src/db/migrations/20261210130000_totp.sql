-- A second factor for local staff accounts (spec: Staff log-in; ADR 0015): a code from an authenticator
-- app (TOTP, RFC 6238) and one-time recovery codes. Runs unchanged on PGlite and on PostgreSQL 15+.

-- The user's TOTP secret, encrypted (AES-256-GCM under a key derived from SESSION_SECRET; the stored form
-- names the key by its id). An enrolment is confirmed once the user has typed a right code; until then it
-- is only being set up. `last_step` is the last time step whose code was accepted: a code is never
-- accepted twice, also not by another app process (the update is conditional on it).
CREATE TABLE user_totp (
  user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
  municipality_id integer REFERENCES municipality (id),
  secret text NOT NULL,
  created_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  last_step bigint
);

-- Ten one-time recovery codes per enrolment, stored only as keyed hashes; a used code keeps its row
-- (used_at) so the user can be told how many are left.
CREATE TABLE user_totp_recovery_code (
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  municipality_id integer REFERENCES municipality (id),
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

-- A log-in whose password was right and whose second step is still to come: the code, or enrolling first.
-- Found by the SHA-256 of a random token in a cookie of the browser that typed the password; used once
-- (deleted as the session is made) and good for five minutes. In the database, so any app process can
-- take the second step.
CREATE TABLE pending_sign_in (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  municipality_id integer REFERENCES municipality (id),
  purpose text NOT NULL CHECK (purpose IN ('code', 'enrol')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX pending_sign_in_by_expiry ON pending_sign_in (expires_at);

ALTER TABLE user_totp ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_totp FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON user_totp
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE user_totp_recovery_code ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_totp_recovery_code FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON user_totp_recovery_code
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE pending_sign_in ENABLE ROW LEVEL SECURITY;
ALTER TABLE pending_sign_in FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON pending_sign_in
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));
