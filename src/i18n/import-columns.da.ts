// The import page's table of columns (formats: CSV import): each column's name stays as the contract
// spells it; here is what it means, in Danish. Spread into da.ts.
export const importColumnsDa = {
  'import.columns.heading': 'Kolonnerne i filerne',
  'import.columns.intro':
    'Kolonnernes navne skal skrives præcis som herunder (på engelsk), i første linje af filen. Hent en eksempelfil, og brug den som skabelon.',
  'import.columns.caption': 'Kolonner i {file}',
  'import.columns.name': 'Kolonne',
  'import.columns.required': 'Skal udfyldes',
  'import.columns.meaning': 'Betydning',
  'import.columns.yes': 'Ja',
  'import.columns.no': 'Nej',
  'import.columns.ifTerminated': 'Ved afbrudt forløb',
  'import.columns.example': 'Hent eksempel på {file}',
  'import.columns.file.cases': 'cases.csv: forløb, én linje pr. forløb',
  'import.columns.file.answers': 'answers.csv: svar på spørgeskemaer, én linje pr. svar',
  'import.columns.file.payments': 'payments.csv: betalinger, der allerede er betalt',
  'import.columns.rules':
    'Datoer skrives ÅÅÅÅ-MM-DD (fx 2025-02-03). Beløb skrives i kroner uden tusindtalsadskiller, med komma eller punktum som decimaltegn (fx 3500,50).',
  'import.column.cases.case_ref': 'Kommunens egen sagsreference. Må kun stå én gang i importen.',
  'import.column.cases.municipality_code': 'Kommunekoden med tre cifre, fx 751 for Aarhus.',
  'import.column.cases.cpr': 'Borgerens CPR-nummer (DDMMÅÅ-XXXX). Fødselsdato og køn findes ud fra det.',
  'import.column.cases.referred_on': 'Datoen for henvisningen.',
  'import.column.cases.start_date': 'Datoen, hvor forløbet blev aktivt.',
  'import.column.cases.end_date': 'Datoen, hvor forløbet sluttede.',
  'import.column.cases.status':
    'active (aktivt), completed (afsluttet) eller terminated_early (afbrudt før tid).',
  'import.column.cases.termination_reason': 'Hvorfor forløbet blev afbrudt før tid.',
  'import.column.cases.granted_kr': 'Borgerens trækningsret i kroner, højst ordningens maksimum.',
  'import.column.cases.highest_education':
    'Højeste fuldførte uddannelse: primary (grundskole), upper_secondary (ungdomsuddannelse), higher (videregående) eller unknown (uoplyst). Tom: ikke registreret.',
  'import.column.cases.income_source':
    'Hovedindtægt året før: cash_benefit (kontanthjælp), education_benefit (uddannelseshjælp), resource_course (ressourceforløbsydelse), disability_pension (førtidspension), student_grant (SU), employment (beskæftigelse) eller other (andet). Tom: ikke registreret.',
  'import.column.answers.case_ref': 'Et forløb i cases.csv eller et, der er importeret før.',
  'import.column.answers.instrument':
    'Spørgeskemaet: citizen_start, support_start, citizen_end eller support_end (borgerens eller støttepersonens, ved start eller slut).',
  'import.column.answers.answered_on': 'Datoen for svaret.',
  'import.column.answers.item':
    'Spørgsmålet: goal_categories (målkategorier), distance (afstand til målet), belief (tro på målet), assessment (vurdering af målopfyldelse), who5_1 … who5_5 (trivsel), self_determination (selvbestemmelse) eller quality_of_life (livskvalitet).',
  'import.column.answers.value':
    'Svaret som kode, fx far eller close. Flere målkategorier skilles med |. WHO-5: 0–5. Selvbestemmelse og livskvalitet: 1–5.',
  'import.column.payments.case_ref': 'Et forløb i cases.csv eller et, der er importeret før.',
  'import.column.payments.paid_on': 'Datoen for betalingen.',
  'import.column.payments.amount_kr': 'Beløbet i kroner, større end 0.',
  'import.column.payments.category':
    'Udgiftskategorien som kode, fx transport, education, electronics, housing eller health.',
  'import.column.payments.description': 'Hvad der blev købt.',
  'import.column.payments.method':
    'Betalingsmåden som kode, fx invoice eller bank_transfer. Tom: invoice (faktura).',
} as const;
