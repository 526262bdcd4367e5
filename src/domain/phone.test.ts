import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalisePhone, parseLoginName } from './phone.ts';

describe('normalisePhone', () => {
  it.each([
    ['12345678', null],
    ['22345678', '+4522345678'],
    ['22 34 56 78', '+4522345678'],
    ['+45 22 34 56 78', '+4522345678'],
    ['+4522345678', '+4522345678'],
    ['0045 2234 5678', '+4522345678'],
    ['4522345678', '+4522345678'],
    ['  22-34-56-78 ', '+4522345678'],
    ['(+45) 22.34.56.78', '+4522345678'],
    ['02345678', null],
    ['2234567', null],
    ['223456789', null],
    ['+46 22345678', null],
    ['2234567a', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it('gives the same number however it is spaced', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[2-9][0-9]{7}$/),
        fc.array(fc.constantFrom(' ', '-', ''), { minLength: 8, maxLength: 8 }),
        fc.constantFrom('', '+45', '0045', '+45 '),
        (digits, seps, prefix) => {
          const typed = prefix + digits.replace(/\d/g, (d, i: number) => d + (seps[i] ?? ''));
          expect(normalisePhone(typed)).toBe(`+45${digits}`);
        },
      ),
    );
  });
});

describe('parseLoginName', () => {
  it('reads an e-mail address by its @, lower-cased', () => {
    expect(parseLoginName(' Borger@Aarhus.Example ')).toEqual({
      kind: 'email',
      email: 'borger@aarhus.example',
    });
  });

  it('reads a mobile number', () => {
    expect(parseLoginName('+45 22 34 56 78')).toEqual({ kind: 'phone', phone: '+4522345678' });
  });

  it('refuses what is neither', () => {
    expect(parseLoginName('jens')).toBeNull();
    expect(parseLoginName('1234')).toBeNull();
  });
});
