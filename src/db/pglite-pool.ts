import { PGlite, types } from '@electric-sql/pglite';

// PGlite is one connection. Kysely's PostgresDialect asks a pool for a connection per query or
// transaction; this pool hands out that one connection to one caller at a time, so transactions of
// concurrent requests never interleave.

type Command = 'INSERT' | 'UPDATE' | 'DELETE' | 'MERGE' | 'SELECT';

interface QueryResult {
  command: Command;
  rowCount: number;
  rows: unknown[];
}

export interface PgliteClient {
  query(sql: string, params?: readonly unknown[]): Promise<QueryResult>;
  release(): void;
}

export const PGLITE_PARSERS = {
  [types.INT8]: parseSafeInteger,
  // Plain dates stay ISO strings: a calendar date is not an instant (see domain/calendar-date.ts).
  [types.DATE]: (value: string) => value,
};

export function parseSafeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint value ${value} is outside the safe range`);
  return n;
}

export class PglitePool {
  private queue: Promise<void> = Promise.resolve();
  private ended = false;

  constructor(readonly db: PGlite) {}

  connect(): Promise<PgliteClient> {
    if (this.ended) return Promise.reject(new Error('The database is closed.'));
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const ready = this.queue;
    this.queue = ready.then(() => turn);
    return ready.then(() => ({
      query: async (sql, params) => {
        // Without parameters, use the simple protocol so a migration file may hold many statements.
        const result =
          params && params.length > 0
            ? await this.db.query(sql, [...params])
            : (await this.db.exec(sql)).at(-1);
        return { command: commandOf(sql), rowCount: result?.affectedRows ?? 0, rows: result?.rows ?? [] };
      },
      release,
    }));
  }

  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.queue;
    await this.db.close();
  }
}

/** Kysely reads the affected-row count only for INSERT, UPDATE, DELETE and MERGE. */
function commandOf(sql: string): Command {
  const first = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase();
  return first === 'INSERT' || first === 'UPDATE' || first === 'DELETE' || first === 'MERGE'
    ? first
    : 'SELECT';
}
