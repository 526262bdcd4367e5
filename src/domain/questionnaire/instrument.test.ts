import { describe, expect, it } from 'vitest';
import {
  INSTRUMENTS,
  INSTRUMENT_CODES,
  ITEM_IDS,
  currentInstrument,
  entryMode,
  findInstrument,
  findItem,
  isInstrumentCode,
  type ItemDefinition,
} from './instrument.ts';
import { da } from '../../i18n/da.ts';
import { en } from '../../i18n/en.ts';
import type { MessageKey } from '../../i18n/index.ts';
const danish = (key: MessageKey | undefined) => (key === undefined ? undefined : da[key]);

const WHO5 = ['who5_1', 'who5_2', 'who5_3', 'who5_4', 'who5_5'];

function describeItem(item: ItemDefinition): string {
  if (item.kind === 'rating') return `${item.id}:${item.min}-${item.max}`;
  return `${item.id}:${item.kind}[${item.scale.codes.join(',')}]`;
}

describe('instruments, version 1', () => {
  it('ask exactly the items and scales of the specification', () => {
    const shape = Object.fromEntries(
      INSTRUMENT_CODES.map((c) => [c, currentInstrument(c).items.map(describeItem)]),
    );
    expect(shape).toEqual({
      citizen_start: [
        'goal_categories:multi[education_employment,finances_debt,self_esteem_wellbeing,health,substance_free,housing,social_relations,independence]',
        'distance:single[very_far,far,some_way,close]',
        ...WHO5.map((id) => `${id}:0-5`),
      ],
      support_start: ['belief:single[very_high,high,partly,low,very_low]'],
      citizen_end: [
        'distance:single[very_far,far,some_way,close,achieved]',
        ...WHO5.map((id) => `${id}:0-5`),
        'self_determination:1-5',
        'quality_of_life:1-5',
      ],
      support_end: ['assessment:single[very_high,high,partly,low,very_low]'],
    });
  });

  it('are answered by the citizen or the support person, at start or end', () => {
    expect(
      INSTRUMENT_CODES.map((c) => [currentInstrument(c).respondent, currentInstrument(c).timing]),
    ).toEqual([
      ['citizen', 'start'],
      ['support', 'start'],
      ['citizen', 'end'],
      ['support', 'end'],
    ]);
  });

  it('have Danish and English text for every item and every rating point', () => {
    for (const code of INSTRUMENT_CODES) {
      const def = currentInstrument(code);
      expect(da[def.title]).not.toBe('');
      expect(new Set(def.items.map((i) => i.id)).size).toBe(def.items.length);
      for (const item of def.items) {
        expect(ITEM_IDS).toContain(item.id);
        for (const text of [item.text, item.short]) {
          expect(da[text].length).toBeGreaterThan(3);
          expect(en[text].length).toBeGreaterThan(3);
        }
        if (item.kind !== 'rating') continue;
        for (let v = item.min; v <= item.max; v++) {
          const label = item.labels[v];
          expect(label && da[label]).toBeTruthy();
          expect(label && en[label]).toBeTruthy();
        }
      }
    }
  });

  it('label the distance and the 5-point items in the report’s words', () => {
    const end = currentInstrument('citizen_end');
    const distance = findItem(end, 'distance');
    expect(distance?.kind === 'single' && danish(distance.scale.labels.achieved)).toBe('Opnået');
    const qol = findItem(end, 'quality_of_life');
    expect(qol?.kind === 'rating' && [danish(qol.labels[5]), danish(qol.labels[1])]).toEqual([
      'I meget høj grad',
      'I lav grad',
    ]);
    expect(findItem(end, 'goal_categories')).toBeNull();
  });
});

describe('versions', () => {
  it('finds a version, or null for one that does not exist', () => {
    expect(findInstrument('citizen_end', 1)).toBe(currentInstrument('citizen_end'));
    expect(findInstrument('citizen_end', 2)).toBeNull();
    expect(INSTRUMENTS.support_start.map((d) => d.version)).toEqual([1]);
  });

  it('knows its codes', () => {
    expect(isInstrumentCode('support_end')).toBe(true);
    expect(isInstrumentCode('support_middle')).toBe(false);
    expect(isInstrumentCode(undefined)).toBe(false);
  });
});

describe('entryMode', () => {
  it('lets the respondent answer, and the support person enter a citizen’s answers on their behalf', () => {
    expect(entryMode('citizen_start', 'citizen')).toBe('self');
    expect(entryMode('citizen_end', 'support')).toBe('on_behalf');
    expect(entryMode('support_start', 'support')).toBe('self');
    expect(entryMode('support_end', 'citizen')).toBeNull();
    expect(entryMode('citizen_start', 'coordinator')).toBeNull();
    expect(entryMode('support_end', 'evaluator')).toBeNull();
  });
});
