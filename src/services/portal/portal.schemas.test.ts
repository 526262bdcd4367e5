import { describe, expect, it } from 'vitest';
import { danishFields } from '../../../tests/setup/messages.ts';
import type { ValidationFailed } from '../../domain/errors.ts';
import { parseInput } from '../form-fields.ts';
import { everydayPrice, ProposalInput } from './portal.schemas.ts';

// A citizen writes prices the way Danes do; "2.500" must never become 2,50 kr.
describe('the price a citizen types', () => {
  it.each([
    ['2500', '2500'],
    ['2.500', '2500'],
    ['2.500 kr.', '2500'],
    ['12.500,50', '12500,50'],
    ['2500,-', '2500'],
    ['2 500 kroner', '2500'],
    ['2,5', '2,5'],
  ])('reads %s as %s', (typed, read) => {
    expect(everydayPrice(typed)).toBe(read);
  });

  it('is kept in øre, and a price that is not a number gets one plain message', () => {
    const base = { title: 'Cykel', purpose: 'Til arbejde' };
    expect(parseInput(ProposalInput, { ...base, amountKr: '2.500 kr.' }).amountKr).toBe(250_000);
    const refusal = (amountKr: string) => {
      try {
        parseInput(ProposalInput, { ...base, amountKr });
      } catch (error) {
        return danishFields((error as ValidationFailed).fields);
      }
      throw new Error(`${amountKr} was accepted`);
    };
    expect(refusal('mange')).toEqual({ amountKr: 'Skriv prisen med tal, fx 2500.' });
    expect(refusal('60000')).toEqual({ amountKr: 'Prisen kan højst være 50.000 kr.' });
  });
});
