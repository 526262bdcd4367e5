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
  'import.history.link': 'See earlier imports',
  'import.history.title': 'Earlier imports',
  'import.history.intro':
    "The municipality's imports, newest first: when, who, and how many cases, questionnaires and payments were created. An import with errors changes nothing and is therefore not listed.",
  'import.history.none': 'The municipality has not imported any data yet.',
  'import.history.noMatch': 'No imports match the filter.',
  'import.history.caption': 'Earlier imports',
  'import.history.at': 'When',
  'import.history.by': 'Imported by',
  'import.history.source': 'How',
  'import.history.source.web': 'Upload on the page',
  'import.history.source.cli': 'Command line (operations)',
  'import.history.cases': 'Cases',
  'import.history.questionnaires': 'Questionnaires',
  'import.history.payments': 'Payments',
  'import.history.sort.nyeste': 'Newest first',
  'import.history.sort.aeldste': 'Oldest first',
  'import.history.back': 'Back to import',
  'field.import.source': 'Choose upload on the page or the command line from the list.',
} as const;
