-- How each session was started and at which assurance level (NSIS: low, substantial, high), and the
-- issuer's session id (OpenID Connect `sid`) so a back-channel logout from the issuer can end it.
-- Sessions from before this migration were all started with a password or an activation code.
ALTER TABLE user_session
  ADD COLUMN method text NOT NULL DEFAULT 'password'
    CHECK (method IN ('password', 'password_totp', 'activation', 'mitid', 'municipal_sso')),
  ADD COLUMN assurance text NOT NULL DEFAULT 'low'
    CHECK (assurance IN ('low', 'substantial', 'high')),
  ADD COLUMN issuer_session text;
ALTER TABLE user_session ALTER COLUMN method DROP DEFAULT, ALTER COLUMN assurance DROP DEFAULT;
CREATE INDEX user_session_by_issuer_session ON user_session (issuer_session)
  WHERE issuer_session IS NOT NULL AND ended_at IS NULL;

-- The level a programme asks for before money or personal data is changed. A municipality with
-- several programmes asks for the strictest of them.
ALTER TABLE programme
  ADD COLUMN change_assurance text NOT NULL DEFAULT 'low'
    CHECK (change_assurance IN ('low', 'substantial'));
