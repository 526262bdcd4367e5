import { describe, expect, it } from 'vitest';
import { danishFields } from '../../../tests/setup/messages.ts';
import type { ValidationFailed } from '../../domain/errors.ts';
import { parseInput } from '../form-fields.ts';
import { ProposalInput } from './portal.schemas.ts';

// A citizen writes prices the way Danes do; "2.500" must never become 2,50 kr.
describe('the price a citizen types', () => {
  const base = { title: 'Cykel', purpose: 'Til arbejde' };
  const refusal = (amountKr: string) => {
    try {
      parseInput(ProposalInput, { ...base, amountKr });
    } catch (error) {
      return danishFields((error as ValidationFailed).fields);
    }
    throw new Error(`${amountKr} was accepted`);
  };

  it.each([
    ['2500', 250_000],
    ['2.500', 250_000],
    ['2.500 kr.', 250_000],
    ['12.500,50', 1_250_050],
    ['2500,-', 250_000],
    ['2 500 kroner', 250_000],
    ['2,5', 250],
  ])('reads %s as %i øre', (typed, ore) => {
    expect(parseInput(ProposalInput, { ...base, amountKr: typed }).amountKr).toBe(ore);
  });

  it('asks about a price with two readings, and gives one plain message for a price that is not a number', () => {
    expect(refusal('2.50')).toEqual({
      amountKr: 'Mente du 2,50\u00a0kr. eller 250\u00a0kr.? Skriv øre med komma, fx 2,50.',
    });
    expect(refusal('mange')).toEqual({ amountKr: 'Skriv prisen i kroner, fx 2.500 eller 2.500,50.' });
    expect(refusal('60000')).toEqual({ amountKr: 'Prisen kan højst være 50.000 kr.' });
  });
});
