import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';
import { sql, type Kysely, type Transaction } from 'kysely';
import { Unavailable } from '../domain/errors.ts';
import { isUnavailable } from './errors.ts';
import type { Database } from './schema.ts';

// Transactions (ADR 0011): one per command, its parts in savepoints, each in a tenant scope (row-level
// security), and the writes kept until just before the commit. client.ts opens the database.

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

/** Which municipality a transaction works for; 'all' only for deliberate cross-municipality work. */
export type TenantScope = { municipalityId: number } | 'all';

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The migrations this open applied (empty when the schema was up to date). */
  appliedMigrations: string[];
  /**
   * Runs `fn` in one transaction scoped to a municipality (row-level security) or to all. Called while
   * another transaction of this handle is running in the same async context (a command calling a
   * service), it joins that transaction inside a savepoint: one command is one transaction, and a
   * part that fails rolls back only its own part — unless the running transaction's options say its
   * parts need none (TransactionOptions). A lost or refused connection is `Unavailable`.
   */
  transaction<T>(scope: TenantScope, fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Sets the tenant scope of the running transaction for the rest of it: a request's transaction
   * begins in 'all' to find its credential and then works in its actor's scope. Only the
   * transaction's own work may call it, never a part of it.
   */
  rescope(scope: TenantScope): Promise<void>;
  /** True inside `transaction` (in this async context): what is written now commits with the command. */
  inTransaction(): boolean;
  /** The embedded database, for dumps in tests and backups; undefined on PostgreSQL. */
  pglite?: PGlite;
  /** PostgreSQL's connection string, for pg_dump (backups); undefined on PGlite. */
  url?: string;
  close(): Promise<void>;
}

export interface TransactionOptions {
  /**
   * How the parts that join this transaction run: each in a savepoint (the default), so a part that
   * fails rolls back alone and the work may go on; or, with false, as the transaction's own work, so a
   * part that fails dooms the whole transaction (it rolls back at its end, its access log written all
   * the same). False suits work that answers a failed part with an error and nothing else: a page's
   * reads, an API call, a request whose one command is all it does. A part in another tenant scope
   * always takes a savepoint.
   */
  savepoints?: boolean;
}

/** The transaction a command is running in, with the queue its parts take turns in. */
interface Frame {
  tx: Tx;
  scope: TenantScope;
  depth: number;
  turn: Promise<unknown>;
  deferred: Deferred;
  /** Whether the parts that join this frame take savepoints (TransactionOptions). */
  savepoints: boolean;
  /** True for the transaction's own work (the outermost frame), false for its parts. */
  top: boolean;
  /**
   * The command's transaction: not open once it has ended, so a late part cannot use the connection;
   * doomed once a part that ran without a savepoint failed, so it rolls back at its end.
   */
  root: { open: boolean; doomed: boolean };
}

/** Writes kept until the end of a transaction, by kind, each with the scope it was made in. */
type Deferred = Map<
  string,
  {
    items: { item: unknown; scope: TenantScope }[];
    write: (tx: Tx, items: unknown[]) => Promise<void>;
    /** Written even when the transaction rolls back (what was read stays logged). */
    evenOnRollback: boolean;
  }
>;
const deferredOf = new WeakMap<Tx, Deferred>();
/** The scope a transaction works in now (a part may work in another than its command). */
const scopeNow = new WeakMap<Tx, TenantScope>();

/**
 * Keeps `item` to be written, with the others of its kind, at the end of the transaction `tx`, just
 * before it commits (a part rolled back to its savepoint loses the items it kept). Writes that take a
 * lock every command needs — the audit chain's head — then hold it for the shortest time. With
 * `evenOnRollback` the items are written also when the transaction or a part of it rolls back, in a
 * transaction of their own: the access log, since what was read was read whatever became of the
 * command. Returns false when `tx` is not a transaction of a DatabaseHandle: then the caller writes now.
 */
export function deferUntilCommit<T>(
  tx: Tx,
  kind: string,
  item: T,
  write: (tx: Tx, items: T[]) => Promise<void>,
  { evenOnRollback = false }: { evenOnRollback?: boolean } = {},
): boolean {
  const deferred = deferredOf.get(tx);
  const scope = scopeNow.get(tx);
  if (!deferred || !scope) return false;
  const kept = { item, scope };
  const entry = deferred.get(kind);
  if (entry) entry.items.push(kept);
  else
    deferred.set(kind, {
      items: [kept],
      write: write as (tx: Tx, items: unknown[]) => Promise<void>,
      evenOnRollback,
    });
  return true;
}

