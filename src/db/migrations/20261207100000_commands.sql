-- An idempotency key is written in the transaction of its command, together with the response a repeat
-- gets back: a committed key always has its response, and no key is ever left "pending" by a crash.
-- The key row is inserted first (a concurrent duplicate waits on it) and given its response before the
-- commit, so the response columns are empty only inside that transaction.
DELETE FROM idempotency_key WHERE state <> 'done' OR response_status IS NULL;
ALTER TABLE idempotency_key DROP COLUMN state;

-- Keys are kept for a while (IDEMPOTENCY_KEY_HOURS) and then removed by the app's cleanup.
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
