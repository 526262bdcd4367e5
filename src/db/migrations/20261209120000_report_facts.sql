-- The evaluation report's per-case facts (ADR 0014): for every started case, what the report counts of
-- it — its citizen's gender and age at the start, its completion, its intake baseline, its four
-- questionnaires reduced to the codes and scores the figures read, its grant, spending and returns —
-- and, per case and expense category and per case and payment method, its purchases and their net
-- amount. The report then groups these rows (report.repository.ts) instead of joining 100,000 cases to
-- their questionnaires, postings and purchase requests on every request.
--
-- The facts are never written by the application: triggers on the source tables refresh the facts of
-- the cases a statement touched, in the statement's transaction, so they commit or roll back with the
-- change itself, whoever makes it (a service, an import, a bulk load, a hand-written UPDATE). A
-- refresh recomputes the case's rows from the views below, the one definition of a fact; the views
-- also backfill the existing cases here, and `tests/integration/report-facts.test.ts` compares the
-- tables with them. Runs unchanged on PGlite and on PostgreSQL 15+.

-- One case's facts, from the source tables. The expressions are the report's own (the age in completed
-- years, the completion code, the trimmed termination reason, the WHO-5 score, the goal categories);
-- the questionnaire columns are set only for a followed-up case (one with a citizen_end questionnaire).
CREATE VIEW case_report_source WITH (security_invoker = true) AS
SELECT c.id AS case_id, c.municipality_id, c.programme_id, c.start_date,
  z.legal_gender AS gender,
  (extract(year FROM c.start_date)::integer - extract(year FROM z.birth_date)::integer
    - CASE WHEN (extract(month FROM c.start_date), extract(day FROM c.start_date))
              < (extract(month FROM z.birth_date), extract(day FROM z.birth_date)) THEN 1 ELSE 0 END
  ) AS age_at_start,
  CASE WHEN c.phase <> 'closed' THEN 'active'
       WHEN c.close_outcome IN ('completed', 'terminated_early') THEN c.close_outcome END AS completion,
  CASE WHEN c.close_outcome = 'terminated_early' AND c.anonymised_at IS NULL
        AND btrim(coalesce(c.close_reason, '')) <> '' THEN btrim(c.close_reason) END AS termination_reason,
  c.highest_education AS education,
  c.income_source,
  ce.id IS NOT NULL AS followed_up,
  CASE WHEN ce.id IS NOT NULL AND cs.answers ? 'distance' THEN cs.answers ->> 'distance' END AS start_distance,
  CASE WHEN ce.answers ? 'distance' THEN ce.answers ->> 'distance' END AS end_distance,
  CASE WHEN ce.id IS NOT NULL AND ss.answers ? 'belief' THEN ss.answers ->> 'belief' END AS support_belief,
  CASE WHEN ce.id IS NOT NULL AND se.answers ? 'assessment' THEN se.answers ->> 'assessment' END
    AS support_assessment,
  CASE WHEN ce.id IS NOT NULL THEN ARRAY(
    SELECT DISTINCT e.code FROM jsonb_array_elements_text(g.goals) AS e (code) ORDER BY 1) ELSE '{}' END
    AS goal_categories,
  ce.id IS NOT NULL AND jsonb_array_length(g.goals) > 0 AS goals_answered,
  CASE WHEN ce.id IS NOT NULL THEN w.start_score END AS who5_start,
  w.end_score AS who5_end,
  m.granted_ore, m.spent_ore, m.returned_ore
FROM citizen_case c
JOIN citizen z ON z.id = c.citizen_id
LEFT JOIN questionnaire_response cs ON cs.case_id = c.id AND cs.municipality_id = c.municipality_id
  AND cs.instrument = 'citizen_start'
LEFT JOIN questionnaire_response ss ON ss.case_id = c.id AND ss.municipality_id = c.municipality_id
  AND ss.instrument = 'support_start'
LEFT JOIN questionnaire_response ce ON ce.case_id = c.id AND ce.municipality_id = c.municipality_id
  AND ce.instrument = 'citizen_end'
LEFT JOIN questionnaire_response se ON se.case_id = c.id AND se.municipality_id = c.municipality_id
  AND se.instrument = 'support_end'
