import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeAnswers, parseAnswerText, validateAnswers } from './answers.ts';
import { currentInstrument, findItem, type InstrumentDefinition, type ItemDefinition } from './instrument.ts';
import type { FieldErrors } from '../errors.ts';
import { translate, translator, type Message } from '../../i18n/index.ts';

/** A message as a Danish reader sees it. */
const danish = (said: Message | undefined) =>
  said === undefined ? undefined : translate(translator('da'), said);
const danishFields = (fields: FieldErrors) =>
  Object.fromEntries(Object.entries(fields).map(([name, said]) => [name, danish(said)]));

const citizenStart = currentInstrument('citizen_start');
const citizenEnd = currentInstrument('citizen_end');
const supportStart = currentInstrument('support_start');

const FULL_START = {
  goal_categories: ['housing', 'education_employment'],
  distance: 'far',
  who5_1: 3,
  who5_2: 0,
  who5_3: 5,
  who5_4: 2,
  who5_5: 1,
};

function item(def: InstrumentDefinition, id: string): ItemDefinition {
  const found = findItem(def, id);
  if (found === null) throw new Error(`no item ${id}`);
  return found;
}

describe('validateAnswers', () => {
  it('accepts a complete set and orders multi-choice codes by the scale', () => {
    const v = validateAnswers(citizenStart, FULL_START);
    expect(v).toMatchObject({ ok: true, complete: true, missing: [], errors: [], cleared: [] });
    expect(v.answers.goal_categories).toEqual(['education_employment', 'housing']);
    expect(v.answers.who5_2).toBe(0);
  });

  it('accepts part of a set and lists what is still missing, without filling anything in', () => {
    const v = validateAnswers(citizenEnd, { distance: 'achieved', who5_2: 4 });
    expect(v.ok).toBe(true);
    expect(v.complete).toBe(false);
    expect(v.answers).toEqual({ distance: 'achieved', who5_2: 4 });
    expect(v.missing).toEqual([
      'who5_1',
      'who5_3',
      'who5_4',
      'who5_5',
      'self_determination',
      'quality_of_life',
    ]);
    expect('who5_1' in v.answers).toBe(false);
  });

  it('treats null and an empty choice as not answered (to clear an earlier answer)', () => {
    const v = validateAnswers(citizenStart, { goal_categories: [], distance: null });
    expect(v.ok).toBe(true);
    expect(v.answers).toEqual({});
    expect(v.cleared).toEqual(['goal_categories', 'distance']);
    expect(v.missing).toContain('distance');
  });

  it('refuses an item the instrument does not have', () => {
    const v = validateAnswers(supportStart, { belief: 'high', assessment: 'high', who5_6: 3 });
    expect(v.ok).toBe(false);
    expect(v.answers).toEqual({ belief: 'high' });
    expect(v.errors.map((e) => ({ ...e, message: danish(e.message) }))).toEqual([
      {
        item: 'assessment',
        code: 'unknown_item',
        message:
          'Spørgsmålet "assessment" findes ikke i "Støttepersonens spørgeskema ved start" (version 1).',
      },
      {
        item: 'who5_6',
        code: 'unknown_item',
        message: 'Spørgsmålet "who5_6" findes ikke i "Støttepersonens spørgeskema ved start" (version 1).',
      },
    ]);
  });

  it('refuses a value outside the scale, with the choices in Danish', () => {
    // `achieved` is an answer at the end only (spec: Answer scales).
    const v = validateAnswers(citizenStart, {
      distance: 'achieved',
      who5_1: 6,
      goal_categories: ['pets', 'housing'],
    });
    expect(v.errors.map((e) => [e.item, e.code])).toEqual([
      ['distance', 'out_of_scale'],
      ['who5_1', 'out_of_scale'],
      ['goal_categories', 'out_of_scale'],
    ]);
    expect(danishFields(Object.fromEntries(v.errors.map((e) => [e.item, e.message])))).toEqual({
      distance:
        '"achieved" er ikke et muligt svar på "Afstand til målet". Vælg mellem: Meget langt fra, Langt fra, Et stykke vej, Tæt på.',
      who5_1: 'Svaret på "Trivsel (WHO-5), udsagn 1" skal være et helt tal fra 0 til 5, ikke 6.',
      goal_categories: expect.stringMatching(
        /^"pets" er ikke et muligt svar på "Målkategorier"\. Vælg mellem: /,
      ) as string,
    });
    expect(danish(validateAnswers(citizenEnd, { self_determination: 0 }).errors[0]?.message)).toBe(
      'Svaret på "Oplevet selvbestemmelse" skal være et helt tal fra 1 til 5, ikke 0.',
    );
  });

  it('refuses a value of the wrong type', () => {
    const v = validateAnswers(citizenStart, {
      distance: 2,
      who5_1: '3',
      who5_2: 2.5,
      who5_3: true,
      goal_categories: 'housing',
    });
    expect(v.errors.map((e) => [e.item, e.code])).toEqual([
      ['distance', 'wrong_type'],
      ['who5_1', 'wrong_type'],
      ['who5_2', 'wrong_type'],
      ['who5_3', 'wrong_type'],
      ['goal_categories', 'wrong_type'],
    ]);
    expect(danish(v.errors[0]?.message)).toBe('Vælg ét af svarene til "Afstand til målet".');
    expect(danish(v.errors[4]?.message)).toBe(
      'Svaret på "Målkategorier" skal være en liste af svarmuligheder.',
    );
    // An item with an error is neither an answer nor missing: the form shows the error instead.
    expect(v.missing).toEqual(['who5_4', 'who5_5']);
    expect(v.complete).toBe(false);
  });

  it('property: any subset of valid answers is ok, kept as given, and the rest is missing', () => {
    const ids = Object.keys(FULL_START) as (keyof typeof FULL_START)[];
    fc.assert(
      fc.property(fc.subarray(ids), (given) => {
        const input = Object.fromEntries(given.map((id) => [id, FULL_START[id]]));
        const v = validateAnswers(citizenStart, input);
        expect(v.ok).toBe(true);
        expect(Object.keys(v.answers).sort()).toEqual([...given].sort());
        expect(v.missing).toEqual(ids.filter((id) => !given.includes(id)));
        expect(v.complete).toBe(given.length === ids.length);
      }),
    );
  });

  it('property: a WHO-5 value outside 0–5 is never accepted', () => {
    fc.assert(
      fc.property(
        fc.integer().filter((n) => n < 0 || n > 5),
        (value) => {
          const v = validateAnswers(citizenEnd, { who5_4: value });
          expect(v.ok).toBe(false);
          expect(v.answers).toEqual({});
          expect(v.errors).toHaveLength(1);
        },
      ),
    );
  });
});

