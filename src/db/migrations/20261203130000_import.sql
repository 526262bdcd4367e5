-- Import of existing programme data (formats: CSV import). Imported cases are ordinary
-- cases; this table only remembers which case came from which case_ref, so a second import of the same
-- case is refused (per municipality, by the UNIQUE constraint, also under concurrency) and answers or
-- payments imported later can find their case again.
CREATE TABLE imported_case (
  case_id uuid PRIMARY KEY,
  municipality_id integer NOT NULL REFERENCES municipality (id),
  case_ref text NOT NULL CHECK (length(case_ref) BETWEEN 1 AND 100),
  imported_at timestamptz NOT NULL,
  -- The coordinator who uploaded the files; null for the operator's command line.
  imported_by uuid REFERENCES app_user (id),
  UNIQUE (municipality_id, case_ref),
  FOREIGN KEY (case_id, municipality_id) REFERENCES citizen_case (id, municipality_id)
);
CREATE INDEX imported_case_ref ON imported_case (case_ref);

ALTER TABLE imported_case ENABLE ROW LEVEL SECURITY;
ALTER TABLE imported_case FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON imported_case
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));
