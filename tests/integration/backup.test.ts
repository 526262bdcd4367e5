import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';
import { restoreDatabase, type RestoreTarget } from '../../src/services/backup/backup.service.ts';
import { createServices } from '../../src/services/index.ts';
import { AARHUS, caseIn, staff } from '../factories/case-factory.ts';
import { moneyTeam, type MoneyTeam } from '../factories/money-factory.ts';
import { freePort, startChildServer } from '../setup/child-server.ts';
import { createCli } from '../setup/cli.ts';
import {
  createTestContext,
  freshServerDatabase,
  postgresCopy,
  TEST_CPR_KEY,
  TEST_SECRETS,
  TestClock,
  type TestContext,
} from '../setup/test-db.ts';

// Backup and restore (operations: Backup and restore) on the database the run uses, PGlite or
// PostgreSQL: the demo with money moved is backed up, restored into a fresh target, and the copy holds
// the same rows in every table, its books and audit chains check clean, and staff can log in. A wrong
// passphrase, a damaged file and a target that is not empty are refused with nothing changed.

const PASSPHRASE = 'hest korrekt batteri hæfteklamme';
const kind = inject('testDb').kind;
const scratch = mkdtempSync(join(tmpdir(), 'bb-backup-test-'));
let counter = 0;
const newFile = () => join(scratch, `backup-${++counter}.backup`);

let source: TestContext;
let team: MoneyTeam;

