-- The import history (spec: Import): one row per municipality an import wrote to — when, who (the
-- coordinator who uploaded the files; null for the operator's command line), from where, and how many
-- cases, questionnaire responses and payments it created. Counts only: nothing of the imported citizens.
-- A refused import writes nothing, so it has no row either. The id is the id of the import's audit event
-- (`import.run`), so the list and the audit log name the same import.
CREATE TABLE import_run (
  id uuid PRIMARY KEY,
  municipality_id integer NOT NULL REFERENCES municipality (id),
  imported_at timestamptz NOT NULL,
  imported_by uuid REFERENCES app_user (id),
  source text NOT NULL CHECK (source IN ('web', 'cli')),
  cases integer NOT NULL CHECK (cases >= 0),
  questionnaires integer NOT NULL CHECK (questionnaires >= 0),
  payments integer NOT NULL CHECK (payments >= 0)
);
CREATE INDEX import_run_newest ON import_run (municipality_id, imported_at DESC, id DESC);

-- The imports there were already, from their audit events (which hold the same counts), whichever
-- municipality (the scope ends with this migration's transaction).
SELECT set_config('app.scope', 'all', true);
INSERT INTO import_run (id, municipality_id, imported_at, imported_by, source, cases, questionnaires, payments)
SELECT entity_id::uuid, municipality_id, occurred_at, actor_user_id,
       CASE WHEN after ->> 'source' = 'web' THEN 'web' ELSE 'cli' END,
       coalesce(jsonb_array_length(after -> 'cases'), 0),
       coalesce((after ->> 'questionnaires')::integer, 0),
       coalesce((after ->> 'payments')::integer, 0)
FROM audit_event
WHERE action = 'import.run' AND entity_type = 'import' AND municipality_id IS NOT NULL;

ALTER TABLE import_run ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_run FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON import_run
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));