CROSS JOIN LATERAL (
  SELECT CASE WHEN jsonb_typeof(cs.answers -> 'goal_categories') = 'array'
    THEN cs.answers -> 'goal_categories' ELSE '[]'::jsonb END AS goals
) g
CROSS JOIN LATERAL (
  SELECT
    CASE WHEN jsonb_typeof(cs.answers -> 'who5_1') = 'number' AND jsonb_typeof(cs.answers -> 'who5_2') = 'number'
      AND jsonb_typeof(cs.answers -> 'who5_3') = 'number' AND jsonb_typeof(cs.answers -> 'who5_4') = 'number'
      AND jsonb_typeof(cs.answers -> 'who5_5') = 'number'
      THEN ((cs.answers -> 'who5_1')::integer + (cs.answers -> 'who5_2')::integer
        + (cs.answers -> 'who5_3')::integer + (cs.answers -> 'who5_4')::integer
        + (cs.answers -> 'who5_5')::integer) * 4 END AS start_score,
    CASE WHEN jsonb_typeof(ce.answers -> 'who5_1') = 'number' AND jsonb_typeof(ce.answers -> 'who5_2') = 'number'
      AND jsonb_typeof(ce.answers -> 'who5_3') = 'number' AND jsonb_typeof(ce.answers -> 'who5_4') = 'number'
      AND jsonb_typeof(ce.answers -> 'who5_5') = 'number'
      THEN ((ce.answers -> 'who5_1')::integer + (ce.answers -> 'who5_2')::integer
        + (ce.answers -> 'who5_3')::integer + (ce.answers -> 'who5_4')::integer
        + (ce.answers -> 'who5_5')::integer) * 4 END AS end_score
) w
CROSS JOIN LATERAL (
  SELECT
    coalesce(sum(l.amount_ore) FILTER (WHERE l.kind = 'grant'), 0)::bigint AS granted_ore,
    (coalesce(sum(l.amount_ore) FILTER (WHERE l.kind = 'payment'), 0)
      - coalesce(sum(l.amount_ore) FILTER (WHERE l.kind = 'refund'), 0))::bigint AS spent_ore,
    coalesce(sum(l.amount_ore) FILTER (WHERE l.kind = 'return_to_pool'), 0)::bigint AS returned_ore
  FROM ledger_entry l
  WHERE l.case_id = c.id AND l.municipality_id = c.municipality_id
    AND l.kind IN ('grant', 'payment', 'refund', 'return_to_pool')
) m
WHERE c.start_date IS NOT NULL;

-- One started case's purchases by expense category and by payment method: the net amount paid
-- (payments − refunds) and the purchases paid. A purchase is a request with a payment; payments without
-- a request (none is made today) count together as one purchase in `other`; a purchase's method is its
-- payment's.
CREATE VIEW case_report_spending_source WITH (security_invoker = true) AS
SELECT c.id AS case_id, c.municipality_id, c.programme_id, c.start_date, d.dimension, d.code,
  sum(p.payments)::bigint AS purchases, sum(p.net)::bigint AS net_ore
FROM citizen_case c
CROSS JOIN LATERAL (
  SELECT l.purchase_request_id,
    min(l.payment_method) FILTER (WHERE l.kind = 'payment') AS method,
    count(*) FILTER (WHERE l.kind = 'payment') AS payments,
    coalesce(sum(l.amount_ore) FILTER (WHERE l.kind = 'payment'), 0)
      - coalesce(sum(l.amount_ore) FILTER (WHERE l.kind = 'refund'), 0) AS net
  FROM ledger_entry l
  WHERE l.case_id = c.id AND l.municipality_id = c.municipality_id AND l.kind IN ('payment', 'refund')
  GROUP BY l.purchase_request_id
  HAVING count(*) FILTER (WHERE l.kind = 'payment') > 0
) p
LEFT JOIN purchase_request r ON r.id = p.purchase_request_id AND r.municipality_id = c.municipality_id
CROSS JOIN LATERAL (
  VALUES ('category', coalesce(r.category, 'other')), ('method', p.method)
) AS d (dimension, code)
WHERE c.start_date IS NOT NULL
GROUP BY c.id, c.municipality_id, c.programme_id, c.start_date, d.dimension, d.code;

CREATE TABLE case_report_fact (
  case_id uuid PRIMARY KEY,
  municipality_id integer NOT NULL REFERENCES municipality (id),
  programme_id uuid NOT NULL,
  start_date date NOT NULL,
  gender text NOT NULL,
  age_at_start integer NOT NULL,
  completion text,
  termination_reason text,
  education text,
  income_source text,
  followed_up boolean NOT NULL,
  start_distance text,
  end_distance text,
  support_belief text,
  support_assessment text,
  goal_categories text[] NOT NULL,
  goals_answered boolean NOT NULL,
  who5_start integer,
  who5_end integer,
  granted_ore bigint NOT NULL,
  spent_ore bigint NOT NULL,
  returned_ore bigint NOT NULL,
  FOREIGN KEY (case_id, municipality_id) REFERENCES citizen_case (id, municipality_id)
);
-- The report selects by municipality and start date (and programme).
CREATE INDEX case_report_fact_selection ON case_report_fact (municipality_id, start_date);

CREATE TABLE case_report_spending (
  case_id uuid NOT NULL,
  municipality_id integer NOT NULL REFERENCES municipality (id),
  programme_id uuid NOT NULL,
  start_date date NOT NULL,
  dimension text NOT NULL CHECK (dimension IN ('category', 'method')),
  code text NOT NULL,
  purchases bigint NOT NULL CHECK (purchases > 0),
  net_ore bigint NOT NULL,
  PRIMARY KEY (case_id, dimension, code),
  FOREIGN KEY (case_id, municipality_id) REFERENCES citizen_case (id, municipality_id)
);
CREATE INDEX case_report_spending_selection ON case_report_spending (municipality_id, start_date);

