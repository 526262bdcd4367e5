// What a form field says when its input is wrong: the messages every form shares (form-fields.ts). Spread into da.ts.
export const fieldsDa = {
  'field.invalid': 'Feltet er ikke udfyldt rigtigt.',
  'field.required': 'Feltet skal udfyldes.',
  'field.tooLong': 'Teksten må højst være på {maximum} tegn.',
  'field.tooShort': 'Teksten skal være på mindst {minimum} tegn.',
  'field.tooBig': 'Værdien må højst være {maximum}.',
  'field.tooSmall': 'Værdien skal være mindst {minimum}.',
  'field.controlCharacter':
    'Teksten indeholder et usynligt kontroltegn, som ikke kan gemmes. Skriv teksten igen uden det.',
  'field.date': 'Skriv datoen som dag.måned.år, fx 7.12.2026.',
  'field.date.noSuchDay': 'Datoen {date} findes ikke: den måned har kun {days} dage.',
  'field.date.impossible': 'Datoen {date} findes ikke. Skriv dag.måned.år, fx 7.12.2026.',
  'field.labelled': '{label}: {problem}',
  'field.amount.missing': 'Skriv beløbet i kroner, fx 6.500 eller 6.500,50.',
  'field.amount.hint': 'Skriv beløbet i kroner, fx 6.500 eller 6.500,50.',
  'field.amount.positive': 'Beløbet skal være større end 0 kr.',
  'field.expenseCategory': 'Vælg en udgiftskategori fra listen.',
  'field.nameTooLong': 'Navnet må højst være på {maximum} tegn.',
  'field.api.idempotencyKey': 'Send en Idempotency-Key-header med en nøgle pr. handling, fx et UUID.',
} as const;
