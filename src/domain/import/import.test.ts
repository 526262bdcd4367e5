import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/index.ts';
import type { CalendarDate } from '../calendar-date.ts';
import { deriveBalance } from '../ledger.ts';
import { ore } from '../money.ts';
import { formatImportError, readImportFiles, sortImportErrors } from './import-files.ts';
import type { ExistingCase, ImportContext, ProgrammeFacts } from './import-model.ts';
import { planImport } from './import-plan.ts';

// The import's reading and checking (formats: CSV import), without a database: each kind of wrong
// row gives its `file:line: column: reason`, and a right folder gives the plan the service writes.

const FIXTURE = new URL('../../../tests/fixtures/import/valid/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURE), 'utf8');

/** The reasons as the command line prints them: in Danish. */
const DA = translator('da');

const CASES_HEADER =
  'case_ref,municipality_code,cpr,referred_on,start_date,end_date,status,termination_reason,granted_kr,highest_education,income_source';
const ANSWERS_HEADER = 'case_ref,instrument,answered_on,item,value';
const PAYMENTS_HEADER = 'case_ref,paid_on,amount_kr,category,description,method';

const ACTIVE = 'A-1,751,0101901234,2024-01-10,2024-02-01,,active,,40000,,';

function context(over: Partial<ImportContext> = {}): ImportContext {
  return {
    today: '2026-03-02' as CalendarDate,
    onlyMunicipality: null,
    municipalities: new Map(),
    existingRefs: new Map(),
    hasOpenCase: () => false,
    ...over,
  };
}

function run(files: Record<string, string | Uint8Array>, ctx: ImportContext = context()) {
  const read = readImportFiles(
    Object.entries(files).map(([name, text]) => ({
      name,
      bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
    })),
  );
  return planImport(read, ctx);
}

/** The errors as the command line prints them. */
function errorsOf(files: Record<string, string | Uint8Array>, ctx?: ImportContext): string[] {
  const result = run(files, ctx);
  if (result.ok) throw new Error('expected errors');
  return sortImportErrors(result.errors).map((e) => formatImportError(e, DA));
}

const cases = (...rows: string[]) => [CASES_HEADER, ...rows].join('\r\n') + '\r\n';
const answers = (...rows: string[]) => [ANSWERS_HEADER, ...rows].join('\n');
const payments = (...rows: string[]) => [PAYMENTS_HEADER, ...rows].join('\n');

describe('a right folder', () => {
  it('becomes a plan: cases through the state machine, ledgers, questionnaires, new municipalities', () => {
    const result = run({
      'cases.csv': fixture('cases.csv'),
      'answers.csv': fixture('answers.csv'),
      'payments.csv': fixture('payments.csv'),
    });
    if (!result.ok) throw new Error(result.errors.map((e) => formatImportError(e, DA)).join('\n'));
    const { plan } = result;
    expect(plan.counts).toEqual({ cases: 4, answers: 21, payments: 5 });
    expect(plan.municipalities.map((m) => [m.id, m.newName])).toEqual([
      [461, 'Odense Kommune'],
      [851, 'Aalborg Kommune'],
    ]);
    const od1 = plan.cases.find((c) => c.caseRef === 'OD-1');
    expect(od1?.state).toMatchObject({ phase: 'closed', outcome: 'completed', closedOn: '2025-01-31' });
    expect(od1?.steps.map((s) => s.type)).toEqual(['start_screening', 'accept', 'activate', 'complete']);
    expect(od1?.ledger.map((p) => [p.kind, p.amount])).toEqual([
      ['grant', 4_000_000],
      ['payment', 350_000],
      ['payment', 120_000],
      ['return_to_pool', 3_530_000],
    ]);
    const od2 = plan.cases.find((c) => c.caseRef === 'OD-2');
    expect(od2?.state).toMatchObject({ outcome: 'terminated_early', reason: 'Flyttede, uden ny adresse' });
    expect(od2?.referredOn).toBe('2024-03-01'); // no referral date: the start date
    // All spent: nothing goes back to the pool, and nothing is posted for it.
    const aal = plan.cases.find((c) => c.caseRef === 'AAL-1');
    expect(aal?.ledger.map((p) => p.kind)).toEqual(['grant', 'payment']);
    const od3 = plan.cases.find((c) => c.caseRef === 'OD-3');
    expect(od3?.state.phase).toBe('active');
    expect(od3?.ledger.map((p) => p.kind)).toEqual(['grant', 'payment']);
    const start = plan.questionnaires.find((q) => 'caseRef' in q.target && q.target.caseRef === 'OD-1');
    expect(start).toMatchObject({
      instrument: 'citizen_start',
      complete: true,
      answers: { goal_categories: ['health', 'housing'], distance: 'far', who5_1: 2 },
    });
    expect(plan.questionnaires).toHaveLength(7);
    expect(plan.questionnaires.filter((q) => q.complete)).toHaveLength(4);
  });

  it('reads a BOM, either separator and either decimal mark', () => {
    const semicolon = cases(ACTIVE).replaceAll(',', ';').replace('40000', '40000,50');
    const withBom = '\uFEFF' + semicolon;
    const result = run({
      'cases.csv': withBom,
      'payments.csv': payments('A-1,2024-03-01,1234.50,transport,Cykel,'),
    });
    if (!result.ok) throw new Error(result.errors.map((e) => formatImportError(e, DA)).join('\n'));
    expect(result.plan.cases[0]?.ledger.map((p) => p.amount)).toEqual([4_000_050, 123_450]);
    const comma = run({
      'cases.csv': cases(ACTIVE),
      'payments.csv': `${PAYMENTS_HEADER.replaceAll(',', ';')}\nA-1;2024-03-01;1234,50;transport;Cykel;`,
    });
    expect(comma.ok).toBe(true);
  });

  it('accepts file names in any case and ignores no file silently: an unknown one is an error', () => {
    expect(run({ 'CASES.csv': cases(ACTIVE) }).ok).toBe(true);
    expect(errorsOf({ 'cases.csv': cases(ACTIVE), 'betalinger.csv': payments() })).toEqual([
      'betalinger.csv:1: -: Ukendt fil. Filerne skal hedde cases.csv, answers.csv eller payments.csv.',
    ]);
  });
});

describe('every kind of wrong row', () => {
  it('an unknown column (the rows are still checked)', () => {
    const text = [CASES_HEADER + ',shoe_size', ACTIVE + ',44', 'A-2,751,x,,2024-02-01,,active,,1,,,'].join(
      '\n',
    );
    expect(errorsOf({ 'cases.csv': text })).toEqual([
      expect.stringMatching(
        /^cases\.csv:1: shoe_size: Ukendt kolonne\. Kolonnerne i cases\.csv er: case_ref,/,
      ),
      'cases.csv:3: cpr: CPR-nummeret skal være 10 cifre, skrevet DDMMÅÅSSSS eller DDMMÅÅ-SSSS.',
    ]);
  });

  it('a bad code', () => {
    expect(
      errorsOf({
        'cases.csv': cases(
          'A-1,75,0101901234,,2024-02-01,,active,,1000,,',
          'A-2,999,0101901235,,2024-02-01,,running,,1000,phd,rich',
        ),
        'answers.csv': answers(
          'A-1,citizen_middle,2024-03-01,distance,far',
          'A-2,citizen_start,2024-03-01,belief,high',
          'A-2,citizen_start,2024-03-01,distance,nowhere',
          'A-2,citizen_start,2024-03-01,who5_1,6',
        ),
        'payments.csv': payments('A-2,2024-03-01,100,shoes,Sko,cash'),
      }),
    ).toEqual([
      'cases.csv:2: municipality_code: "75" er ikke en kommunekode. Skriv de tre cifre, fx 751.',
      'cases.csv:3: municipality_code: 999 er ikke en dansk kommunekode.',
      'cases.csv:3: status: "running" er ikke en gyldig kode. Brug en af: active, completed, terminated_early.',
      'cases.csv:3: highest_education: "phd" er ikke en gyldig kode. Brug en af: primary, upper_secondary, higher, unknown.',
      'cases.csv:3: income_source: "rich" er ikke en gyldig kode. Brug en af: cash_benefit, education_benefit, resource_course, disability_pension, student_grant, employment, other.',
      'answers.csv:2: instrument: "citizen_middle" er ikke en gyldig kode. Brug en af: citizen_start, support_start, citizen_end, support_end.',
      expect.stringMatching(
        /^answers\.csv:3: item: "belief" er ikke et spørgsmål i citizen_start\. Brug en af: goal_categories, distance, who5_1/,
      ),
      expect.stringMatching(
        /^answers\.csv:4: value: "nowhere" er ikke et muligt svar på "Afstand til målet"/,
      ),
      'answers.csv:5: value: Svaret på "Trivsel (WHO-5), udsagn 1" skal være et helt tal fra 0 til 5, ikke 6.',
      expect.stringMatching(
        /^payments\.csv:2: category: "shoes" er ikke en gyldig kode\. Brug en af: transport,/,
      ),
      expect.stringMatching(/^payments\.csv:2: method: "cash" er ikke en gyldig kode\. Brug en af: invoice,/),
    ]);
  });

  it('a bad date, and dates that cannot be: in the future, before the start, before the referral', () => {
    expect(
      errorsOf({
        'cases.csv': cases(
          'A-1,751,0101901234,,2024-02-30,,active,,1000,,',
          'A-2,751,0101901235,,01-02-2024,,active,,1000,,',
          'A-3,751,0101901236,,2027-01-01,,active,,1000,,',
          'A-4,751,0101901237,2024-03-01,2024-02-01,,active,,1000,,',
          'A-5,751,0101901238,,2024-02-01,,active,,1000,,',
        ),
        'answers.csv': answers('A-5,citizen_start,2024-01-15,distance,far'),
        'payments.csv': payments('A-5,2024-01-31,100,transport,Cykel,'),
      }),
    ).toEqual([
      'cases.csv:2: start_date: "2024-02-30" er ikke en gyldig dato. Skriv datoen som ÅÅÅÅ-MM-DD, fx 2024-03-01.',
      'cases.csv:3: start_date: "01-02-2024" er ikke en gyldig dato. Skriv datoen som ÅÅÅÅ-MM-DD, fx 2024-03-01.',
      'cases.csv:4: start_date: Datoen kan ikke ligge efter i dag.',
      'cases.csv:5: referred_on: Henvisningsdatoen kan ikke ligge efter startdatoen.',
      'answers.csv:2: answered_on: Spørgeskemaet kan ikke være besvaret før forløbets start.',
      'payments.csv:2: paid_on: Betalingen kan ikke ligge før forløbets start.',
    ]);
  });

  it('a bad CPR number, never repeated in the message', () => {
    const lines = errorsOf({
      'cases.csv': cases(
        'A-1,751,010190123,,2024-02-01,,active,,1000,,',
        'A-2,751,3102901234,,2024-02-01,,active,,1000,,',
        'A-3,751,01019O1234,,2024-02-01,,active,,1000,,',
      ),
    });
    expect(lines).toEqual([
      'cases.csv:2: cpr: CPR-nummeret skal være 10 cifre, skrevet DDMMÅÅSSSS eller DDMMÅÅ-SSSS.',
      'cases.csv:3: cpr: CPR-nummeret begynder ikke med en gyldig fødselsdato (DDMMÅÅ).',
      'cases.csv:4: cpr: CPR-nummeret skal være 10 cifre, skrevet DDMMÅÅSSSS eller DDMMÅÅ-SSSS.',
    ]);
    expect(lines.join('')).not.toMatch(/3102901234|010190123|01019O1234/);
  });

  it('an unknown case', () => {
    expect(
      errorsOf({
        'cases.csv': cases(ACTIVE),
        'answers.csv': answers('B-9,citizen_start,2024-03-01,distance,far'),
        'payments.csv': payments('B-9,2024-03-01,100,transport,Cykel,'),
      }),
    ).toEqual([
      'answers.csv:2: case_ref: Forløbet "B-9" findes ikke i cases.csv eller i databasen.',
      'payments.csv:2: case_ref: Forløbet "B-9" findes ikke i cases.csv eller i databasen.',
    ]);
  });

  it('a payment past the grant (the rows before it are fine)', () => {
    expect(
      errorsOf({
        'cases.csv': cases('A-1,751,0101901234,,2024-02-01,,active,,1000,,'),
        'payments.csv': payments(
          'A-1,2024-03-01,600,transport,Cykel,',
          'A-1,2024-03-02,500,health,Briller,',
          'A-1,2024-03-03,400,health,Tandlæge,',
        ),
      }),
    ).toEqual([
      'payments.csv:3: amount_kr: Betalingen fører forløbet "A-1" over bevillingen: der er 400\u00a0kr. tilbage.',
    ]);
  });

  it('a grant above the programme maximum, or above what the pool has left', () => {
    const programme: ProgrammeFacts = {
      id: 'p',
      name: 'Borgerbudget Aarhus',
      maxGrant: ore(4_000_000),
      durationMonths: 12,
      pool: ore(6_000_000),
      held: ore(1_000_000),
    };
    expect(
      errorsOf(
        {
          'cases.csv': cases(
            'A-1,751,0101901234,,2024-02-01,,active,,45000,,',
            'A-2,751,0101901235,,2024-02-01,,active,,40000,,',
            'A-3,751,0101901236,,2024-02-01,,active,,20000,,',
          ),
        },
        context({ municipalities: new Map([[751, programme]]) }),
      ),
    ).toEqual([
      'cases.csv:2: granted_kr: Beløbet 45.000\u00a0kr. er større end det, der højst kan bevilges: 40.000\u00a0kr.',
      'cases.csv:4: granted_kr: Der er ikke penge nok i puljen i "Borgerbudget Aarhus": der er 10.000\u00a0kr. tilbage. Hæv puljen under Ordning og regler, og importér igen.',
    ]);
  });

  it('a duplicate case: twice in the file, or imported before', () => {
    const before: ExistingCase = {
      caseId: 'c',
      municipalityId: 751,
      phase: 'active',
      startDate: '2024-02-01' as CalendarDate,
      closedOn: null,
      balance: deriveBalance([]),
      instruments: new Set(),
    };
    expect(
      errorsOf(
        {
          'cases.csv': cases(
            ACTIVE,
            'A-1,751,0101901235,,2024-02-01,,active,,1000,,',
            'OLD-1,751,0101901236,,2024-02-01,,active,,1000,,',
          ),
        },
        context({ existingRefs: new Map([['OLD-1', [before]]]) }),
      ),
    ).toEqual([
      'cases.csv:3: case_ref: Sagsreferencen "A-1" står også på linje 2.',
      'cases.csv:4: case_ref: Forløbet "OLD-1" er allerede importeret. Det importeres ikke igen.',
    ]);
  });

  it('a file mixing separators, in a line or in the header', () => {
    expect(
      errorsOf({
        'cases.csv': cases(ACTIVE, 'A-2;751;0101901235;;2024-02-01;;active;;1000;;'),
        'payments.csv': 'case_ref,paid_on;amount_kr\n',
      }),
    ).toEqual([
      'cases.csv:3: -: Linjen bruger semikolon (;) som skilletegn, men overskriftslinjen bruger komma (,). Brug det samme skilletegn i hele filen.',
      'payments.csv:1: -: Overskriftslinjen indeholder både komma og semikolon; brug ét af dem som skilletegn.',
    ]);
  });

  it('a missing required field or column', () => {
    expect(
      errorsOf({
        'cases.csv': cases(
          ',751,0101901234,,2024-02-01,,active,,1000,,',
          'A-2,751,0101901235,,2024-02-01,2024-06-01,terminated_early,,1000,,',
          'A-3,751,0101901236,,2024-02-01,,completed,,1000,,',
          'A-4,751,0101901237,,2024-02-01,2024-06-01,active,,1000,,',
        ),
        'payments.csv': 'case_ref,paid_on,amount_kr,category\nA-2,2024-03-01,100,transport\n',
      }),
    ).toEqual([
      'cases.csv:2: case_ref: Feltet skal udfyldes.',
      'cases.csv:3: termination_reason: Skriv hvorfor forløbet blev afbrudt før tid.',
      'cases.csv:4: end_date: Et afsluttet forløb skal have en slutdato.',
      'cases.csv:5: end_date: Et aktivt forløb har ingen slutdato. Lad feltet være tomt.',
      'payments.csv:1: description: Kolonnen mangler i overskriftslinjen.',
    ]);
  });

  it('a bad amount', () => {
    expect(
      errorsOf({
        'cases.csv': cases(
          'A-1,751,0101901234,,2024-02-01,,active,,"1.000,50",,',
          'A-2,751,0101901235,,2024-02-01,,active,,-100,,',
          'A-3,751,0101901236,,2024-02-01,,active,,100.505,,',
          'A-4,751,0101901237,,2024-02-01,,active,,0,,',
        ),
      }),
    ).toEqual([
      'cases.csv:2: granted_kr: Skriv beløbet i kroner, fx 1234,50 (uden tusindtalsseparator).',
      'cases.csv:3: granted_kr: Beløbet må ikke være negativt.',
      'cases.csv:4: granted_kr: Beløbet må højst have to decimaler.',
      'cases.csv:5: granted_kr: Beløbet skal være større end 0 kr.',
    ]);
  });

  it('a close the state machine refuses, and a citizen with two open cases', () => {
    expect(
      errorsOf({
        'cases.csv': cases(
          'A-1,751,0101901234,,2024-02-01,2025-03-01,terminated_early,Flyttede,1000,,',
          'A-2,751,0101901235,,2024-02-01,2024-01-01,completed,,1000,,',
          'A-3,751,0101901236,,2024-02-01,,active,,1000,,',
          'A-4,751,010190-1236,,2024-03-01,,active,,1000,,',
        ),
      }),
    ).toEqual([
      'cases.csv:2: end_date: Forløbets periode er udløbet på den dato. Afslut forløbet i stedet for at afbryde det før tid.',
      'cases.csv:3: end_date: Datoen kan ikke ligge før forløbets start eller seneste pause eller genoptagelse.',
      'cases.csv:5: cpr: Borgeren har allerede et aktivt forløb i importen (linje 4).',
    ]);
  });

  it("on the coordinator's page, another municipality's rows are wrong rows", () => {
    expect(
      errorsOf(
        { 'cases.csv': cases(ACTIVE, 'B-1,250,0101901235,,2024-02-01,,active,,1000,,') },
        context({ onlyMunicipality: 751, municipalities: new Map([[751, null]]) }),
      ),
    ).toEqual(['cases.csv:3: municipality_code: Du kan kun importere forløb i din egen kommune (751).']);
  });

  it('a file that is not UTF-8', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode(CASES_HEADER + '\nA-1,751,'), 0xe6, 0x0a]);
    expect(errorsOf({ 'cases.csv': latin1 })).toEqual([
      'cases.csv:1: -: Filen er ikke gemt som UTF-8. Gem den igen som "CSV UTF-8".',
    ]);
  });
});

describe('the reasons in English', () => {
  it("are the catalogue's words, with the same values, for the English page", () => {
    const result = run({
      'cases.csv': cases('A-1,751,0101901234,,2024-02-30,,active,,1000,,'),
      'payments.csv': 'case_ref,paid_on;amount_kr\n',
    });
    if (result.ok) throw new Error('expected errors');
    expect(sortImportErrors(result.errors).map((e) => formatImportError(e, translator('en')))).toEqual([
      'cases.csv:2: start_date: "2024-02-30" is not a valid date. Write the date as YYYY-MM-DD, e.g. 2024-03-01.',
      'payments.csv:1: -: The header line has both commas and semicolons; use only one of them as the separator.',
    ]);
  });
});
