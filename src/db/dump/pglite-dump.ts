import { existsSync, openAsBlob, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgliteFolder } from '../client.ts';
import type { DatabaseHandle } from '../transaction.ts';

// The embedded database's side of a backup (operations: Backup and restore): PGlite's own dump of its
// data folder, and loading one into an empty folder.

/**
 * The data folder as a tar file (uncompressed: the backup file compresses). The pool's one connection is
 * held meanwhile, so the files are written out between two transactions, never in the middle of one.
 */
export async function dumpPglite(database: DatabaseHandle): Promise<Blob> {
  const { pglite } = database;
  if (!pglite) throw new Error('dumpPglite needs the embedded database');
  return database.db.connection().execute(() => pglite.dumpDataDir('none'));
}

/** True when DATA_DIR holds a PGlite database. */
export function hasPgliteDatabase(dataDir: string): boolean {
  return existsSync(join(pgliteFolder(dataDir), 'PG_VERSION'));
}

/** True when DATA_DIR has no PGlite data folder, or an empty one. */
export function pgliteFolderEmpty(dataDir: string): boolean {
  const folder = pgliteFolder(dataDir);
  return !existsSync(folder) || readdirSync(folder).length === 0;
}

/**
 * Loads a data-folder dump into DATA_DIR's empty PGlite folder and closes the database cleanly; if the
 * load fails, the folder is removed again, so nothing is left half loaded. The caller holds the lock.
 */
export async function loadPglite(dataDir: string, tar: string): Promise<void> {
  const folder = pgliteFolder(dataDir);
  try {
    const pglite = await PGlite.create(folder, { loadDataDir: await openAsBlob(tar) });
    await pglite.close();
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
