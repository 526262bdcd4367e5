-- Foundation: tenants, programmes with their rules, users, sessions, audit and access logs.
-- Runs unchanged on PGlite and on PostgreSQL 15+. Money is integer øre (bigint), never numeric floats.

-- Row-level security is the second wall between municipalities (spec: Row-level security). Each transaction
-- says which municipality it works for (app.municipality_id) or that it is a deliberate cross-municipality
-- task (app.scope = 'all': login, session look-up, national reports, CLI). Both are transaction-local.
CREATE FUNCTION app_tenant_visible(m integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.scope', true), '') = 'all'
      OR (m IS NOT NULL AND m = nullif(current_setting('app.municipality_id', true), '')::integer)
$$;

-- Append-only tables refuse UPDATE, DELETE and TRUNCATE, whoever asks.
CREATE FUNCTION refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END
$$;

CREATE TABLE municipality (
  id integer PRIMARY KEY CHECK (id BETWEEN 101 AND 999),   -- the official 3-digit code
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  bank_registration text CHECK (bank_registration ~ '^[0-9]{4}$'),
  bank_account text CHECK (bank_account ~ '^[0-9]{1,10}$'),
  iban text CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE programme (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  target_group text NOT NULL DEFAULT '',
  period_start date,
  period_end date,
  pool_ore bigint NOT NULL DEFAULT 0 CHECK (pool_ore >= 0),
  max_grant_ore bigint NOT NULL DEFAULT 5000000 CHECK (max_grant_ore BETWEEN 0 AND 5000000),
  duration_months smallint NOT NULL DEFAULT 12 CHECK (duration_months BETWEEN 1 AND 36),
  max_lead_in_months smallint NOT NULL DEFAULT 6 CHECK (max_lead_in_months BETWEEN 0 AND 24),
  citizen_sees_amount boolean NOT NULL DEFAULT true,
  unused_funds text NOT NULL DEFAULT 'citizen_may_use_all'
    CHECK (unused_funds IN ('citizen_may_use_all', 'planned_subgoals_only')),
  direct_transfer_enabled boolean NOT NULL DEFAULT false,
  direct_transfer_max_per_ore bigint NOT NULL DEFAULT 0 CHECK (direct_transfer_max_per_ore >= 0),
  direct_transfer_max_total_ore bigint NOT NULL DEFAULT 0 CHECK (direct_transfer_max_total_ore >= 0),
  single_approval_limit_ore bigint NOT NULL DEFAULT 500000 CHECK (single_approval_limit_ore >= 0),
  receipts_required boolean NOT NULL DEFAULT true,
  account_string text NOT NULL DEFAULT '' CHECK (length(account_string) <= 100),
  category_rules jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start),
  CHECK (single_approval_limit_ore <= max_grant_ore),
  CHECK (direct_transfer_max_per_ore <= direct_transfer_max_total_ore)
);
CREATE INDEX programme_municipality ON programme (municipality_id);

CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer REFERENCES municipality (id),
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role text NOT NULL CHECK (role IN ('citizen', 'support', 'coordinator', 'finance', 'admin', 'evaluator')),
  password_hash text,
  active boolean NOT NULL DEFAULT true,
  reset_code_hash text,
  reset_code_expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  deactivated_at timestamptz,
  -- Every user belongs to one municipality, except the national evaluator (spec: Tenancy).
  CHECK ((role = 'evaluator') = (municipality_id IS NULL)),
  CHECK (active OR deactivated_at IS NOT NULL)
);
CREATE UNIQUE INDEX app_user_email ON app_user (email);
CREATE INDEX app_user_municipality ON app_user (municipality_id, role);

-- Sessions live in the database so app processes are stateless. Only a hash of the token is stored.
CREATE TABLE user_session (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  municipality_id integer REFERENCES municipality (id),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE INDEX user_session_by_user ON user_session (user_id) WHERE ended_at IS NULL;

-- Failed log-ins per account and per address; keys are keyed hashes, never the e-mail or IP itself.
CREATE TABLE login_throttle (
  key_hash text PRIMARY KEY,
  failures integer NOT NULL CHECK (failures >= 0),
  last_failure_at timestamptz NOT NULL
);

-- One effect per idempotency key and user (a double-clicked form acts once; an API replay gets the
-- first answer).
CREATE TABLE idempotency_key (
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  key text NOT NULL CHECK (length(key) BETWEEN 8 AND 100),
  municipality_id integer REFERENCES municipality (id),
  fingerprint text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'done')),
  response_status integer,
  response_headers jsonb,
  response_body text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, key)
);

-- Audit log: every state change, hash-chained per municipality (chain 0 = national events), so one
-- municipality's writes never wait on another's (spec: Audit log).
CREATE TABLE audit_chain_head (
  chain integer PRIMARY KEY,
  municipality_id integer REFERENCES municipality (id),
  seq bigint NOT NULL,
  hash text NOT NULL,
  CHECK (chain = coalesce(municipality_id, 0))
);

CREATE TABLE audit_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain integer NOT NULL,
  municipality_id integer REFERENCES municipality (id),
  seq bigint NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_role text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb,
  request_id text,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  UNIQUE (chain, seq),
  CHECK (chain = coalesce(municipality_id, 0))
);
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Access log: every staff read of a citizen's personal data (spec: Access log), shown to the citizen as
-- "Hvem har set mine oplysninger". Case and citizen references are added with those tables.
CREATE TABLE access_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_id integer NOT NULL REFERENCES municipality (id),
  occurred_at timestamptz NOT NULL,
  user_id uuid NOT NULL REFERENCES app_user (id),
  user_role text NOT NULL,
  subject_type text NOT NULL,
  subject_id uuid NOT NULL,
  purpose text NOT NULL,
  request_id text
);
CREATE INDEX access_log_subject ON access_log (subject_type, subject_id, occurred_at);
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The second wall: every tenant table is filtered by municipality, also for the table's owner.
ALTER TABLE municipality ENABLE ROW LEVEL SECURITY;
ALTER TABLE municipality FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON municipality USING (app_tenant_visible(id)) WITH CHECK (app_tenant_visible(id));

ALTER TABLE programme ENABLE ROW LEVEL SECURITY;
ALTER TABLE programme FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON programme
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON app_user
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE user_session ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_session FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON user_session
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE idempotency_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_key FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON idempotency_key
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE audit_chain_head ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_chain_head FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON audit_chain_head
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON audit_event
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_log FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON access_log
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));
