import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  WHO5_ANSWER_LABELS,
  WHO5_ITEM_IDS,
  WHO5_ITEM_TEXTS,
  isWho5Value,
  who5Score,
  who5ScoreOf,
} from './who5.ts';
import { da } from '../../i18n/da.ts';
import { en } from '../../i18n/en.ts';

describe('WHO-5 texts', () => {
  it('are the official Danish item texts, in order', () => {
    expect(WHO5_ITEM_IDS.map((id) => da[WHO5_ITEM_TEXTS[id]])).toEqual([
      'I de sidste 2 uger har jeg været glad og i godt humør',
      'I de sidste 2 uger har jeg følt mig rolig og afslappet',
      'I de sidste 2 uger har jeg følt mig aktiv og energisk',
      'I de sidste 2 uger er jeg vågnet frisk og udhvilet',
      'I de sidste 2 uger har min dagligdag været fyldt med ting der interesserer mig',
    ]);
    expect(en[WHO5_ITEM_TEXTS.who5_3]).toBe('Over the last two weeks I have felt active and vigorous');
  });

  it('label the six answers 5 (all of the time) down to 0 (at no time)', () => {
    expect(
      [5, 4, 3, 2, 1, 0].map((v) => {
        const label = WHO5_ANSWER_LABELS[v];
        return label && da[label];
      }),
    ).toEqual([
      'Hele tiden',
      'Det meste af tiden',
      'Lidt mere end halvdelen af tiden',
      'Lidt mindre end halvdelen af tiden',
      'Lidt af tiden',
      'På intet tidspunkt',
    ]);
    expect(WHO5_ANSWER_LABELS[6]).toBeUndefined();
  });
});

describe('who5Score', () => {
  it('is the raw sum × 4', () => {
    expect(who5Score([3, 4, 2, 5, 1])).toBe(60); // raw 15
    expect(who5Score([0, 0, 0, 0, 0])).toBe(0);
    expect(who5Score([5, 5, 5, 5, 5])).toBe(100);
    expect(who5Score([0, 0, 0, 0, 1])).toBe(4);
  });

  it('is null when any item is missing; a 0 is an answer, not a missing one', () => {
    expect(who5Score([3, null, 2, 5, 1])).toBeNull();
    expect(who5Score([3, 4, 2, 5, undefined])).toBeNull();
    expect(who5Score([0, 0, 0, 0, 0])).not.toBeNull();
  });

  it('refuses a wrong number of items or a value outside 0–5', () => {
    expect(() => who5Score([3, 4, 2, 5])).toThrow(RangeError);
    expect(() => who5Score([3, 4, 2, 5, 1, 1])).toThrow(RangeError);
    expect(() => who5Score([3, 4, 2, 5, 6])).toThrow(RangeError);
    expect(() => who5Score([3, 4, 2, 5, -1])).toThrow(RangeError);
    expect(() => who5Score([3, 4, 2.5, 5, 1])).toThrow(RangeError);
    expect(isWho5Value(5)).toBe(true);
    expect(isWho5Value('5')).toBe(false);
  });

  it('reads an answer set by item id', () => {
    expect(who5ScoreOf({ who5_1: 1, who5_2: 2, who5_3: 3, who5_4: 4, who5_5: 5 })).toBe(60);
    expect(who5ScoreOf({ who5_1: 1, who5_2: 2, who5_3: 3, who5_4: 4 })).toBeNull();
    expect(who5ScoreOf({})).toBeNull();
  });

  it('property: a full set scores 4 × its sum, within 0–100; a gap gives null', () => {
    const item = fc.integer({ min: 0, max: 5 });
    fc.assert(
      fc.property(fc.array(item, { minLength: 5, maxLength: 5 }), fc.nat(4), (items, gap) => {
        const score = who5Score(items);
        expect(score).toBe(4 * items.reduce((s, v) => s + v, 0));
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(who5Score(items.map((v, i) => (i === gap ? null : v)))).toBeNull();
      }),
    );
  });
});
