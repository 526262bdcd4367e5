import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCli, type Cli } from '../setup/cli.ts';

// `borgerbudget import --dir FOLDER` as an operator runs it (formats: CSV import), through the
// command's entry in this process (tests/setup/cli.ts), on its own database. Wrong rows go to standard error with exit code 1 and nothing is
// written; a right folder prints the Danish summary with exit code 0, and the books stay right.

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

let cli: Cli;
beforeAll(async () => {
  cli = await createCli('cli-import');
}, 120_000);
afterAll(() => cli.close());

describe('borgerbudget import', { timeout: 120_000 }, () => {
  it('prints every wrong row on standard error, exits with 1 and imports nothing', async () => {
    const result = await cli.run('import', '--dir', fixture('bad'));
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    // The first command on a new data folder warns that it generated development secrets.
    const lines = result.err
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('Warning: '));
    expect(lines).toEqual([
      'Intet er importeret: 7 fejl.',
      'cases.csv:1: shoe_size: Ukendt kolonne. Kolonnerne i cases.csv er: case_ref, municipality_code, cpr, referred_on, start_date, end_date, status, termination_reason, granted_kr, highest_education, income_source.',
      'cases.csv:3: municipality_code: "75" er ikke en kommunekode. Skriv de tre cifre, fx 751.',
      'cases.csv:3: cpr: CPR-nummeret begynder ikke med en gyldig fødselsdato (DDMMÅÅ).',
      'cases.csv:3: start_date: "2024-13-01" er ikke en gyldig dato. Skriv datoen som ÅÅÅÅ-MM-DD, fx 2024-03-01.',
      'cases.csv:3: status: "running" er ikke en gyldig kode. Brug en af: active, completed, terminated_early.',
      'cases.csv:3: granted_kr: Skriv beløbet i kroner, fx 1234,50 (uden tusindtalsseparator).',
      'payments.csv:3: -: Linjen bruger komma (,) som skilletegn, men overskriftslinjen bruger semikolon (;). Brug det samme skilletegn i hele filen.',
    ]);
    const check = await cli.run('check-ledger');
    expect(check.out).toContain('0 forløb, 0 posteringer');
  });

  it('imports a right folder, prints the summary and exits with 0; the books are right', async () => {
    const result = await cli.run('import', '--dir', fixture('valid'));
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toBe('Importeret: 4 forløb, 21 svar, 5 betalinger.');
    const check = await cli.run('check-ledger');
    expect(check.code).toBe(0);
    expect(check.out).toContain('Regnskabet stemmer: 4 forløb, 11 posteringer og 2 puljer kontrolleret.');
    const report = JSON.parse((await cli.run('report', '--format', 'json')).out) as {
      participants: { all: { started: number; followedUp: number } };
      spending: { all: { grantedKr: number; spentKr: number; returnedKr: number } };
    };
    expect(report.participants.all).toEqual({ started: 4, followedUp: 2 });
    expect(report.spending.all).toMatchObject({ grantedKr: 145000.5, spentKr: 42200.5, returnedKr: 55300 });
  });

  it('refuses the same folder a second time', async () => {
    const result = await cli.run('import', '--dir', fixture('valid'));
    expect(result.code).toBe(1);
    expect(result.err).toContain('cases.csv:2: case_ref: Forløbet "OD-1" er allerede importeret.');
    expect((await cli.run('check-ledger')).out).toContain('4 forløb, 11 posteringer');
  });

  it('names a bad argument with exit code 2', async () => {
    expect((await cli.run('import')).code).toBe(2);
    const missing = await cli.run('import', '--dir', fixture('no-such-folder'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('findes ikke');
  });
});
