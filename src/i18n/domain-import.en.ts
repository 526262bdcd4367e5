import type { domainImportDa } from './domain-import.da.ts';

// The import's reasons for a wrong row (formats: CSV import): the CSV structure (domain/csv.ts), the files
// and their header, each field, and what the rows mean together (domain/import/). In English (spread into
// en.ts).
export const domainImportEn: Record<keyof typeof domainImportDa, string> = {
  'import.error.noHeader': 'The file is empty; it needs a header line.',
  'import.error.ambiguousSeparator':
    'The header line has both commas and semicolons; use only one of them as the separator.',
  'import.error.strayQuote':
    'A quotation mark stands in the middle of a field; put the whole field in quotation marks and double the quotation marks inside it.',
  'import.error.unclosedQuote': 'A field in quotation marks never ends.',
  'import.error.fieldCount': 'The line has {got} fields, but the header line has {want}.',
  'import.error.mixedSeparators':
    'The line uses {used} as the separator, but the header line uses {header}. Use the same separator in the whole file.',
  'import.error.separator.comma': 'a comma (,)',
  'import.error.separator.semicolon': 'a semicolon (;)',
  'import.error.unknownFile':
    'Unknown file. The files must be called cases.csv, answers.csv or payments.csv.',
  'import.error.fileTwice': 'The file is given more than once.',
  'import.error.noFiles': 'There are no files. Choose cases.csv, answers.csv and/or payments.csv.',
  'import.error.notUtf8': 'The file is not saved as UTF-8. Save it again as "CSV UTF-8".',
  'import.error.unnamedColumn': 'Column {number} of the header line has no name.',
  'import.error.unknownColumn': 'Unknown column. The columns of {file} are: {columns}.',
  'import.error.columnTwice': 'The column appears more than once.',
  'import.error.columnMissing': 'The column is missing from the header line.',
  'import.error.required': 'Fill in this field.',
  'import.error.tooLong': 'The text may be at most {max} characters.',
  'import.error.date': '"{value}" is not a valid date. Write the date as YYYY-MM-DD, e.g. 2024-03-01.',
  'import.error.code': '"{value}" is not a valid code. Use one of: {codes}.',
  'import.error.amountNotPositive': 'The amount must be more than 0 kr.',
  'import.error.municipalityCodeFormat':
    '"{value}" is not a municipality code. Write the three digits, e.g. 751.',
  'import.error.cprFormat': 'The CPR number must be 10 digits, written DDMMYYSSSS or DDMMYY-SSSS.',
  'import.error.cprBirthDate': 'The CPR number does not begin with a valid date of birth (DDMMYY).',
  'import.error.terminationReasonMissing': 'Write why the case was terminated early.',
  'import.error.terminationReasonNotAllowed': 'Only a case that was terminated early has a reason.',
  'import.error.endDateActive': 'An active case has no end date. Leave the field empty.',
  'import.error.endDateMissing': 'A closed case must have an end date.',
  'import.error.unknownItem': '"{value}" is not a question in {instrument}. Use one of: {items}.',
  'import.error.caseRefTwice': 'The case reference "{caseRef}" is also on line {line}.',
  'import.error.otherMunicipality': 'You can only import cases into your own municipality ({code}).',
  'import.error.unknownMunicipality': '{code} is not a Danish municipality code.',
  'import.error.alreadyImported': 'The case "{caseRef}" has already been imported. It is not imported again.',
  'import.error.openCaseInImport': 'The citizen already has an active case in the import (line {line}).',
  'import.error.openCaseExists': "The citizen already has an open case in the municipality's programme.",
  'import.error.dateInFuture': 'The date cannot be later than today.',
  'import.error.startBeforeBirth':
    "The start date is before the citizen's date of birth (according to the CPR number).",
  'import.error.referredAfterStart': 'The referral date cannot be later than the start date.',
  'import.error.poolExceeded':
    'There is not enough money in the pool of "{programme}": {left} is left. Raise the pool under Programme and rules, and import again.',
  'import.error.caseRefAmbiguous':
    'The case reference "{caseRef}" exists in more than one municipality; import them one at a time.',
  'import.error.unknownCase': 'The case "{caseRef}" is neither in cases.csv nor in the database.',
  'import.error.unknownCaseInDatabase': 'The case "{caseRef}" is not in the database.',
  'import.error.itemTwice': 'The question {item} has already been answered on line {line}.',
  'import.error.answeredBeforeStart': 'The questionnaire cannot have been answered before the case started.',
  'import.error.instrumentAnswered':
    'The case "{caseRef}" already has answers to {instrument} in the database.',
  'import.error.paymentExceedsGrant':
    'The payment takes the case "{caseRef}" over its grant: {left} is left.',
  'import.error.paidBeforeStart': 'The payment cannot be dated before the case started.',
  'import.error.paidAfterEnd': "The payment cannot be dated after the case's end date.",
  'import.error.caseNotActive': 'The case "{caseRef}" is not active, so no payment can be made on it.',
};