beforeAll(async () => {
  source = await createTestContext({ demo: true });
  team = await moneyTeam(source);
  await spend(source, await grantedCase(source, '20000'), '3000');
});
afterAll(async () => {
  await source.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** An active case with a grant. */
async function grantedCase(t: TestContext, kr: string): Promise<string> {
  const { caseId } = await caseIn(t, 'active', team);
  await t.services.budgets.grant(team.coordinator, caseId, { amountKr: kr });
  return caseId;
}

/** A purchase request written, confirmed, submitted, approved and paid. */
async function spend(t: TestContext, caseId: string, kr: string): Promise<void> {
  const { support, finance, vendorId } = team;
  const id = await t.services.purchases.create(support, caseId, {
    title: 'Cykel',
    purpose: 'Kan komme til praktik',
    amountKr: kr,
    category: 'transport',
    vendorId,
    paymentMethod: 'bank_transfer',
  });
  await t.services.purchases.confirm(support, id, { how: 'in_person' });
  await t.services.purchases.submit(support, id);
  await t.services.purchases.approve(support, id);
  await t.services.purchases.pay(finance, id, { reference: `F-${id.slice(0, 8)}` });
}

/** An empty target: a new folder for PGlite, a new database (not even migrated) on PostgreSQL. */
async function freshTarget(): Promise<RestoreTarget> {
  const dataDir = mkdtempSync(join(scratch, 'target-'));
  return { dataDir, databaseUrl: kind === 'postgres' ? (await postgresCopy('bare')).url : undefined };
}

/** The restored database opened as the app opens it (its migrations run), with services over it. */
async function openTarget(target: RestoreTarget): Promise<TestContext> {
  const database = await openDatabase(
    target.databaseUrl
      ? { databaseUrl: target.databaseUrl, dataDir: 'memory://' }
      : { dataDir: target.dataDir },
  );
  const clock = new TestClock();
  const services = createServices({ database, clock, secrets: TEST_SECRETS, production: false });
  return { database, url: target.databaseUrl, services, clock, close: () => database.close() };
}

/** Whether the target holds nothing: no PGlite folder (or an empty one), or no table in the database. */
async function isEmpty(target: RestoreTarget): Promise<boolean> {
  if (!target.databaseUrl) {
    const folder = join(target.dataDir, 'pgdata');
    return !existsSync(folder) || readdirSync(folder).length === 0;
  }
  const database = await openDatabase({
    databaseUrl: target.databaseUrl,
    dataDir: 'memory://',
    migrate: false,
  });
  try {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_tables where schemaname = 'public'`.execute(database.db);
    return rows[0]?.n === 0;
  } finally {
    await database.close();
  }
}

/**
 * Every table of the app's schema: its row count and the md5 of its rows as text in primary-key order,
 * read in the 'all' scope, so row-level security hides nothing.
 */
async function contents(database: DatabaseHandle): Promise<Record<string, { rows: number; digest: string }>> {
  return database.transaction('all', async (tx) => {
    const { rows: tables } = await sql<{ name: string; key: string | null }>`
      select c.relname as name,
        (select string_agg(quote_ident(a.attname), ', ' order by k.ord)
           from pg_index i
           cross join unnest(i.indkey) with ordinality as k(attnum, ord)
           join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
           where i.indrelid = c.oid and i.indisprimary) as key
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
      order by c.relname`.execute(tx);
    const result: Record<string, { rows: number; digest: string }> = {};
    for (const { name, key } of tables) {
      const { rows } = await sql<{ rows: number; digest: string }>`
        select count(*)::int as rows,
          md5(coalesce(string_agg(t::text, E'\\n' order by ${sql.raw(key ?? 't::text')}), '')) as digest
        from ${sql.table(name)} t`.execute(tx);
      if (rows[0]) result[name] = rows[0];
    }
    return result;
  });
}

/** The restored copy's books and audit chains check clean, and a coordinator can log in. */
async function expectSound(t: TestContext): Promise<void> {
  const ledger = await t.services.system.checkLedger();
  expect(ledger.problems).toEqual([]);
  expect(ledger.postings).toBeGreaterThan(0);
  const chains = await t.services.system.verifyAuditChains();
  expect(chains.firstBreak).toBeNull();
  expect(chains.events).toBeGreaterThan(0);
  const coordinator = await staff(t, AARHUS, 'koordinator');
  expect(coordinator).toMatchObject({ role: 'coordinator', municipalityId: AARHUS });
}

describe('backup and restore', { timeout: 300_000 }, () => {
  it('restores every row of every table into a fresh target, with clean books, a clean audit chain and working log-ins', async () => {
    const before = await contents(source.database);
    const file = newFile();
    const written = await source.services.backups.writeTo(file, PASSPHRASE);
    expect(written).toMatchObject({ file, kind, bytes: statSync(file).size });
    if (kind === 'postgres') {
      expect(written.tables).toBe(Object.keys(before).length);
      expect(written.rows).toBe(Object.values(before).reduce((sum, t) => sum + t.rows, 0));
    }
    // Nothing of the content is readable in the file: it is compressed and encrypted.
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 8).toString('ascii')).toBe('BBBACKUP');
    expect(bytes.includes(Buffer.from('koordinator@'))).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const target = await freshTarget();
    const meta = await restoreDatabase(target, file, PASSPHRASE);
    expect(meta).toEqual({ kind, createdAt: source.clock.now() });
    const restored = await openTarget(target);
    try {
      expect(restored.database.appliedMigrations).toEqual([]);
      const after = await contents(restored.database);
      expect(after).toEqual(before);
      expect(after.ledger_entry?.rows).toBeGreaterThan(0);
      expect(after.schema_migration?.rows).toBeGreaterThan(0);
      await expectSound(restored);
    } finally {
      await restored.close();
    }
  });

  it('refuses a wrong passphrase, a damaged or truncated file and a file that is no backup, and leaves the target empty', async () => {
    const file = newFile();
    await source.services.backups.writeTo(file, PASSPHRASE);
    const target = await freshTarget();
    await expect(restoreDatabase(target, file, 'not the passphrase at all')).rejects.toMatchObject({
      code: 'backup_wrong_passphrase',
    });
    const size = statSync(file).size;
    const truncated = newFile();
    copyFileSync(file, truncated);
    truncateSync(truncated, Math.floor(size / 2));
    await expect(restoreDatabase(target, truncated, PASSPHRASE)).rejects.toMatchObject({
      code: 'backup_damaged',
    });
    const flipped = newFile();
    const bytes = readFileSync(file);
    const middle = Math.floor(size / 2);
    bytes.writeUInt8(bytes.readUInt8(middle) ^ 0x01, middle);
    writeFileSync(flipped, bytes);
    await expect(restoreDatabase(target, flipped, PASSPHRASE)).rejects.toMatchObject({
      code: 'backup_damaged',
    });
    const header = newFile();
    writeFileSync(header, bytes.subarray(0, 40));
    await expect(restoreDatabase(target, header, PASSPHRASE)).rejects.toMatchObject({
      code: 'backup_damaged',
    });
    const other = newFile();
    writeFileSync(other, 'COPY public.citizen FROM stdin;\n');
    await expect(restoreDatabase(target, other, PASSPHRASE)).rejects.toMatchObject({
      code: 'backup_not_a_backup',
    });
    await expect(restoreDatabase(target, join(scratch, 'missing.backup'), PASSPHRASE)).rejects.toMatchObject({
      code: 'backup_unreadable',
    });
    expect(await isEmpty(target)).toBe(true);
    // The target is still good for the real thing.
    await restoreDatabase(target, file, PASSPHRASE);
    expect(await isEmpty(target)).toBe(false);
  });

  it('refuses a target that is not empty, and a backup of the other kind of database', async () => {
    const file = newFile();
    await source.services.backups.writeTo(file, PASSPHRASE);
    const target = await freshTarget();
    await restoreDatabase(target, file, PASSPHRASE);
    const restored = await openTarget(target);
    const before = await contents(restored.database);
    await restored.close();
    await expect(restoreDatabase(target, file, PASSPHRASE)).rejects.toMatchObject({
      code: 'restore_not_empty',
    });
    const reopened = await openTarget(target);
    expect(await contents(reopened.database)).toEqual(before);
    await reopened.close();

    const otherKind = { ...(await freshTarget()) };
    const wrong: RestoreTarget =
      kind === 'postgres'
        ? { dataDir: otherKind.dataDir, databaseUrl: undefined }
        : { dataDir: otherKind.dataDir, databaseUrl: 'postgres://nobody@127.0.0.1:1/none' };
    await expect(restoreDatabase(wrong, file, PASSPHRASE)).rejects.toMatchObject({
      code: 'backup_wrong_kind',
    });
    await expect(source.services.backups.writeTo(file, PASSPHRASE)).rejects.toMatchObject({
      code: 'backup_file_exists',
    });
  });

  it('takes a consistent backup while money moves, and the copy’s books are clean', async () => {
    const file = newFile();
    const caseId = await grantedCase(source, '40000');
    const progress = { backedUp: false, spent: 0 };
    const writes = (async () => {
      while (!progress.backedUp || progress.spent < 2) {
        await spend(source, caseId, '10');
        progress.spent++;
        // PGlite answers in-process: without a turn of the event loop between writes (which requests
        // arriving over the network would give), the backup's file I/O would never get one. A short
        // pause, as between users' clicks, also leaves the backup some of the one thread.
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const backup = source.services.backups
      .writeTo(file, PASSPHRASE)
      .finally(() => (progress.backedUp = true));
    await Promise.all([backup, writes]);
    const target = await freshTarget();
    await restoreDatabase(target, file, PASSPHRASE);
    const restored = await openTarget(target);
    try {
      await expectSound(restored);
      const copied = (await contents(restored.database)).ledger_entry?.rows ?? 0;
      const now = (await contents(source.database)).ledger_entry?.rows ?? 0;
      expect(copied).toBeLessThanOrEqual(now);
    } finally {
      await restored.close();
    }
  });

  it('backs up once a day across processes from the running app, keeping the newest seven', async () => {
    const dir = mkdtempSync(join(scratch, 'daily-'));
    for (let day = 1; day <= 7; day++)
      writeFileSync(join(dir, `borgerbudget-2026-02-0${day}T030000Z.backup`), 'old');
    writeFileSync(join(dir, 'README.txt'), 'not a backup');
    const options = { dir, passphrase: PASSPHRASE };
    // A second process: a handle of its own on PostgreSQL; PGlite has one process by design.
    const second =
      kind === 'postgres' && source.url
        ? await openDatabase({ databaseUrl: source.url, dataDir: 'memory://' })
        : source.database;
    const other = createServices({
      database: second,
      clock: source.clock,
      secrets: TEST_SECRETS,
      production: false,
    });
    try {
      // A failed backup gives the day back: the next try takes it.
      const blocked = join(dir, 'README.txt');
      await expect(
        source.services.backups.runDaily({ dir: blocked, passphrase: PASSPHRASE }),
      ).rejects.toThrow();
      const runs = await Promise.all([
        source.services.backups.runDaily(options),
        other.backups.runDaily(options),
      ]);
      expect(runs.filter(Boolean)).toHaveLength(1);
      expect(await source.services.backups.runDaily(options)).toBeUndefined();
      const names = () =>
        readdirSync(dir)
          .filter((n) => n.endsWith('.backup'))
          .sort();
      expect(names()).toHaveLength(7);
      expect(names()).not.toContain('borgerbudget-2026-02-01T030000Z.backup');
      expect(names()).toContain('borgerbudget-2026-03-02T090000Z.backup');
      expect(readdirSync(dir)).toContain('README.txt');

      source.clock.advance(24 * 3_600_000);
      expect(await other.backups.runDaily(options)).toMatchObject({ kind });
      expect(names()).toHaveLength(7);
      expect(names().at(-1)).toBe('borgerbudget-2026-03-03T090000Z.backup');

      const target = await freshTarget();
      await restoreDatabase(target, join(dir, names().at(-1) ?? ''), PASSPHRASE);
      const restored = await openTarget(target);
      await expectSound(restored);
      await restored.close();
    } finally {
      if (second !== source.database) await second.close();
    }
  });
});

describe('borgerbudget backup and restore', { timeout: 300_000 }, () => {
  it('backs up, refuses what it must, and restores into an empty target that then checks clean', async () => {
    const secrets = {
      SESSION_SECRET: TEST_SECRETS.session.toString('base64'),
      CPR_ENCRYPTION_KEY: TEST_CPR_KEY.toString('base64'),
    };
    const cli = await createCli('backup');
    const copy = await createCli('restore');
    Object.assign(cli.env, secrets);
    Object.assign(copy.env, secrets);
    if (kind === 'pglite') copy.env.DATA_DIR = mkdtempSync(join(scratch, 'cli-target-'));
    try {
      expect((await cli.run('demo')).code).toBe(0);
      const file = newFile();
      const noPassphrase = await cli.run('backup', '--out', file);
      expect(noPassphrase).toMatchObject({ code: 2 });
      expect(noPassphrase.err).toContain('BACKUP_PASSPHRASE er ikke sat');
      cli.env.BACKUP_PASSPHRASE = 'kort';
      expect((await cli.run('backup', '--out', file)).err).toContain(
        'BACKUP_PASSPHRASE must be at least 16 characters (got a value that is not shown)',
      );
      cli.env.BACKUP_PASSPHRASE = PASSPHRASE;
      expect((await cli.runInEnglish('backup', file)).err).toContain('Usage: borgerbudget backup --out FILE');

      const backup = await cli.runInEnglish('backup', '--out', file);
      expect(backup).toMatchObject({ code: 0, err: '' });
      expect(backup.out).toContain(`Backup written: ${file} (`);
      if (kind === 'postgres')
        expect(backup.out).toMatch(/All \d+ rows of \d+ tables were counted and found in the copy\./);
      expect((await cli.runInEnglish('backup', '--out', file)).err).toContain('exists already');
      expect((await cli.runInEnglish('restore', file)).err).toContain('Nothing was restored');

      copy.env.BACKUP_PASSPHRASE = 'en helt anden lang passphrase';
      const wrong = await copy.runInEnglish('restore', file);
      expect(wrong).toMatchObject({ code: 1 });
      expect(wrong.err).toContain('Wrong BACKUP_PASSPHRASE');
      copy.env.BACKUP_PASSPHRASE = PASSPHRASE;
      const restored = await copy.run('restore', file);
      expect(restored).toMatchObject({ code: 0, err: '' });
      expect(restored.out).toContain('Sikkerhedskopien fra 20');
      expect((await copy.run('check')).code).toBe(0);
      expect((await copy.run('check-ledger')).code).toBe(0);

      // While the app runs: PostgreSQL is backed up all the same; PGlite's folder is the app's.
      const running = await openDatabase(
        kind === 'postgres' && cli.env.DATABASE_URL
          ? { databaseUrl: cli.env.DATABASE_URL, dataDir: 'memory://' }
          : { dataDir: cli.dataDir },
      );
      try {
        const spawned = cli.spawn('backup', '--out', newFile());
        if (kind === 'postgres') expect(spawned).toMatchObject({ code: 0 });
        else {
          expect(spawned.code).toBe(1);
          expect(spawned.err).toContain('bruges af den kørende app');
          expect(spawned.err).toContain('BACKUP_DIR');
        }
      } finally {
        await running.close();
      }
    } finally {
      await cli.close();
      await copy.close();
    }
  });

  it('the running server writes its daily backup into BACKUP_DIR, which restores to the same database', async () => {
    const db = await freshServerDatabase(scratch, 'demo');
    const dir = mkdtempSync(join(scratch, 'server-backups-'));
    const port = await freePort();
    const server = await startChildServer(
      'serve',
      {
        PATH: process.env.PATH,
        TZ: 'UTC',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SESSION_SECRET: TEST_SECRETS.session.toString('base64'),
        CPR_ENCRYPTION_KEY: TEST_CPR_KEY.toString('base64'),
        BACKUP_DIR: dir,
        BACKUP_PASSPHRASE: PASSPHRASE,
        ...db.env,
      },
      port,
      120_000,
    );
    let written: string | undefined;
    try {
      while (!(written = readdirSync(dir).find((n) => n.endsWith('.backup')))) {
        if (server.child.exitCode !== null) throw new Error(server.output());
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    const target = await freshTarget();
    await restoreDatabase(target, join(dir, written), PASSPHRASE);
    const restored = await openTarget(target);
    const original = await db.open();
    try {
      expect(await contents(restored.database)).toEqual(await contents(original));
      await expectSound(restored);
    } finally {
      await restored.close();
      await original.close();
      await db.remove();
    }
  });
});
