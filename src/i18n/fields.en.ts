import type { fieldsDa } from './fields.da.ts';

// What a form field says when its input is wrong: the messages every form shares (form-fields.ts), in English (spread into en.ts).
export const fieldsEn: Record<keyof typeof fieldsDa, string> = {
  'field.invalid': 'The field is not filled in correctly.',
  'field.required': 'Fill in the field.',
  'field.tooLong': 'The text can be at most {maximum} characters.',
  'field.tooShort': 'The text must be at least {minimum} characters.',
  'field.tooBig': 'The value can be at most {maximum}.',
  'field.tooSmall': 'The value must be at least {minimum}.',
  'field.controlCharacter':
    'The text contains an invisible control character that cannot be saved. Type the text again without it.',
  'field.date': 'Write the date as day.month.year, e.g. 7.12.2026.',
  'field.date.noSuchDay': 'The date {date} does not exist: that month has only {days} days.',
  'field.date.impossible': 'The date {date} does not exist. Write day.month.year, e.g. 7.12.2026.',
  'field.labelled': '{label}: {problem}',
  'field.amount.missing': 'Write the amount in kroner, e.g. 6.500 or 6.500,50.',
  'field.amount.hint': 'Write the amount in kroner, e.g. 6.500 or 6.500,50.',
  'field.amount.positive': 'The amount must be more than 0 kr.',
  'field.expenseCategory': 'Choose an expense category from the list.',
  'field.nameTooLong': 'The name can be at most {maximum} characters.',
  'field.api.idempotencyKey': 'Send an Idempotency-Key header with one key per action, e.g. a UUID.',
};
