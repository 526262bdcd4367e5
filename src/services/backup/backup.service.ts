import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';
import { DataDirLocked } from '../../db/data-dir-lock.ts';
import { PgToolFailed, PgToolMissing } from '../../db/dump/pg-tools.ts';
import { dumpPglite, hasPgliteDatabase } from '../../db/dump/pglite-dump.ts';
import { DumpIncomplete, dumpPostgres } from '../../db/dump/postgres-dump.ts';
import { restoreInto, TargetNotEmpty, type RestoreTarget } from '../../db/dump/restore-target.ts';
import { Conflict } from '../../domain/errors.ts';
import { message } from '../../i18n/index.ts';
import { systemClock, type Clock, type ServiceDeps } from '../context.ts';
import { decryptTo, encryptTo, readMeta, type BackupMeta, type DatabaseKind } from './backup-file.ts';
import { claimToday, giveBack } from './daily-job.ts';

// Backup and restore (operations: Backup and restore): an encrypted, compressed copy of the whole
// database — PGlite's own dump of its data folder, or pg_dump of the app's schema — taken while the app
// keeps running, and its restore into an empty target. The command line opens the database itself; the
// running app writes one a day into BACKUP_DIR (runDaily).

export type { RestoreTarget } from '../../db/dump/restore-target.ts';

export interface BackupWritten {
  file: string;
  bytes: number;
  kind: DatabaseKind;
  /** On PostgreSQL: the tables and rows in the dump, each counted in the dump itself. */
  tables?: number;
  rows?: number;
}

/** The in-app daily backups kept in BACKUP_DIR: the newest seven. */
const KEEP_DAILY = 7;
const DAILY_FILE = /^borgerbudget-\d{4}-\d{2}-\d{2}T\d{6}Z\.backup$/;

const WRONG_KIND = {
  pglite: 'cli.restore.wrongKind.pglite',
  postgres: 'cli.restore.wrongKind.postgres',
} as const;
const NOT_EMPTY = {
  pglite: 'cli.restore.notEmpty.pglite',
  postgres: 'cli.restore.notEmpty.postgres',
} as const;

export function createBackupService(deps: ServiceDeps) {
  return {
    /** One backup of the open database into the new file `file`. */
    writeTo: (file: string, passphrase: string) =>
      writeBackup(deps.database, file, passphrase, deps.clock.now()),
    /**
     * The in-app daily backup: run by whichever process comes first on a Danish calendar day, into `dir`,
     * keeping the newest seven. Undefined when today's backup has been taken (or is being taken). A
     * failed backup is given back, so the next try (an hour later) takes it again.
     */
    async runDaily(options: { dir: string; passphrase: string }): Promise<BackupWritten | undefined> {
      const now = deps.clock.now();
      const claim = await claimToday(deps.database, 'backup', now);
      if (!claim.claimed) return undefined;
      try {
        mkdirSync(options.dir, { recursive: true, mode: 0o700 });
        const stamp = now.toISOString().slice(0, 19).replace(/:/g, '');
        const file = join(options.dir, `borgerbudget-${stamp}Z.backup`);
        const written = await writeBackup(deps.database, file, options.passphrase, now);
        pruneDaily(options.dir);
        return written;
      } catch (error) {
        await giveBack(deps.database, 'backup', claim);
        throw error;
      }
    },
  };
}

/**
 * `borgerbudget backup --out FILE`: the database opened as it is (not migrated), backed up, closed. On
 * PGlite the data folder must not be in use: a running app has it locked, and backs itself up instead.
 */
export async function backupDatabase(
  target: RestoreTarget,
  file: string,
  passphrase: string,
  clock: Clock = systemClock,
): Promise<BackupWritten> {
  if (!target.databaseUrl && !hasPgliteDatabase(target.dataDir)) {
    throw new Conflict(message('cli.backup.noDatabase', { dir: target.dataDir }), 'backup_no_database');
  }
  const database = await openDatabase({ ...target, migrate: false }).catch((error: unknown) => {
    throw error instanceof DataDirLocked
      ? new Conflict(message('cli.backup.locked', { dir: target.dataDir, pid: error.pid }), 'backup_locked')
      : error;
  });
  try {
    return await writeBackup(database, file, passphrase, clock.now());
  } finally {
    await database.close();
  }
}

/**
 * `borgerbudget restore FILE`: into an empty DATA_DIR (PGlite) or an empty database (PostgreSQL), all or
 * nothing. The file is decrypted into a private temporary folder and its tag checked before anything is
 * loaded. The app's migrations run at its next start.
 */
export async function restoreDatabase(
  target: RestoreTarget,
  file: string,
  passphrase: string,
): Promise<BackupMeta> {
  const meta = await readMeta(file);
  const kind: DatabaseKind = target.databaseUrl ? 'postgres' : 'pglite';
  if (meta.kind !== kind) {
    throw new Conflict(message(WRONG_KIND[meta.kind]), 'backup_wrong_kind');
  }
  const temporary = mkdtempSync(join(tmpdir(), 'borgerbudget-restore-'));
  try {
    await restoreInto(target, async () => {
      const dump = join(temporary, 'dump');
      await decryptTo(file, passphrase, dump);
      return dump;
    });
  } catch (error) {
    throw error instanceof TargetNotEmpty
      ? new Conflict(message(NOT_EMPTY[kind], { where: error.where }), 'restore_not_empty')
      : told(error);
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
  return meta;
}

async function writeBackup(
  database: DatabaseHandle,
  file: string,
  passphrase: string,
  createdAt: Date,
): Promise<BackupWritten> {
  if (existsSync(file)) throw new Conflict(message('cli.backup.fileExists', { file }), 'backup_file_exists');
  const meta = { kind: database.kind, createdAt };
  // Written aside and renamed once complete and checked: a file of that name is always a whole backup.
  const partial = `${file}.partial`;
  try {
    let summary = {};
    if (database.kind === 'pglite') {
      const dump = await dumpPglite(database);
      await encryptTo(partial, passphrase, meta, Readable.from(dump.stream()));
    } else {
      summary = await dumpPostgres(database, (data) => encryptTo(partial, passphrase, meta, data));
    }
    await rename(partial, file);
    return { file, bytes: (await stat(file)).size, kind: database.kind, ...summary };
  } catch (error) {
    await rm(partial, { force: true });
    throw told(error);
  }
}

/** The database tools' failures, as messages for the operator. */
function told(error: unknown): unknown {
  if (error instanceof PgToolMissing) {
    return new Conflict(message('cli.backup.toolMissing', { tool: error.tool }), 'backup_tool_missing');
  }
  if (error instanceof PgToolFailed) {
    const said = { tool: error.tool, detail: error.detail };
    return new Conflict(message('cli.backup.toolFailed', said), 'backup_tool_failed');
  }
  if (error instanceof DumpIncomplete) {
    const said = { table: error.table, expected: error.expected, dumped: error.dumped };
    return new Conflict(message('cli.backup.incomplete', said), 'backup_incomplete');
  }
  return error;
}

function pruneDaily(dir: string): void {
  const files = readdirSync(dir)
    .filter((name) => DAILY_FILE.test(name))
    .sort()
    .reverse();
  for (const old of files.slice(KEEP_DAILY)) rmSync(join(dir, old), { force: true });
}
