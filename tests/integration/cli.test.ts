import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { createCli, type Cli } from '../setup/cli.ts';
import { asDba, asDbaWithoutTrigger } from '../setup/dba.ts';

// The borgerbudget command as an operator runs it, on a real database of its own: each command through
// the command's entry in this process, and at the end the command as a separate process: as the test run
// built it, and bin/borgerbudget.js itself.

let cli: Cli;
const run = (...args: string[]) => cli.run(...args);
const inEnglish = (...args: string[]) => cli.runInEnglish(...args);

beforeAll(async () => {
  cli = await createCli('cli');
});
afterAll(() => cli.close());

// Each case runs several commands, each opening the database anew, so the cases get more time than the
// suite's default.
describe('borgerbudget', { timeout: 120_000 }, () => {
  it('migrates once, then says the schema is up to date', async () => {
    const first = await inEnglish('migrate');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^Applied \d+ migrations:\n {2}20261123120000_foundation\.sql/);
    expect((await inEnglish('migrate')).out.trim()).toBe('Migrations are up to date.');
    expect((await run('migrate')).out.trim()).toBe('Databasen er opdateret: der er ingen nye migreringer.');
  });

  it('loads the demo idempotently and prints the logins', async () => {
    const first = await run('demo');
    expect(first.code).toBe(0);
    expect(first.out).toContain('koordinator@aarhus.example');
    expect((await run('demo')).code).toBe(0);
  });

  it('creates a new municipality’s first administrator with a one-time code, and explains what is missing', async () => {
    const missingName = await inEnglish(
      'create-admin',
      '--municipality',
      '101',
      '--email',
      'it@kk.example',
      '--name',
      'Ida IT',
    );
    expect(missingName.code).toBe(1);
    expect(missingName.err).toContain('Municipality 101 is new: give its name with --municipality-name.');
    const ok = await inEnglish(
      'create-admin',
      '--municipality',
      '101',
      '--municipality-name',
      'Københavns Kommune',
      '--email',
      'it@kk.example',
      '--name',
      'Ida IT',
    );
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/One-time code .*: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/);
    const again = await inEnglish(
      'create-admin',
      '--municipality',
      '101',
      '--email',
      'it@kk.example',
      '--name',
      'Ida IT',
    );
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists');
    expect(
      (await inEnglish('create-admin', '--municipality', 'abc', '--email', 'x@y.example', '--name', 'X')).err,
    ).toContain('--municipality must be a 3-digit municipality code');
  });

  it('verifies the audit chain, and names the first broken link after tampering', async () => {
    const intact = await inEnglish('check');
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/^Audit log intact: \d+ events in 6 chains\./);
    expect((await run('check')).out).toMatch(/^Ændringsloggen er intakt: \d+ hændelser i 6 kæder\./);
    const database = await openDatabase({ databaseUrl: cli.env.DATABASE_URL, dataDir: cli.dataDir });
    try {
      await asDba(
        database,
        `update audit_event set after = '{"role":"admin"}' where chain = 751 and seq = 2`,
      );
    } finally {
      await database.close();
    }
    const broken = await inEnglish('check');
    expect(broken.code).toBe(1);
    expect(broken.err.trim()).toBe(
      'Audit log broken: chain 751 (municipality 751), event 2: its content was changed after it was written.',
    );
    expect((await run('check')).err.trim()).toBe(
      'Ændringsloggen er brudt: kæde 751 (kommune 751), hændelse 2: dens indhold er ændret, efter den blev skrevet.',
    );
  });

  it('checks the ledger, and names the case of a posting that went around the guard', async () => {
    const clean = await run('check-ledger');
    expect(clean.err).toBe('');
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(
      /^Regnskabet stemmer: \d+ forløb, \d+ posteringer og \d+ puljer kontrolleret\./,
    );
    const database = await openDatabase({ databaseUrl: cli.env.DATABASE_URL, dataDir: cli.dataDir });
    let caseNumber: number;
    try {
      const victim = await database.transaction('all', (tx) =>
        tx
          .selectFrom('citizen_case')
          .select(['id', 'case_number'])
          .where('municipality_id', '=', 751)
          .orderBy('case_number')
          .executeTakeFirstOrThrow(),
      );
      caseNumber = victim.case_number;
      await asDbaWithoutTrigger(
        database,
        'ledger_entry',
        'ledger_entry_guard',
        `insert into ledger_entry (municipality_id, case_id, programme_id, kind, amount_ore, payment_method,
           paid_on, reference, posted_at)
         select municipality_id, id, programme_id, 'payment', 9999999900, 'invoice', '2026-01-01', 'DBA', now()
         from citizen_case where id = '${victim.id}'`,
      );
    } finally {
      await database.close();
    }
    const broken = await run('check-ledger');
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('Regnskabet stemmer ikke:');
    expect(broken.err).toContain(`Forløb ${caseNumber} (Aarhus Kommune): overforbrug: reserveret`);
    expect(broken.err).toMatch(/betalt 99\.999\.999\s?kr\./);
    const inEnglishToo = await inEnglish('check-ledger');
    expect(inEnglishToo.err).toContain(`Case ${caseNumber} (Aarhus Kommune): overspent: reserved`);
  });

  it('refuses an unknown command with the usage, in the operator’s language', async () => {
    const res = await run('bogus');
    expect(res.code).toBe(2);
    expect(res.err).toContain('Ukendt kommando "bogus".');
    expect(res.err).toContain('Brug: borgerbudget <kommando>');
    const english = await inEnglish('bogus');
    expect(english.code).toBe(2);
    expect(english.err).toContain('Usage: borgerbudget <command>');
  });
});

// The command as a process: it exits with the command's code, also when the command ends in an error.
describe('the command as a process', { timeout: 120_000 }, () => {
  it('is what bin/borgerbudget.js runs, from dist/', () => {
    const res = cli.spawnBin('bogus');
    expect(res.code).toBe(2);
    expect(res.out).toBe('');
    expect(res.err).toContain('Brug: borgerbudget <kommando>');
  });

  it('exits 2 with the usage for an unknown command', () => {
    const res = cli.spawn('bogus');
    expect(res.code).toBe(2);
    expect(res.out).toBe('');
    expect(res.err).toContain('Brug: borgerbudget <kommando>');
  });

  it('exits 1 with the one-line reason when the command fails', () => {
    const again = cli.spawn(
      'create-admin',
      '--municipality',
      '101',
      '--email',
      'it@kk.example',
      '--name',
      'Ida IT',
    );
    expect(again.code).toBe(1);
    expect(again.err).toContain('Der findes allerede en bruger med e-mailadressen it@kk.example.');
  });
});