/** Writes what was kept, in order, each run of items in the scope it was made in (row-level security). */
async function writeDeferred(tx: Tx, deferred: Deferred, scope: TenantScope): Promise<void> {
  let current = scope;
  for (const { items, write } of deferred.values()) {
    for (let start = 0; start < items.length;) {
      const runScope = items[start]?.scope ?? scope;
      let end = start + 1;
      while (end < items.length && sameScope(items[end]?.scope ?? scope, runScope)) end++;
      if (!sameScope(runScope, current)) await setScope(tx, (current = runScope));
      await write(
        tx,
        items.slice(start, end).map((kept) => kept.item),
      );
      start = end;
    }
  }
}

function lengthsOf(deferred: Deferred): Map<string, number> {
  return new Map([...deferred].map(([kind, { items }]) => [kind, items.length]));
}

function truncate(deferred: Deferred, lengths: Map<string, number>): void {
  for (const [kind, entry] of deferred) {
    if (!entry.evenOnRollback) entry.items.length = lengths.get(kind) ?? 0;
  }
}

/** What must be written whatever became of the transaction. */
function survivors(deferred: Deferred): Deferred {
  return new Map([...deferred].filter(([, entry]) => entry.evenOnRollback && entry.items.length > 0));
}

export function createHandle(
  db: Db,
  kind: 'pglite' | 'postgres',
  appliedMigrations: string[],
  pglite: PGlite | undefined,
  unlock: () => void,
): DatabaseHandle {
  const current = new AsyncLocalStorage<Frame>();

  return {
    db,
    kind,
    appliedMigrations,
    ...(pglite ? { pglite } : {}),
    transaction: (scope, fn, options = {}) => {
      const parent = current.getStore();
      if (parent && !parent.root.open) {
        return Promise.reject(new Error('The transaction this work belonged to has ended.'));
      }
      const savepoints = options.savepoints ?? true;
      if (!parent) return outermost(db, current, scope, fn, savepoints);
      return !parent.savepoints && sameScope(scope, parent.scope)
        ? asOwnWork(current, parent, fn, savepoints)
        : joined(current, parent, scope, fn, savepoints);
    },
    rescope: async (scope) => {
      const frame = current.getStore();
      if (!frame?.top || !frame.root.open) {
        throw new Error("Only a transaction's own work can change its scope.");
      }
      await frame.turn;
      await setScope(frame.tx, scope);
      frame.scope = scope;
      scopeNow.set(frame.tx, scope);
    },
    inTransaction: () => current.getStore() !== undefined,
    close: async () => {
      await db.destroy();
      unlock();
    },
  };
}

/** The command's own transaction: begun with its scope, kept writes written, committed once. */
async function outermost<T>(
  db: Db,
  current: AsyncLocalStorage<Frame>,
  scope: TenantScope,
  fn: (tx: Tx) => Promise<T>,
  savepoints: boolean,
): Promise<T> {
  try {
    return await db.connection().execute(async (connection) => {
      // The connection's Kysely serves as the transaction: the statements below are what make it one.
      const tx = connection as unknown as Tx;
      const frame: Frame = {
        tx,
        scope,
        depth: 0,
        turn: Promise.resolve(),
        deferred: new Map(),
        savepoints,
        top: true,
        root: { open: true, doomed: false },
      };
      deferredOf.set(tx, frame.deferred);
      scopeNow.set(tx, scope);
      try {
        // One round trip opens the transaction and sets its scope.
        await sql.raw(`begin; ${scopeStatement(scope)}`).execute(tx);
        const result = await current.run(frame, () => fn(tx));
        await frame.turn;
        // A part that failed without a savepoint was answered (an error page); nothing of it is kept.
        if (frame.root.doomed) {
          await rollBack(tx, frame);
          return result;
        }
        await writeDeferred(tx, frame.deferred, frame.scope);
        await sql.raw('commit').execute(tx);
        return result;
      } catch (error) {
        await rollBack(tx, frame);
        throw error;
      } finally {
        frame.root.open = false;
      }
    });
  } catch (error) {
    throw isUnavailable(error) ? new Unavailable() : error;
  }
}

