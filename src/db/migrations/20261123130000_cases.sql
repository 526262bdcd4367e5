-- Cases and goal plans (spec: Cases; spec: Goal plan): citizens with encrypted CPR numbers; cases (forløb)
-- from referral to close with an append-only timeline, pauses, support assignments with history and the
-- conditions acknowledgement; the plan (dream, long-term goals, sub-goals, planned activities, ideas) with
-- its append-only revisions; follow-up notes. Runs unchanged on PGlite and on PostgreSQL 15+.
--
-- Every table carries municipality_id, is filtered by row-level security and points at its parents
-- with (id, municipality_id) keys, so no row can refer to another municipality's programme, citizen,
-- case or user (and the tables are ready for Citus with municipality_id as the distribution column).
-- Not stored, by design (spec: Not stored): diagnoses and criminal records.

ALTER TABLE programme ADD CONSTRAINT programme_id_municipality UNIQUE (id, municipality_id);
ALTER TABLE app_user ADD CONSTRAINT app_user_id_municipality UNIQUE (id, municipality_id);

CREATE TABLE citizen (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  -- AES-256-GCM: 'v1.' + base64(iv | tag | ciphertext). The number itself is never stored
  -- (spec: CPR at rest).
  cpr_encrypted text NOT NULL CHECK (cpr_encrypted ~ '^v1\.[A-Za-z0-9+/]+={0,2}$'),
  -- HMAC-SHA256 of the number under a key derived from the CPR key: finds the citizen again.
  cpr_hash text NOT NULL CHECK (cpr_hash ~ '^[0-9a-f]{64}$'),
  -- Derived from the number at registration, so reports need not decrypt it (spec: CPR numbers).
  birth_date date NOT NULL,
  legal_gender text NOT NULL CHECK (legal_gender IN ('male', 'female')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  phone text CHECK (length(phone) BETWEEN 1 AND 40),
  email text CHECK (length(email) BETWEEN 3 AND 254),
  preferred_language text NOT NULL DEFAULT 'da' CHECK (preferred_language ~ '^[a-z]{2}$'),
  -- The citizen's own log-in to the portal, once they have one.
  user_id uuid UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, cpr_hash),
  UNIQUE (id, municipality_id),
  FOREIGN KEY (user_id, municipality_id) REFERENCES app_user (id, municipality_id)
);

-- Case numbers run per municipality (what finance and letters refer to instead of the CPR number).
CREATE TABLE case_counter (
  municipality_id integer PRIMARY KEY REFERENCES municipality (id),
  last_number integer NOT NULL CHECK (last_number >= 0)
);