describe('mergeAnswers', () => {
  it('keeps earlier answers, replaces the given ones and removes the cleared ones', () => {
    const earlier = validateAnswers(citizenEnd, { distance: 'close', who5_1: 2, who5_2: 3 }).answers;
    const update = validateAnswers(citizenEnd, { who5_1: 4, who5_2: null, quality_of_life: 5 });
    expect(mergeAnswers(earlier, update)).toEqual({ distance: 'close', who5_1: 4, quality_of_life: 5 });
  });

  it('refuses an update with errors', () => {
    const update = validateAnswers(citizenEnd, { who5_1: 9 });
    expect(() => mergeAnswers({}, update)).toThrow(RangeError);
  });

  it('tells whether a saved set is complete', () => {
    expect(validateAnswers(citizenStart, FULL_START).complete).toBe(true);
    expect(validateAnswers(citizenStart, { ...FULL_START, who5_5: undefined }).complete).toBe(false);
    expect(validateAnswers(supportStart, {}).complete).toBe(false);
  });
});

describe('parseAnswerText', () => {
  it('reads form and CSV text: blank is missing, ratings are numbers, multi codes are split on |', () => {
    expect(parseAnswerText(item(citizenEnd, 'who5_1'), ' 4 ')).toBe(4);
    expect(parseAnswerText(item(citizenEnd, 'who5_1'), '')).toBeNull();
    expect(parseAnswerText(item(citizenEnd, 'who5_1'), 'fire')).toBe('fire');
    expect(parseAnswerText(item(citizenEnd, 'distance'), 'close')).toBe('close');
    expect(parseAnswerText(item(citizenStart, 'goal_categories'), 'housing| health|')).toEqual([
      'housing',
      'health',
    ]);
  });

  it('leaves judging to validateAnswers', () => {
    const input = {
      who5_1: parseAnswerText(item(citizenEnd, 'who5_1'), '5'),
      who5_2: parseAnswerText(item(citizenEnd, 'who5_2'), '2,5'),
      distance: parseAnswerText(item(citizenEnd, 'distance'), ''),
      mood: 'good',
    };
    expect(input).toEqual({ who5_1: 5, who5_2: '2,5', distance: null, mood: 'good' });
    const v = validateAnswers(citizenEnd, input);
    expect(v.errors.map((e) => [e.item, e.code])).toEqual([
      ['who5_2', 'wrong_type'],
      ['mood', 'unknown_item'],
    ]);
    expect(v.answers).toEqual({ who5_1: 5 });
  });
});
