import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { danishFields } from '../../tests/setup/messages.ts';
import { translate, translator } from '../i18n/index.ts';
import { fieldErrors, optionalKr, say, text } from './form-fields.ts';

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
