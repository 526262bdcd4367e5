-- Row-level security the planner can estimate (ADR 0003). The tenant policies were
-- `app_tenant_visible(municipality_id)`, which the planner inlines to
--   current_setting('app.scope') = 'all' OR municipality_id = current_setting('app.municipality_id')
-- The first arm has no column in it, so the planner cannot estimate it and takes a default 0.5 %: a
-- national read was planned for 1 row in 200 (nested loops over 100,000 cases), and the OR kept the
-- policy from ever serving as an index condition.
--
-- Now a policy is a range on the column whose bounds come from the transaction's scope:
--   municipality_id BETWEEN app_tenant_low() AND app_tenant_high()
-- one municipality: both bounds are its id; scope 'all': the whole range of integer; neither set: NULL,
-- so nothing is visible and nothing can be written. The bounds are stable expressions with no column in
-- them, which the planner evaluates while it plans (for estimates only; the plan itself stays valid for
-- any scope), so it sees one municipality's share of the rows, or all of them, from the column's
-- statistics, and uses the range as an index condition on indexes that lead with municipality_id.
CREATE FUNCTION app_tenant_low() RETURNS integer
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN coalesce(current_setting('app.scope', true), '') = 'all' THEN '-2147483648'::integer
              ELSE nullif(current_setting('app.municipality_id', true), '')::integer END
$$;

CREATE FUNCTION app_tenant_high() RETURNS integer
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN coalesce(current_setting('app.scope', true), '') = 'all' THEN 2147483647
              ELSE nullif(current_setting('app.municipality_id', true), '')::integer END
$$;

-- The same visibility as before for every value, NULL included (national rows: only scope 'all' sees
-- them), in the estimable form. Tables whose municipality_id may be NULL keep this function in their
-- policies, and any policy not rewritten below stays correct with it. The bounds are written out rather
-- than called: pg_dump and pg_restore run with an empty search_path, where a function body that names
-- app_tenant_low() finds nothing (policies name their functions by reference; bodies by text).
CREATE OR REPLACE FUNCTION app_tenant_visible(m integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT m BETWEEN
           CASE WHEN coalesce(current_setting('app.scope', true), '') = 'all' THEN '-2147483648'::integer
                ELSE nullif(current_setting('app.municipality_id', true), '')::integer END
       AND CASE WHEN coalesce(current_setting('app.scope', true), '') = 'all' THEN 2147483647
                ELSE nullif(current_setting('app.municipality_id', true), '')::integer END
      OR (m IS NULL AND coalesce(current_setting('app.scope', true), '') = 'all')
$$;

-- Every policy that is exactly `app_tenant_visible(<column>)` (USING and WITH CHECK) on a column that
-- is NOT NULL becomes the bare range, which can be an index condition (an OR cannot). Done over the
-- catalogue, so it covers every tenant table whichever migration made it.
DO $$
DECLARE
  p record;
  range text;
BEGIN
  FOR p IN
    SELECT pol.polname, c.relname, a.attname
    FROM pg_policy pol
    JOIN pg_class c ON c.oid = pol.polrelid
    JOIN pg_attribute a ON a.attrelid = pol.polrelid AND a.attnotnull AND NOT a.attisdropped
      AND pg_get_expr(pol.polqual, pol.polrelid) = format('app_tenant_visible(%s)', quote_ident(a.attname))
    WHERE c.relnamespace = current_schema()::regnamespace
      AND pg_get_expr(pol.polwithcheck, pol.polrelid) IS NOT DISTINCT FROM pg_get_expr(pol.polqual, pol.polrelid)
  LOOP
    range := format('%I BETWEEN app_tenant_low() AND app_tenant_high()', p.attname);
    EXECUTE format('ALTER POLICY %I ON %I USING (%s) WITH CHECK (%s)', p.polname, p.relname, range, range);
  END LOOP;
END
$$;