-- "case" is a keyword, hence citizen_case. The phase columns mirror domain/case-lifecycle.ts; the
-- checks below are its invariants, so a bug in a service cannot store a state the spec forbids.
CREATE TABLE citizen_case (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  case_number integer NOT NULL CHECK (case_number > 0),
  programme_id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  phase text NOT NULL
    CHECK (phase IN ('referred', 'screening', 'lead_in', 'active', 'paused', 'closed')),
  referral_source text NOT NULL CHECK (referral_source IN ('jobcenter', 'street_team', 'housing_support',
    'shelter', 'substance_treatment', 'psychiatry', 'social_services', 'self', 'other')),
  referral_reason text NOT NULL CHECK (length(referral_reason) BETWEEN 1 AND 4000),
  referred_on date NOT NULL,
  lead_in_started_on date,
  start_date date,
  -- Taken from the programme at activation; a later change of the programme leaves it be.
  duration_months smallint CHECK (duration_months BETWEEN 1 AND 36),
  close_outcome text CHECK (close_outcome IN ('completed', 'terminated_early', 'declined')),
  closed_on date,
  close_reason text CHECK (length(close_reason) BETWEEN 1 AND 4000),
  -- Intake baseline (spec: Intake baseline), only with the citizen's consent.
  baseline_consent boolean NOT NULL DEFAULT false,
  target_groups text[] NOT NULL DEFAULT '{}'
    CHECK (target_groups <@ ARRAY['homelessness', 'substance_abuse', 'mental_illness', 'other']::text[]),
  income_source text CHECK (income_source IN ('cash_benefit', 'education_benefit', 'resource_course',
    'disability_pension', 'student_grant', 'employment', 'other')),
  highest_education text CHECK (highest_education IN ('primary', 'upper_secondary', 'higher', 'unknown')),
  -- The dream in the citizen's own words (the rest of the plan has its own tables).
  dream text NOT NULL DEFAULT '' CHECK (length(dream) <= 4000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, case_number),
  UNIQUE (id, municipality_id),
  FOREIGN KEY (programme_id, municipality_id) REFERENCES programme (id, municipality_id),
  FOREIGN KEY (citizen_id, municipality_id) REFERENCES citizen (id, municipality_id),
  CHECK ((phase = 'closed') = (close_outcome IS NOT NULL)),
  CHECK ((phase = 'closed') = (closed_on IS NOT NULL)),
  CHECK ((close_reason IS NULL) = (close_outcome IS NULL OR close_outcome = 'completed')),
  CHECK (phase IN ('referred', 'screening') OR close_outcome IS NOT DISTINCT FROM 'declined'
    OR lead_in_started_on IS NOT NULL),
  CHECK (close_outcome IS DISTINCT FROM 'declined' OR lead_in_started_on IS NULL),
  CHECK (lead_in_started_on IS NULL OR lead_in_started_on >= referred_on),
  CHECK ((start_date IS NULL) = (duration_months IS NULL)),
  CHECK ((phase NOT IN ('active', 'paused') AND close_outcome IS DISTINCT FROM 'completed')
    OR start_date IS NOT NULL),
  CHECK (phase NOT IN ('referred', 'screening', 'lead_in') OR start_date IS NULL),
  CHECK (start_date IS NULL OR start_date >= lead_in_started_on),
  CHECK (closed_on IS NULL OR closed_on >= referred_on),
  CHECK (baseline_consent
    OR (cardinality(target_groups) = 0 AND income_source IS NULL AND highest_education IS NULL))
);
-- A citizen has at most one open case per programme (spec: Cases).
CREATE UNIQUE INDEX citizen_case_one_open ON citizen_case (programme_id, citizen_id) WHERE phase <> 'closed';
CREATE INDEX citizen_case_municipality_phase ON citizen_case (municipality_id, phase);
CREATE INDEX citizen_case_citizen ON citizen_case (citizen_id);

