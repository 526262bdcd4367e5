// PostgreSQL error codes the services translate into user-facing errors.
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

// Faults of the connection or the server, not of the request: the work did not happen and may be tried
// again (SQLSTATE classes 08 connection, 53 insufficient resources, 57P operator intervention, 58 system
// error; serialization failures and deadlocks; the driver's own connection errors).
const UNAVAILABLE_STATES = /^(08|53|57P|58)|^40001$|^40P01$/;
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENOSPC',
  'EIO',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|The database is closed|Cannot use a pool after calling end/i;

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_ERRNOS.has(code)))
    return true;
  return UNAVAILABLE_MESSAGES.test(error.message);
}
