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
  'field.date': 'Write the date as YYYY-MM-DD, e.g. 2026-03-01.',
  'field.labelled': '{label}: {problem}',
  'field.amount.missing': 'Write the amount in kroner, e.g. 2500 or 2500.50.',
  'field.amount.positive': 'The amount must be more than 0 kr.',
  'field.expenseCategory': 'Choose an expense category from the list.',
  'field.nameTooLong': 'The name can be at most {maximum} characters.',
  'field.api.idempotencyKey': 'Send an Idempotency-Key header with one key per action, e.g. a UUID.',
};