-- The case's timeline: every transition and change, dated, by whom, with the reason. Append-only.
CREATE TABLE case_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_id integer NOT NULL REFERENCES municipality (id),
  case_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  -- The calendar date the event is about (accepted on, paused from …), when it has one.
  event_date date,
  type text NOT NULL CHECK (type IN ('referred', 'referral_updated', 'screening_started', 'accepted',
    'declined', 'support_assigned', 'support_changed', 'conditions_acknowledged', 'activated', 'paused',
    'resumed', 'completed', 'terminated', 'intake_updated')),
  actor_user_id uuid REFERENCES app_user (id),
  actor_role text,
  reason text CHECK (length(reason) <= 4000),
  data jsonb,
  FOREIGN KEY (case_id, municipality_id) REFERENCES citizen_case (id, municipality_id)
);
CREATE INDEX case_event_case ON case_event (case_id, id);
CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON case_event
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER case_event_no_truncate BEFORE TRUNCATE ON case_event
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Pauses of the period, [from_date, to_date): the end date moves by the paused days (spec: Pauses).
CREATE TABLE case_pause (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  case_id uuid NOT NULL,
  from_date date NOT NULL,
  to_date date,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (case_id, municipality_id) REFERENCES citizen_case (id, municipality_id),
  CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE UNIQUE INDEX case_pause_one_open ON case_pause (case_id) WHERE to_date IS NULL;
CREATE INDEX case_pause_case ON case_pause (case_id, from_date);

-- Who supports the citizen, with history (spec: Support assignment): exactly one current row per
-- assigned case; a change ends the current row and starts the next in one transaction.
CREATE TABLE support_assignment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  case_id uuid NOT NULL,
  support_user_id uuid NOT NULL,
  coordinator_user_id uuid,
  valid_from date NOT NULL,
  -- The day the next support person took over; null while current.
  valid_to date,
  -- Why this person: e.g. the citizen asked for someone else (2020 evaluation report, §6.5
  -- "Medarbejderkompetencer").
  reason text CHECK (length(reason) BETWEEN 1 AND 2000),
  assigned_by uuid NOT NULL REFERENCES app_user (id),
  assigned_at timestamptz NOT NULL,
  ended_at timestamptz,
  FOREIGN KEY (case_id, municipality_id) REFERENCES citizen_case (id, municipality_id),
  FOREIGN KEY (support_user_id, municipality_id) REFERENCES app_user (id, municipality_id),
  FOREIGN KEY (coordinator_user_id, municipality_id) REFERENCES app_user (id, municipality_id),
  CHECK ((valid_to IS NULL) = (ended_at IS NULL)),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX support_assignment_one_current ON support_assignment (case_id) WHERE ended_at IS NULL;
CREATE INDEX support_assignment_current_by_user ON support_assignment (support_user_id)
  WHERE ended_at IS NULL;
CREATE INDEX support_assignment_case ON support_assignment (case_id, assigned_at);

-- The citizen has had the conditions explained and accepted them (spec: Conditions). Evidence: append-only.
CREATE TABLE conditions_acknowledgement (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  case_id uuid NOT NULL,
  acknowledged_on date NOT NULL,
  method text NOT NULL CHECK (method IN ('in_person', 'on_paper', 'in_portal')),
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL,
  FOREIGN KEY (case_id, municipality_id) REFERENCES citizen_case (id, municipality_id)
);
CREATE INDEX conditions_acknowledgement_case ON conditions_acknowledgement (case_id, recorded_at);
CREATE TRIGGER conditions_acknowledgement_append_only BEFORE UPDATE OR DELETE ON conditions_acknowledgement
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER conditions_acknowledgement_no_truncate BEFORE TRUNCATE ON conditions_acknowledgement
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- The plan (spec: Goal plan). Long-term goals carry one or more of the eight goal categories.
CREATE TABLE long_term_goal (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  case_id uuid NOT NULL,
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  categories text[] NOT NULL CHECK (cardinality(categories) >= 1 AND categories <@ ARRAY[
    'education_employment', 'finances_debt', 'self_esteem_wellbeing', 'health', 'substance_free',
    'housing', 'social_relations', 'independence']::text[]),
  position integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, case_id),
  FOREIGN KEY (case_id, municipality_id) REFERENCES citizen_case (id, municipality_id)
);
CREATE INDEX long_term_goal_case ON long_term_goal (case_id, position);

-- At most five sub-goals that are not dropped: checked by the service (domain/plan.ts) with the
-- case row locked, so two concurrent additions cannot both pass.
CREATE TABLE sub_goal (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  case_id uuid NOT NULL,
  long_term_goal_id uuid,
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'achieved', 'dropped')),
  position integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, case_id),
  FOREIGN KEY (case_id, municipality_id) REFERENCES citizen_case (id, municipality_id),
  FOREIGN KEY (long_term_goal_id, case_id) REFERENCES long_term_goal (id, case_id)
);
CREATE INDEX sub_goal_case ON sub_goal (case_id, position);

CREATE TABLE planned_activity (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  case_id uuid NOT NULL,
  sub_goal_id uuid NOT NULL,
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
  estimated_cost_ore bigint CHECK (estimated_cost_ore BETWEEN 0 AND 5000000),
  expense_category text CHECK (expense_category IN ('transport', 'education', 'electronics', 'housing',
    'health', 'exercise_leisure', 'family_experiences', 'debt', 'clothing_care', 'business', 'other')),
  position integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (case_id, municipality_id) REFERENCES citizen_case (id, municipality_id),
  FOREIGN KEY (sub_goal_id, case_id) REFERENCES sub_goal (id, case_id)
);
CREATE INDEX planned_activity_sub_goal ON planned_activity (sub_goal_id, position);
CREATE INDEX planned_activity_case ON planned_activity (case_id);

