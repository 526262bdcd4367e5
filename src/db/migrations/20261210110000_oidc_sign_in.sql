-- Sign-ins through an OpenID Connect issuer
-- (spec: Citizen log-in; operations: Registering with a NemLog-in broker). A started sign-in is kept here until the issuer sends the browser back: the PKCE
-- verifier and the nonce, found by a keyed hash of `state` and bound to the browser that started it by a
-- keyed hash of a random cookie. A row is used once (deleted as it is read) and is good for ten minutes,
-- so a replayed `state`, or one carried to another browser, finds nothing. Kept in the database, not in a
-- process, so any of several app processes can finish a sign-in another one started. No municipality is
-- known until the identity is checked: the table is outside the tenants, as login_throttle is.
CREATE TABLE oidc_sign_in (
  state_hash text PRIMARY KEY,
  browser_hash text NOT NULL,
  issuer text NOT NULL CHECK (issuer IN ('citizen', 'staff')),
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX oidc_sign_in_by_expiry ON oidc_sign_in (expires_at);

-- Which ways into the portal a programme offers its citizens: the one-time code (and the password chosen
-- with it) and MitID, MitID only, or the code only (spec: Citizen log-in).
ALTER TABLE programme
  ADD COLUMN citizen_sign_in text NOT NULL DEFAULT 'code_and_mitid'
    CHECK (citizen_sign_in IN ('code_and_mitid', 'mitid_only', 'code_only'));
