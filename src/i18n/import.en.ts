import type { importDa } from './import.da.ts';

// The import page's words in English (spread into en.ts).
export const importEn: Record<keyof typeof importDa, string> = {
  'nav.import': 'Import',
  'import.title': 'Import existing data',
  'import.intro':
    'Here you can load cases, questionnaire answers and payments from an earlier pilot or a spreadsheet. It happens all at once: if a single line is wrong, nothing is imported, and you get a list of every error.',
  'import.files': 'Files',
  'import.filesHint':
    'Choose up to three CSV files: cases.csv (cases), answers.csv (answers) and payments.csv (payments). Save them as UTF-8 with comma or semicolon as the separator.',
  'import.submit': 'Import',
  'import.formatNames':
    'The files have no name for the citizen. New citizens are called "Importeret borger (case reference)", which can be corrected afterwards.',
  'import.noFiles': 'Choose at least one file.',
  'import.failedHeading': 'Nothing was imported. Correct {count} errors and try again',
  'import.failedLead': 'Each line says: file:line: column: error.',
  'import.failedInline': 'Correct the errors in the files and choose them again.',
  'import.doneHeading': 'Imported: {cases} cases, {answers} answers, {payments} payments',
  'import.doneText': 'The cases are now ordinary cases of the municipality. You can open them below.',
  'import.casesCaption': 'Imported cases',
  'import.col.caseNumber': 'Case number',
  'import.col.caseRef': 'Case reference',
  'import.another': 'Import more files',
} as const;
