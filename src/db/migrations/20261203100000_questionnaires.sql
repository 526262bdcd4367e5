-- Questionnaires of a case (spec: Questionnaires): one answer set per case and instrument,
-- saved part-way and completed later. Answers are a JSON object of item id → value, validated by the
-- domain against the instrument's version (src/domain/questionnaire); an item that was not answered is
-- absent, never a default. A citizen's instrument entered by the support person is marked on_behalf.

CREATE TABLE questionnaire_response (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  case_id uuid NOT NULL,
  instrument text NOT NULL
    CHECK (instrument IN ('citizen_start', 'support_start', 'citizen_end', 'support_end')),
  version integer NOT NULL CHECK (version > 0),
  answers jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(answers) = 'object'),
  -- The day the questionnaire was answered (the last save, or the date an import gives).
  answered_on date NOT NULL,
  on_behalf boolean NOT NULL DEFAULT false,
  -- Who last saved it; null when it came from an import.
  saved_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  completed_at timestamptz,
  UNIQUE (case_id, instrument),
  FOREIGN KEY (case_id, municipality_id) REFERENCES citizen_case (id, municipality_id),
  -- Only a citizen's questionnaire can be answered on the citizen's behalf.
  CHECK (NOT on_behalf OR instrument IN ('citizen_start', 'citizen_end'))
);
CREATE INDEX questionnaire_response_municipality ON questionnaire_response (municipality_id, instrument);

ALTER TABLE questionnaire_response ENABLE ROW LEVEL SECURITY;
ALTER TABLE questionnaire_response FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON questionnaire_response
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));
