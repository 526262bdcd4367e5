import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, danishDateOf, type CalendarDate } from '../../src/domain/calendar-date.ts';
import { FINISHED_PERSONAS } from '../../src/services/demo/demo-personas-finished.ts';
import { createCli, type Cli } from '../setup/cli.ts';

// `borgerbudget retention` as an operator runs it (spec: Retention; operations: Retention), on the demo
// data of a database of its own and today's date: the dry run as text and as JSON of the documented
// shape (formats: Retention plan JSON), without a name, and the run itself; bad arguments are refused
// before the database is opened.

let cli: Cli;

beforeAll(async () => {
  cli = await createCli('retention');
  expect((await cli.run('demo')).code).toBe(0);
}, 180_000);
afterAll(() => cli.close());

interface PlanJson {
  asOf: string;
  cases: {
    municipality: string;
    caseNumber: number;
    closedOn: string;
    anonymiseOn: string;
    due: boolean;
    legalHold: boolean;
    restricted: boolean;
  }[];
}

describe('borgerbudget retention', { timeout: 120_000 }, () => {
  it('lists what would be anonymised and when as JSON, with no name, changing nothing', async () => {
    const result = await cli.runInEnglish('retention', '--dry-run', '--json');
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.out) as PlanJson;
    expect(Object.keys(plan)).toEqual(['asOf', 'cases']);
    expect(plan.asOf).toBe(danishDateOf(new Date()));
    expect(plan.cases.length).toBeGreaterThanOrEqual(FINISHED_PERSONAS.length);
    for (const c of plan.cases) {
      expect(Object.keys(c)).toEqual([
        'municipality',
        'caseNumber',
        'closedOn',
        'anonymiseOn',
        'due',
        'legalHold',
        'restricted',
      ]);
      expect(c.municipality).toMatch(/^\d{3}$/);
      // The demo's cases closed within the last year; the default period is 60 months.
      expect(c.anonymiseOn).toBe(addMonths(c.closedOn as CalendarDate, 60));
      expect(c).toMatchObject({ due: false, legalHold: false, restricted: false });
    }
    for (const p of FINISHED_PERSONAS) expect(result.out).not.toContain(p.name);
    expect((await cli.runInEnglish('retention', '--dry-run', '--json')).out).toBe(result.out);
  });

  it('prints the plan as lines, and runs the due cases now', async () => {
    const text = await cli.runInEnglish('retention', '--dry-run');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Closed cases with personal data on \d{4}-\d{2}-\d{2}: \d+\.\n/);
    expect(text.out).toMatch(
      / {2}municipality \d{3}, case \d+: closed \d{4}-\d{2}-\d{2}, anonymised \d{4}-\d{2}-\d{2}\n/,
    );
    const run = await cli.run('retention');
    expect(run).toMatchObject({ code: 0, out: 'Anonymiseret nu: 0 afsluttede forløb.\n', err: '' });
  });

  it('refuses arguments it does not know, and --json without --dry-run', async () => {
    const unknown = await cli.runInEnglish('retention', '--now');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe(
      'Unknown argument "--now".\nUsage: borgerbudget retention [--dry-run [--json]]\n',
    );
    const json = await cli.runInEnglish('retention', '--json');
    expect(json.code).toBe(2);
    expect(json.err).toContain('--json goes with --dry-run.');
  });
});
