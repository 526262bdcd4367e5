import { pino, type Logger } from 'pino';

// Structured JSON logs. Secrets and personal data never reach a log line: request bodies are not logged,
// and these paths are redacted wherever they appear.
const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'cpr',
  '*.cpr',
  'cookie',
  '*.cookie',
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'secret',
  '*.secret',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'borgerbudget' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export type { Logger };
