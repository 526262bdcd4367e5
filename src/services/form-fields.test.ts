import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { danishFields } from '../../tests/setup/messages.ts';
import { translate, translator } from '../i18n/index.ts';
import { fieldErrors, labelledKr, optionalDate, optionalKr, requiredKr, say, text } from './form-fields.ts';

// A schema's messages are catalogue keys; fieldErrors turns zod's issues into Messages, and nothing of
// zod's own wording reaches a reader.

const errorsOf = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('accepted');
  return fieldErrors(parsed.error);
};

describe('fieldErrors', () => {
  it('reads a key back as the message, with a limit as its parameter, in either language', () => {
    const fields = errorsOf(z.object({ note: text('field.note.body', 5) }), { note: 'for lang' });
    expect(fields).toEqual({ note: { key: 'field.tooLong', params: { maximum: 5 } } });
    expect(translate(translator('en'), fields.note ?? { key: 'field.invalid' })).toBe(
      'The text can be at most 5 characters.',
    );
  });

  it('keeps the parameters of a custom issue, messages in them too', () => {
    const fields = errorsOf(z.object({ cost: optionalKr('field.plan.estimatedCost') }), { cost: '1,234' });
    expect(danishFields(fields)).toEqual({ cost: 'Det anslåede beløb: Beløbet må højst have to decimaler.' });
  });

  it('gives an issue no schema words itself a generic message, and the whole input `_form`', () => {
    const schema = z.object({ name: z.string().max(3), count: z.number().min(2), code: z.enum(['a']) });
    expect(danishFields(errorsOf(schema, { name: 'abcd', count: 1, code: 'b' }))).toEqual({
      name: 'Teksten må højst være på 3 tegn.',
      count: 'Værdien skal være mindst 2.',
      code: 'Feltet er ikke udfyldt rigtigt.',
    });
    expect(danishFields(errorsOf(schema, 'not an object'))).toEqual({
      _form: 'Feltet er ikke udfyldt rigtigt.',
    });
    expect(
      danishFields(errorsOf(z.object({ x: z.string().min(1, say('field.note.body')) }), { x: '' })),
    ).toEqual({
      x: 'Skriv opfølgningen.',
    });
  });
});

// Every form reads amounts and dates with the same two parsers (spec: Input of amounts and dates).
describe('amount and date fields', () => {
  const amount = z.object({ a: requiredKr() });
  const read = (schema: z.ZodType, input: unknown) => {
    const parsed = schema.safeParse(input);
    return parsed.success ? parsed.data : danishFields(fieldErrors(parsed.error));
  };

  it('read Danish text and JSON numbers alike', () => {
    for (const typed of ['6500', '6.500', '6 500', '6\u00a0500', 6500])
      expect(read(amount, { a: typed })).toEqual({ a: 650_000 });
    expect(read(amount, { a: '6.500,50' })).toEqual({ a: 650_050 });
    expect(read(amount, { a: 2.5 })).toEqual({ a: 250 });
    expect(read(z.object({ a: optionalKr('field.plan.estimatedCost') }), { a: '1.234.567,89' })).toEqual({
      a: 123_456_789,
    });
    expect(
      read(z.object({ a: labelledKr('field.programme.pool', 'field.programme.pool.notKr') }), {
        a: '1.000.000',
      }),
    ).toEqual({
      a: 100_000_000,
    });
  });

  it('ask about "2.50" in every kind of amount field instead of reading 2,50 kr.', () => {
    const question = 'Mente du 2,50\u00a0kr. eller 250\u00a0kr.? Skriv øre med komma, fx 2,50.';
    expect(read(amount, { a: '2.50' })).toEqual({ a: question });
    expect(read(z.object({ a: optionalKr('field.plan.estimatedCost') }), { a: '2.50' })).toEqual({
      a: `Det anslåede beløb: ${question}`,
    });
  });

  it('read the ISO value of a date field and Danish text, and say when a date does not exist', () => {
    const date = z.object({ d: optionalDate });
    expect(read(date, { d: '2026-12-07' })).toEqual({ d: '2026-12-07' });
    expect(read(date, { d: '7.12.2026' })).toEqual({ d: '2026-12-07' });
    expect(read(date, { d: '7/12-2026' })).toEqual({ d: '2026-12-07' });
    expect(read(date, { d: '' })).toEqual({ d: undefined });
    expect(read(date, { d: '31.2.2026' })).toEqual({
      d: 'Datoen 31.2.2026 findes ikke: den måned har kun 28 dage.',
    });
  });
});
