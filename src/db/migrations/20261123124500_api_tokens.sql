-- Personal API tokens for integrations (spec: API tokens): issued by a municipality's administrator for a
-- user, shown once, stored as a SHA-256 hash, revocable. A token acts as its user, with the user's role.
CREATE TABLE api_token (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  user_id uuid NOT NULL REFERENCES app_user (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  token_hash text NOT NULL UNIQUE,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_token_user ON api_token (user_id);

ALTER TABLE api_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_token FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON api_token
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));
