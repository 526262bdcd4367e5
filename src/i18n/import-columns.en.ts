import type { importColumnsDa } from './import-columns.da.ts';

// The import page's table of columns, in English (spread into en.ts).
export const importColumnsEn: Record<keyof typeof importColumnsDa, string> = {
  'import.columns.heading': 'The columns of the files',
  'import.columns.intro':
    'Write the column names exactly as below, in the first line of the file. Download an example file and use it as a template.',
  'import.columns.caption': 'Columns of {file}',
  'import.columns.name': 'Column',
  'import.columns.required': 'Required',
  'import.columns.meaning': 'Meaning',
  'import.columns.yes': 'Yes',
  'import.columns.no': 'No',
  'import.columns.ifTerminated': 'If terminated early',
  'import.columns.example': 'Download an example of {file}',
  'import.columns.file.cases': 'cases.csv: cases, one line per case',
  'import.columns.file.answers': 'answers.csv: questionnaire answers, one line per answer',
  'import.columns.file.payments': 'payments.csv: payments already made',
  'import.columns.rules':
    'Dates are written YYYY-MM-DD (e.g. 2025-02-03). Amounts are in kroner without thousands separators, with a comma or a point as the decimal mark (e.g. 3500,50).',
  'import.column.cases.case_ref': "The municipality's own case reference. Only once in the import.",
  'import.column.cases.municipality_code': 'The 3-digit municipality code, e.g. 751 for Aarhus.',
  'import.column.cases.cpr':
    "The citizen's CPR number (DDMMYY-XXXX). Birth date and gender are derived from it.",
  'import.column.cases.referred_on': 'The date of the referral.',
  'import.column.cases.start_date': 'The date the case became active.',
  'import.column.cases.end_date': 'The date the case closed.',
  'import.column.cases.status': 'active, completed or terminated_early.',
  'import.column.cases.termination_reason': 'Why the case was terminated early.',
  'import.column.cases.granted_kr': "The citizen's grant in kroner, at most the programme's maximum.",
  'import.column.cases.highest_education':
    'Highest completed education: primary, upper_secondary, higher or unknown. Empty: not recorded.',
  'import.column.cases.income_source':
    'Main income source in the year before: cash_benefit, education_benefit, resource_course, disability_pension, student_grant, employment or other. Empty: not recorded.',
  'import.column.answers.case_ref': 'A case in cases.csv or one imported before.',
  'import.column.answers.instrument':
    'The questionnaire: citizen_start, support_start, citizen_end or support_end.',
  'import.column.answers.answered_on': 'The date of the answer.',
  'import.column.answers.item':
    'The question: goal_categories, distance, belief, assessment, who5_1 … who5_5, self_determination or quality_of_life.',
  'import.column.answers.value':
    'The answer as a code, e.g. far or close. Several goal categories are separated by |. WHO-5: 0–5. Self-determination and quality of life: 1–5.',
  'import.column.payments.case_ref': 'A case in cases.csv or one imported before.',
  'import.column.payments.paid_on': 'The date of the payment.',
  'import.column.payments.amount_kr': 'The amount in kroner, more than 0.',
  'import.column.payments.category':
    'The expense category as a code, e.g. transport, education, electronics, housing or health.',
  'import.column.payments.description': 'What was bought.',
  'import.column.payments.method':
    'The payment method as a code, e.g. invoice or bank_transfer. Empty: invoice.',
};
