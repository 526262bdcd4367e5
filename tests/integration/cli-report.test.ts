import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../src/services/index.ts';
import { createCli, type Cli } from '../setup/cli.ts';
import { TEST_SECRETS } from '../setup/test-db.ts';

// `borgerbudget report` as an operator runs it (formats: Report JSON), on the database DATA_DIR /
// DATABASE_URL names, writing the report to standard output: through the command's entry in this
// process, and once as the binary, whose whole report must come through a pipe before it exits.

let cli: Cli;
// The operator's locale is English here: the messages below are the English ones (cli.test.ts has Danish).
const run = (...args: string[]) => cli.runInEnglish(...args);

beforeAll(async () => {
  cli = await createCli('cli-report');
  expect((await run('demo')).code).toBe(0);
}, 120_000);
afterAll(() => cli.close());

const withoutTime = (report: Record<string, unknown>) => ({ ...report, generatedAt: 'T' });

describe('borgerbudget report', { timeout: 120_000 }, () => {
  it('prints the whole database as one JSON object, the same report the service makes', async () => {
    const result = await run('report', '--format', 'json');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual([
      'generatedAt',
      'selection',
      'participants',
      'gender',
      'age',
      'goalCategories',
      'startDistance',
      'endDistance',
      'change',
      'supportBelief',
      'supportAssessment',
      'spending',
      'completion',
      'education',
      'incomeSource',
      'wellbeing',
      'purchasesByPaymentMethod',
    ]);
    expect(report.generatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(report.selection).toEqual({ municipalities: ['250', '350', '621', '751'] });
    const services = await openServices({
      databaseUrl: cli.env.DATABASE_URL,
      dataDir: cli.dataDir,
      secrets: TEST_SECRETS,
      production: false,
    });
    try {
      const expected = await services.reports.forOperator({ anonymise: false });
      expect(withoutTime(report)).toEqual(
        withoutTime(JSON.parse(JSON.stringify(expected)) as Record<string, unknown>),
      );
    } finally {
      await services.system.close();
    }
  });

  it('writes the whole report through a pipe before the process exits', () => {
    const result = cli.spawn('report', '--format', 'json');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out) as Record<string, unknown>;
    expect(report.selection).toEqual({ municipalities: ['250', '350', '621', '751'] });
    expect(Object.keys(report).at(-1)).toBe('purchasesByPaymentMethod');
  });

  it('narrows to one municipality and anonymises on request', async () => {
    const one = JSON.parse((await run('report', '--municipality', '751', '--format', 'json')).out) as {
      selection: unknown;
      participants: { byMunicipality: Record<string, unknown> };
    };
    expect(one.selection).toEqual({ municipalities: ['751'] });
    expect(Object.keys(one.participants.byMunicipality)).toEqual(['751']);
    const anonymous = (await run('report', '--anonymise', '--format', 'json')).out;
    const small: number[] = [];
    JSON.parse(anonymous, (key, value: unknown) => {
      if (
        typeof value === 'number' &&
        ['n', 'missing', 'count', 'citizens', 'started', 'followedUp'].includes(key)
      )
        if (value >= 1 && value <= 4) small.push(value);
      return value;
    });
    expect(small).toEqual([]);
    expect(anonymous).not.toContain('"reasons"');
  });

  it('writes CSV for Danish Excel: one figure, or every figure in blocks', async () => {
    const gender = await run('report', '--format', 'csv', '--figure', 'gender', '--municipality', '751');
    expect(gender.code).toBe(0);
    const lines = gender.out.split('\r\n');
    expect(lines[0]).toBe('\uFEFFmunicipality_code;code;label;count;pct;n;missing');
    expect(lines[1]).toMatch(/^all;male;Mænd;\d+;\d+;\d+;\d+$/);
    const all = await run('report', '--format', 'csv');
    expect(all.code).toBe(0);
    expect(all.out.startsWith('\uFEFFfigure;municipality_code;started;followed_up\r\n')).toBe(true);
    expect(all.out.match(/\uFEFF/g)).toHaveLength(1);
    expect(all.out).toContain(
      '\r\n\r\nfigure;municipality_code;code;label;count;pct;n;missing\r\ngender;all;male;',
    );
    expect(all.out).toMatch(/\r\nspending;all;transport;Transport;\d+,\d\d;/);
  });

  it('names a bad argument on standard error and exits with 2', async () => {
    const cases: [string[], string][] = [
      [['report'], '--format json|csv is required.'],
      [['report', '--format', 'xml'], '--format must be json or csv, not "xml".'],
      [
        ['report', '--format', 'json', '--municipality', 'abc'],
        '--municipality must be a 3-digit municipality code',
      ],
      [['report', '--format', 'json', '--kommune', '751'], 'Unknown argument "--kommune".'],
      [['report', '--format', 'csv', '--figure', 'shoes'], '--figure must be one of participants, gender'],
    ];
    for (const [args, message] of cases) {
      const result = await run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.out).toBe('');
      expect(result.err).toContain(message);
    }
  });

  it('names a municipality without a programme in one line and exits with 1', async () => {
    const result = await run('report', '--format', 'json', '--municipality', '999');
    expect(result).toEqual({
      code: 1,
      out: '',
      err: 'Municipality 999 has no programme in this database.\n',
    });
  });
});

describe('borgerbudget report on a database without programmes', { timeout: 120_000 }, () => {
  let empty: Cli;
  beforeAll(async () => {
    empty = await createCli('cli-report-empty');
    expect((await empty.run('migrate')).code).toBe(0);
  }, 120_000);
  afterAll(() => empty.close());

  it('prints an empty report: no municipalities, zero cases', async () => {
    const result = await empty.run('report', '--format', 'json');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out) as Record<string, { all: unknown; byMunicipality: unknown }>;
    expect(report.selection).toEqual({ municipalities: [] });
    expect(report.participants).toEqual({ all: { started: 0, followedUp: 0 }, byMunicipality: {} });
    expect(report.gender?.all).toMatchObject({ n: 0, missing: 0, counts: { male: 0, female: 0 } });
  });
});