-- Recomputes the facts of the given cases (a case that has not started has none). The cases' rows
-- are locked first, as the ledger's guard locks them: a refresh in another transaction waits for this
-- one to commit and then reads what it wrote, so two changes to one case never leave stale facts.
CREATE FUNCTION case_report_refresh(ids uuid[]) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM citizen_case WHERE id = ANY (ids) ORDER BY id FOR UPDATE;
  DELETE FROM case_report_spending WHERE case_id = ANY (ids);
  DELETE FROM case_report_fact WHERE case_id = ANY (ids);
  INSERT INTO case_report_fact SELECT * FROM case_report_source WHERE case_id = ANY (ids);
  INSERT INTO case_report_spending SELECT * FROM case_report_spending_source WHERE case_id = ANY (ids);
END
$$;

-- The triggers: statement-level, so a bulk INSERT … SELECT refreshes its cases in one set-based pass;
-- each names only the cases whose report inputs the statement changed.
CREATE FUNCTION case_report_on_case() RETURNS trigger
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM case_report_refresh(ARRAY(SELECT n.id FROM new_rows n WHERE n.start_date IS NOT NULL));
  ELSE
    PERFORM case_report_refresh(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.municipality_id, n.programme_id, n.citizen_id, n.start_date, n.phase, n.close_outcome,
             n.close_reason, n.income_source, n.highest_education, n.anonymised_at)
        IS DISTINCT FROM (o.municipality_id, o.programme_id, o.citizen_id, o.start_date, o.phase,
             o.close_outcome, o.close_reason, o.income_source, o.highest_education, o.anonymised_at)));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER case_report_case_insert AFTER INSERT ON citizen_case
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_report_on_case();
CREATE TRIGGER case_report_case_update AFTER UPDATE ON citizen_case
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_report_on_case();

-- A citizen's birth date (the anonymisation moves it) and gender.
CREATE FUNCTION case_report_on_citizen() RETURNS trigger
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM case_report_refresh(ARRAY(
    SELECT c.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN citizen_case c ON c.citizen_id = n.id
    WHERE (n.birth_date, n.legal_gender) IS DISTINCT FROM (o.birth_date, o.legal_gender)
      AND c.start_date IS NOT NULL));
  RETURN NULL;
END
$$;
CREATE TRIGGER case_report_citizen_update AFTER UPDATE ON citizen
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_report_on_citizen();

-- Answers saved, changed or removed (a changed date alone changes nothing the report reads).
CREATE FUNCTION case_report_on_questionnaire() RETURNS trigger
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM case_report_refresh(ARRAY(SELECT DISTINCT n.case_id FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM case_report_refresh(ARRAY(SELECT DISTINCT o.case_id FROM old_rows o));
  ELSE
    PERFORM case_report_refresh(ARRAY(
      SELECT DISTINCT x.case_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      CROSS JOIN LATERAL (VALUES (n.case_id), (o.case_id)) AS x (case_id)
      WHERE (n.case_id, n.instrument, n.answers) IS DISTINCT FROM (o.case_id, o.instrument, o.answers)));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER case_report_questionnaire_insert AFTER INSERT ON questionnaire_response
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_report_on_questionnaire();
CREATE TRIGGER case_report_questionnaire_update AFTER UPDATE ON questionnaire_response
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_report_on_questionnaire();
CREATE TRIGGER case_report_questionnaire_delete AFTER DELETE ON questionnaire_response
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_report_on_questionnaire();

-- Postings that move granted, spent or returned money (the ledger is append-only; its one allowed
-- update, clearing a note, changes no figure).
CREATE FUNCTION case_report_on_posting() RETURNS trigger
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM case_report_refresh(ARRAY(
    SELECT DISTINCT n.case_id FROM new_rows n WHERE n.kind IN ('grant', 'payment', 'refund', 'return_to_pool')));
  RETURN NULL;
END
$$;
CREATE TRIGGER case_report_posting_insert AFTER INSERT ON ledger_entry
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_report_on_posting();

-- A request's category, once it has a payment (before that the request is no purchase yet).
CREATE FUNCTION case_report_on_request() RETURNS trigger
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM case_report_refresh(ARRAY(
    SELECT n.case_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.case_id, n.category) IS DISTINCT FROM (o.case_id, o.category)
      AND EXISTS (SELECT 1 FROM ledger_entry l WHERE l.purchase_request_id = n.id AND l.kind = 'payment')));
  RETURN NULL;
END
$$;
CREATE TRIGGER case_report_request_update AFTER UPDATE ON purchase_request
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_report_on_request();

-- The cases there are already: all of them, whichever municipality (the scope ends with this
-- migration's transaction).
SELECT set_config('app.scope', 'all', true);
INSERT INTO case_report_fact SELECT * FROM case_report_source;
INSERT INTO case_report_spending SELECT * FROM case_report_spending_source;

ALTER TABLE case_report_fact ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_report_fact FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON case_report_fact
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE case_report_spending ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_report_spending FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON case_report_spending
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));
