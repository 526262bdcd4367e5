-- E-mail notifications (spec: E-mail notifications): staff are told by e-mail what waits for them, as a
-- daily digest or when something new waits. Mails wait in an outbox until the mail server takes them, so
-- nothing is lost while it is down. A mail holds counts and a link only, never a name or a CPR number.
-- Runs unchanged on PGlite and on PostgreSQL 15+.

-- Each staff user's choice, and the language their mails are written in (the language they chose it in).
ALTER TABLE app_user ADD COLUMN notify text NOT NULL DEFAULT 'digest'
  CHECK (notify IN ('digest', 'immediate', 'none'));
ALTER TABLE app_user ADD COLUMN notify_lang text NOT NULL DEFAULT 'da' CHECK (notify_lang IN ('da', 'en'));

CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  recipient_user_id uuid NOT NULL,
  recipient text NOT NULL CHECK (length(recipient) BETWEEN 3 AND 254),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  kind text NOT NULL CHECK (kind IN ('digest', 'new')),
  created_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- When the sender may take the row next: after a failure, later and later (back-off); while a sender
  -- is handing it to the mail server, a lease that lets another take it over if that sender dies.
  next_attempt_at timestamptz NOT NULL,
  -- The mail server's reply code or the kind of failure, never the mail's content.
  last_error text CHECK (length(last_error) BETWEEN 1 AND 200),
  sent_at timestamptz,
  FOREIGN KEY (recipient_user_id, municipality_id) REFERENCES app_user (id, municipality_id)
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
CREATE INDEX mail_outbox_recipient ON mail_outbox (recipient_user_id, kind, created_at);
CREATE INDEX mail_outbox_municipality ON mail_outbox (municipality_id, created_at);

ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON mail_outbox
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

-- What a user who wants to hear of new things was last told of: keyed hashes of the work items' keys
-- (which name rows, not people) and each kind's count. No row: nothing told yet; the first look only
-- takes note.
CREATE TABLE mail_notified (
  user_id uuid PRIMARY KEY,
  municipality_id integer NOT NULL REFERENCES municipality (id),
  key_hashes text[] NOT NULL,
  counts jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  FOREIGN KEY (user_id, municipality_id) REFERENCES app_user (id, municipality_id)
);

ALTER TABLE mail_notified ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_notified FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON mail_notified
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));