/**
 * Rolls the transaction back after its work failed; what must be written whatever happened (the access
 * log) is then written in a transaction of its own.
 */
async function rollBack(tx: Tx, frame: Frame): Promise<void> {
  const { scope } = frame;
  await frame.turn.catch(() => undefined);
  // A rollback that fails means the connection is gone; the error that ended the work is told.
  const rolledBack = await sql
    .raw('rollback')
    .execute(tx)
    .then(() => true)
    .catch(() => false);
  const kept = survivors(frame.deferred);
  if (rolledBack && kept.size > 0) {
    await sql.raw(`begin; ${scopeStatement(scope)}`).execute(tx);
    await writeDeferred(tx, kept, scope);
    await sql.raw('commit').execute(tx);
  }
}

/**
 * A part that runs as its transaction's own work, without a savepoint (TransactionOptions): in its
 * turn, and when it fails the whole transaction is doomed to roll back.
 */
function asOwnWork<T>(
  current: AsyncLocalStorage<Frame>,
  parent: Frame,
  fn: (tx: Tx) => Promise<T>,
  savepoints: boolean,
): Promise<T> {
  const run = parent.turn.then(async () => {
    const frame: Frame = { ...parent, savepoints, top: false, turn: Promise.resolve() };
    try {
      const result = await current.run(frame, () => fn(parent.tx));
      await frame.turn;
      return result;
    } catch (error) {
      parent.root.doomed = true;
      throw isUnavailable(error) ? new Unavailable() : error;
    }
  });
  parent.turn = run.catch(() => undefined);
  return run;
}

// Parts of one command run one at a time (a transaction is one connection), each in its savepoint.
function joined<T>(
  current: AsyncLocalStorage<Frame>,
  parent: Frame,
  scope: TenantScope,
  fn: (tx: Tx) => Promise<T>,
  savepoints: boolean,
): Promise<T> {
  const run = parent.turn.then(async () => {
    const { tx } = parent;
    const savepoint = sql.raw(`part_${parent.depth + 1}`);
    const rescope = !sameScope(scope, parent.scope);
    await sql`savepoint ${savepoint}`.execute(tx);
    const kept = lengthsOf(parent.deferred);
    let released = false;
    try {
      if (rescope) {
        await setScope(tx, scope);
        scopeNow.set(tx, scope);
      }
      const frame: Frame = {
        ...parent,
        scope,
        depth: parent.depth + 1,
        savepoints,
        top: false,
        turn: Promise.resolve(),
      };
      const result = await current.run(frame, () => fn(tx));
      await frame.turn;
      // A released savepoint keeps its settings: the command's own scope comes back first.
      if (rescope) {
        await setScope(tx, parent.scope);
        scopeNow.set(tx, parent.scope);
      }
      await sql`release savepoint ${savepoint}`.execute(tx);
      released = true;
      return result;
    } catch (error) {
      // The part is undone and the command may go on (e.g. to show the error); a lost connection or a
      // failed rollback leaves the whole transaction to fail with the part's own error.
      if (!released && !isUnavailable(error)) {
        await sql`rollback to savepoint ${savepoint}`.execute(tx).catch(() => undefined);
        truncate(parent.deferred, kept);
        scopeNow.set(tx, parent.scope);
      }
      throw isUnavailable(error) ? new Unavailable() : error;
    }
  });
  parent.turn = run.catch(() => undefined);
  return run;
}

function sameScope(a: TenantScope, b: TenantScope): boolean {
  return a === 'all' || b === 'all' ? a === b : a.municipalityId === b.municipalityId;
}

async function setScope(tx: Tx, scope: TenantScope): Promise<void> {
  await sql.raw(scopeStatement(scope)).execute(tx);
}

/** The statement that scopes the transaction (row-level security); its values are checked, not quoted. */
function scopeStatement(scope: TenantScope): string {
  if (scope !== 'all' && !Number.isSafeInteger(scope.municipalityId)) {
    throw new Error(`Not a municipality id: ${String(scope.municipalityId)}`);
  }
  const all = scope === 'all' ? 'all' : '';
  const municipality = scope === 'all' ? '' : String(scope.municipalityId);
  return `select set_config('app.scope', '${all}', true), set_config('app.municipality_id', '${municipality}', true)`;
}
