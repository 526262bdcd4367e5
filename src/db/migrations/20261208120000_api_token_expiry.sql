-- An API token expires a year after it is issued (spec: API tokens). Tokens issued before expiry existed
-- keep working for at least 90 days from this migration, so an integration is not cut off unannounced.
ALTER TABLE api_token ADD COLUMN expires_at timestamptz;
UPDATE api_token SET expires_at = greatest(created_at + interval '365 days', now() + interval '90 days');
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;
