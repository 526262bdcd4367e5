-- Privacy in operation (spec: Retention; Data-subject requests; CPR key rotation): closed cases are
-- anonymised after the programme's retention period unless a legal hold stops it; a citizen's requests
-- (a full copy, restriction, erasure) are recorded; CPR numbers can move to a new key.
-- Runs unchanged on PGlite and on PostgreSQL 15+.

-- How long a closed case keeps its personal data, and the programme's legal basis: erasure on the
-- citizen's request (GDPR art. 17) applies where processing rests on consent, not where it is the
-- municipality's public task (art. 17(3)(b)).
ALTER TABLE programme ADD COLUMN retention_months smallint NOT NULL DEFAULT 60
  CHECK (retention_months BETWEEN 1 AND 240);
ALTER TABLE programme ADD COLUMN legal_basis text NOT NULL DEFAULT 'public_task'
  CHECK (legal_basis IN ('public_task', 'consent'));
-- Where the citizens of the programme ask about their data (the municipality's data protection officer),
-- shown on the privacy notice.
ALTER TABLE programme ADD COLUMN privacy_contact text CHECK (length(privacy_contact) BETWEEN 3 AND 254);

-- A legal hold stops the anonymisation (a complaint, a court case); restriction (art. 18) makes the case
-- read-only; anonymised_at marks a case whose personal data is gone.
ALTER TABLE citizen_case ADD COLUMN legal_hold_reason text CHECK (length(legal_hold_reason) BETWEEN 1 AND 2000);
ALTER TABLE citizen_case ADD COLUMN legal_hold_since timestamptz;
ALTER TABLE citizen_case ADD COLUMN restriction_reason text CHECK (length(restriction_reason) BETWEEN 1 AND 2000);
ALTER TABLE citizen_case ADD COLUMN restricted_since timestamptz;
ALTER TABLE citizen_case ADD COLUMN anonymised_at timestamptz;
ALTER TABLE citizen_case ADD CONSTRAINT citizen_case_legal_hold
  CHECK ((legal_hold_reason IS NULL) = (legal_hold_since IS NULL));
ALTER TABLE citizen_case ADD CONSTRAINT citizen_case_restriction
  CHECK ((restriction_reason IS NULL) = (restricted_since IS NULL));
ALTER TABLE citizen_case ADD CONSTRAINT citizen_case_anonymised_closed
  CHECK (anonymised_at IS NULL OR phase = 'closed');
CREATE INDEX citizen_case_retention ON citizen_case (closed_on)
  WHERE phase = 'closed' AND anonymised_at IS NULL;

-- An anonymised citizen has no CPR number and cannot be found by one. The stored form names the key it
-- was encrypted under ('v2.' + key id), so rotation can find what an old key still holds; 'v1.' is the
-- form from before key ids (the first key).
ALTER TABLE citizen ADD COLUMN anonymised_at timestamptz;
ALTER TABLE citizen ALTER COLUMN cpr_encrypted DROP NOT NULL;
ALTER TABLE citizen ALTER COLUMN cpr_hash DROP NOT NULL;
ALTER TABLE citizen DROP CONSTRAINT citizen_cpr_encrypted_check;
ALTER TABLE citizen ADD CONSTRAINT citizen_cpr_encrypted_form
  CHECK (cpr_encrypted ~ '^(v1|v2\.[0-9a-f]{8})\.[A-Za-z0-9+/]+={0,2}$');
ALTER TABLE citizen ADD CONSTRAINT citizen_anonymised
  CHECK ((anonymised_at IS NULL) = (cpr_encrypted IS NOT NULL AND cpr_hash IS NOT NULL));

-- The append-only tables that hold a citizen's words (the timeline's reasons, the plan's revisions) let
-- the anonymisation, and only it, overwrite them: it says so in its own transaction (app.anonymising).
-- Nothing may delete from them. The audit log and the access log hold no personal data but ids, and
-- stay strictly append-only.
CREATE FUNCTION refuse_change_unless_anonymising() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND coalesce(current_setting('app.anonymising', true), '') = 'on' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END
$$;
DROP TRIGGER case_event_append_only ON case_event;
CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON case_event
  FOR EACH ROW EXECUTE FUNCTION refuse_change_unless_anonymising();
DROP TRIGGER plan_revision_append_only ON plan_revision;
CREATE TRIGGER plan_revision_append_only BEFORE UPDATE OR DELETE ON plan_revision
  FOR EACH ROW EXECUTE FUNCTION refuse_change_unless_anonymising();

-- The citizen's requests about their data, handled by a coordinator and shown to the citizen.
CREATE TABLE data_subject_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  case_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('access', 'restriction', 'restriction_lifted', 'erasure')),
  note text CHECK (length(note) BETWEEN 1 AND 2000),
  handled_at timestamptz NOT NULL,
  handled_by uuid REFERENCES app_user (id),
  FOREIGN KEY (case_id, municipality_id) REFERENCES citizen_case (id, municipality_id)
);
CREATE INDEX data_subject_request_case ON data_subject_request (case_id, handled_at);

ALTER TABLE data_subject_request ENABLE ROW LEVEL SECURITY;
ALTER TABLE data_subject_request FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON data_subject_request
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

-- When a job last ran, so a daily job runs once a day whichever process gets there first.
CREATE TABLE scheduled_job (
  name text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 100),
  last_run_at timestamptz NOT NULL
);

-- A posting stays as it was written, but for the note staff may write on it (a grant's why, in their
-- own words): the anonymisation, and only it, may clear that note. Amounts, kinds, dates and references
-- never change, so the books and their check read the same after (spec: Retention).
CREATE FUNCTION refuse_ledger_change_unless_clearing_note() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND coalesce(current_setting('app.anonymising', true), '') = 'on'
     AND NEW.note IS NULL AND (to_jsonb(NEW) - 'note') = (to_jsonb(OLD) - 'note') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END
$$;
DROP TRIGGER ledger_entry_append_only ON ledger_entry;
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
  FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change_unless_clearing_note();
