-- The row-level-security bounds only read this transaction's settings, which PostgreSQL hands to its
-- parallel workers; marked PARALLEL SAFE, they no longer keep every query on a municipal table from a
-- parallel plan (a query that calls a function not marked so is planned without workers). The national
-- report's scans of its fact tables then share the work between the cores (spec: Scale).
ALTER FUNCTION app_tenant_low() PARALLEL SAFE;
ALTER FUNCTION app_tenant_high() PARALLEL SAFE;
ALTER FUNCTION app_tenant_visible(integer) PARALLEL SAFE;
