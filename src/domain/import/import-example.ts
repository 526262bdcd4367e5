import { writeCsv } from '../csv.ts';
import { FILE_SPECS, type ImportFileName } from './import-files.ts';

// The import page's example files (formats: CSV import): built from the same column list the importer
// checks (FILE_SPECS), with made-up rows it accepts, so an example can never drift from the contract.
// The CPR numbers are synthetic: they fail the modulus-11 check, as the demo's do
// (spec: Demo CPR numbers). The rows go into the importing coordinator's own municipality.

type ExampleRow = Readonly<Record<string, string>>;

const CASE_A = 'EKSEMPEL-1';
const CASE_B = 'EKSEMPEL-2';

function caseRows(municipalityCode: string): readonly ExampleRow[] {
  return [
    {
      case_ref: CASE_A,
      municipality_code: municipalityCode,
      cpr: '140790-4311',
      referred_on: '2025-01-06',
      start_date: '2025-02-03',
      status: 'completed',
      end_date: '2026-02-02',
      granted_kr: '50000',
      highest_education: 'primary',
      income_source: 'cash_benefit',
    },
    {
      case_ref: CASE_B,
      municipality_code: municipalityCode,
      cpr: '220385-1624',
      start_date: '2025-03-10',
      status: 'terminated_early',
      end_date: '2025-09-30',
      termination_reason: 'Borgeren flyttede til en anden kommune.',
      granted_kr: '40000',
    },
  ];
}

const ANSWER_ROWS: readonly ExampleRow[] = [
  {
    case_ref: CASE_A,
    instrument: 'citizen_start',
    answered_on: '2025-02-03',
    item: 'goal_categories',
    value: 'housing|health',
  },
  {
    case_ref: CASE_A,
    instrument: 'citizen_start',
    answered_on: '2025-02-03',
    item: 'distance',
    value: 'far',
  },
  {
    case_ref: CASE_A,
    instrument: 'support_start',
    answered_on: '2025-02-04',
    item: 'belief',
    value: 'high',
  },
  {
    case_ref: CASE_A,
    instrument: 'citizen_end',
    answered_on: '2026-01-28',
    item: 'distance',
    value: 'close',
  },
  {
    case_ref: CASE_A,
    instrument: 'support_end',
    answered_on: '2026-01-29',
    item: 'assessment',
    value: 'high',
  },
];

const PAYMENT_ROWS: readonly ExampleRow[] = [
  {
    case_ref: CASE_A,
    paid_on: '2025-03-14',
    amount_kr: '3500,00',
    category: 'transport',
    description: 'Brugt cykel med lygter',
    method: 'bank_transfer',
  },
  {
    case_ref: CASE_A,
    paid_on: '2025-05-02',
    amount_kr: '4200',
    category: 'health',
    description: 'Tandbehandling',
  },
  {
    case_ref: CASE_B,
    paid_on: '2025-04-22',
    amount_kr: '2999,95',
    category: 'electronics',
    description: 'Mobiltelefon',
  },
];

function examples(municipalityCode: string): Record<ImportFileName, readonly ExampleRow[]> {
  return {
    'cases.csv': caseRows(municipalityCode),
    'answers.csv': ANSWER_ROWS,
    'payments.csv': PAYMENT_ROWS,
  };
}

/** An example of one import file: its header and rows in the contract's column order, for Danish Excel. */
export function importExampleCsv(file: ImportFileName, municipalityCode: string): string {
  const { columns } = FILE_SPECS[file];
  const rows = examples(municipalityCode)[file];
  return writeCsv([columns, ...rows.map((row) => columns.map((c) => row[c] ?? ''))], { formulaGuard: false });
}