-- The idea list: write everything down first, choose later (spec: Idea list).
CREATE TABLE idea (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  case_id uuid NOT NULL,
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'chosen', 'set_aside')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (case_id, municipality_id) REFERENCES citizen_case (id, municipality_id)
);
CREATE INDEX idea_case ON idea (case_id, created_at);

-- Every change of the plan: who, when, what (before and after). Append-only.
CREATE TABLE plan_revision (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_id integer NOT NULL REFERENCES municipality (id),
  case_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_user_id uuid REFERENCES app_user (id),
  actor_role text,
  entity_type text NOT NULL
    CHECK (entity_type IN ('dream', 'long_term_goal', 'sub_goal', 'planned_activity', 'idea')),
  entity_id uuid,
  change text NOT NULL CHECK (change IN ('create', 'update', 'delete')),
  before jsonb,
  after jsonb,
  FOREIGN KEY (case_id, municipality_id) REFERENCES citizen_case (id, municipality_id)
);
CREATE INDEX plan_revision_case ON plan_revision (case_id, id);
CREATE TRIGGER plan_revision_append_only BEFORE UPDATE OR DELETE ON plan_revision
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER plan_revision_no_truncate BEFORE TRUNCATE ON plan_revision
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Follow-up notes (opfølgning), shared with the citizen unless internal.
CREATE TABLE follow_up_note (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  case_id uuid NOT NULL,
  written_on date NOT NULL,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  internal boolean NOT NULL DEFAULT false,
  author_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (case_id, municipality_id) REFERENCES citizen_case (id, municipality_id),
  FOREIGN KEY (author_user_id, municipality_id) REFERENCES app_user (id, municipality_id)
);
CREATE INDEX follow_up_note_case ON follow_up_note (case_id, written_on, created_at);

-- The access log names the citizen and case read, so "Hvem har set mine oplysninger" is one lookup.
ALTER TABLE access_log ADD COLUMN citizen_id uuid REFERENCES citizen (id);
ALTER TABLE access_log ADD COLUMN case_id uuid REFERENCES citizen_case (id);
CREATE INDEX access_log_citizen ON access_log (citizen_id, occurred_at) WHERE citizen_id IS NOT NULL;
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- The second wall: every tenant table is filtered by municipality, also for the table's owner.
ALTER TABLE citizen ENABLE ROW LEVEL SECURITY;
ALTER TABLE citizen FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON citizen
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE case_counter ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_counter FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON case_counter
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE citizen_case ENABLE ROW LEVEL SECURITY;
ALTER TABLE citizen_case FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON citizen_case
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE case_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON case_event
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE case_pause ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_pause FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON case_pause
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE support_assignment ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_assignment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON support_assignment
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE conditions_acknowledgement ENABLE ROW LEVEL SECURITY;
ALTER TABLE conditions_acknowledgement FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON conditions_acknowledgement
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE long_term_goal ENABLE ROW LEVEL SECURITY;
ALTER TABLE long_term_goal FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON long_term_goal
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE sub_goal ENABLE ROW LEVEL SECURITY;
ALTER TABLE sub_goal FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON sub_goal
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE planned_activity ENABLE ROW LEVEL SECURITY;
ALTER TABLE planned_activity FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON planned_activity
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE idea ENABLE ROW LEVEL SECURITY;
ALTER TABLE idea FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON idea
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE plan_revision ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_revision FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON plan_revision
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE follow_up_note ENABLE ROW LEVEL SECURITY;
ALTER TABLE follow_up_note FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON follow_up_note
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));
