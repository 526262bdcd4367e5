import { mkdirSync } from 'node:fs';
import { acquireDataDirLock } from '../data-dir-lock.ts';
import { openDatabase, pgliteFolder } from '../client.ts';
import { loadPglite, pgliteFolderEmpty } from './pglite-dump.ts';
import { appTables, restorePostgres } from './postgres-dump.ts';

// Where a restore goes (operations: Backup and restore): an empty PGlite folder in DATA_DIR, or an empty
// PostgreSQL database. Anything already there is refused: a restore never mixes two databases.

export interface RestoreTarget {
  /** A PostgreSQL connection string; without it, the embedded database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
}

export class TargetNotEmpty extends Error {
  constructor(readonly where: string) {
    super(`${where} is not empty.`);
    this.name = 'TargetNotEmpty';
  }
}

/**
 * Checks that the target is empty, then gets the dump from `prepare` (a file, checked before it is
 * handed over) and loads it, all or nothing. On PGlite, DATA_DIR stays locked throughout, so an app
 * starting meanwhile cannot make a new database there.
 */
export async function restoreInto(target: RestoreTarget, prepare: () => Promise<string>): Promise<void> {
  const { databaseUrl, dataDir } = target;
  if (databaseUrl) {
    // As the app's role, which must not be a superuser (openDatabase refuses one): the restored tables
    // are the role's, as the migrations would have made them.
    const database = await openDatabase({ databaseUrl, dataDir: 'memory://', migrate: false });
    try {
      if ((await appTables(database.db)).length > 0) throw new TargetNotEmpty(databaseName(databaseUrl));
    } finally {
      await database.close();
    }
    await restorePostgres(databaseUrl, await prepare());
    return;
  }
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir);
  try {
    if (!pgliteFolderEmpty(dataDir)) throw new TargetNotEmpty(pgliteFolder(dataDir));
    await loadPglite(dataDir, await prepare());
  } finally {
    lock.release();
  }
}

/** The database's name, to be named in a message (the connection string may hold a password). */
function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}
