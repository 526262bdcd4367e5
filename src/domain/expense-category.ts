// What the money is spent on (spec: Expense categories; 2020 evaluation report, §6.1 "Budgetterne bruges
// på transport, teknik og tænder").
// The codes are stable (reports, imports and category rules key on them); the labels may be reworded.

export const EXPENSE_CATEGORIES = [
  'transport',
  'education',
  'electronics',
  'housing',
  'health',
  'exercise_leisure',
  'family_experiences',
  'debt',
  'clothing_care',
  'business',
  'other',
] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

export interface ExpenseCategoryLabel {
  readonly da: string;
  readonly en: string;
  /** What typically belongs here, shown as a hint where a request is made. */
  readonly examples: { readonly da: string; readonly en: string };
}

// The examples are the purchases the 2020 evaluation report, §6.1, reports, so staff recognise where each
// belongs.
export const EXPENSE_CATEGORY_LABELS: Readonly<Record<ExpenseCategory, ExpenseCategoryLabel>> = {
  transport: {
    da: 'Transport',
    en: 'Transport',
    examples: {
      da: 'Kørekort, cykel, offentlig transport',
      en: 'Driving licence, bicycle, public transport',
    },
  },
  education: {
    da: 'Uddannelse',
    en: 'Education',
    examples: {
      da: 'Undervisningsgebyrer, materialer, højskoleophold',
      en: 'Fees, materials, folk high school',
    },
  },
  electronics: {
    da: 'Elektronik',
    en: 'Electronics',
    examples: { da: 'Computer, mobiltelefon', en: 'Computer, mobile phone' },
  },
  housing: {
    da: 'Bolig og indretning',
    en: 'Housing and furnishing',
    examples: { da: 'Depositum, møbler, maling', en: 'Deposit, furniture, paint' },
  },
  health: {
    da: 'Sundhed',
    en: 'Health',
    examples: { da: 'Tandlæge, briller, behandling', en: 'Dentist, glasses, treatment' },
  },
  exercise_leisure: {
    da: 'Motion og fritid',
    en: 'Exercise and leisure',
    examples: {
      da: 'Fitness, musikinstrumenter, hobbyer, kæledyr',
      en: 'Fitness, instruments, hobbies, pets',
    },
  },
  family_experiences: {
    da: 'Familie og oplevelser',
    en: 'Family and experiences',
    examples: { da: 'Ferie, udflugter, gaver', en: 'Holidays, outings, gifts' },
  },
  debt: {
    da: 'Gældsafvikling',
    en: 'Debt repayment',
    examples: { da: 'Afbetaling af gæld, også kviklån', en: 'Paying off debt, including payday loans' },
  },
  clothing_care: {
    da: 'Tøj og personlig pleje',
    en: 'Clothing and personal care',
    examples: { da: 'Tøj, hygiejne, fjernelse af tatoveringer', en: 'Clothes, hygiene, tattoo removal' },
  },
  business: {
    da: 'Egen virksomhed',
    en: 'Own business',
    examples: { da: 'Opstart af egen virksomhed', en: 'Starting a business' },
  },
  other: {
    da: 'Andet',
    en: 'Other',
    examples: {
      da: 'Det, der ikke passer i de andre kategorier',
      en: 'Anything that fits no other category',
    },
  },
};

export function isExpenseCategory(value: unknown): value is ExpenseCategory {
  return typeof value === 'string' && (EXPENSE_CATEGORIES as readonly string[]).includes(value);
}
