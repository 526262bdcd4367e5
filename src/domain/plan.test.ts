import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import {
  GOAL_CATEGORIES,
  GOAL_CATEGORY_LABELS,
  MAX_SUB_GOALS,
  SUB_GOAL_STATUSES,
  SUB_GOAL_STATUS_LABELS,
  checkGoalCategories,
  checkSubGoalLimit,
} from './plan.ts';
import { translate, translator, type Message } from '../i18n/index.ts';
import { da } from '../i18n/da.ts';
import { en } from '../i18n/en.ts';

/** A rule's message as a Danish reader sees it. */
const danish = (said: Message) => translate(translator('da'), said);

describe('goal categories', () => {
  it('are the eight of the 2020 evaluation report, in its order and words (§6.1)', () => {
    expect(GOAL_CATEGORIES.map((c) => da[GOAL_CATEGORY_LABELS[c]])).toEqual([
      'Uddannelse og beskæftigelse',
      'Økonomisk selvstyre og gældsfrihed',
      'Øget selvtillid, selvværd eller trivsel',
      'Bedre mental- og/eller fysisk sundhed',
      'Stof- og alkoholfrihed',
      'Bedre boligforhold',
      'Sociale relationer',
      'Uafhængighed',
    ]);
    expect(new Set(GOAL_CATEGORIES.map((c) => en[GOAL_CATEGORY_LABELS[c]])).size).toBe(8);
  });

  it('serve as a zod enum', () => {
    const schema = z.enum(GOAL_CATEGORIES);
    expect(schema.parse('housing')).toBe('housing');
    expect(schema.safeParse('dreams').success).toBe(false);
  });

  it('must be at least one for a long-term goal', () => {
    const none = checkGoalCategories([]);
    expect(none).toMatchObject({ ok: false, error: { code: 'goal_category_required' } });
    expect(none.ok ? '' : danish(none.error.message)).toBe(
      'Vælg mindst én målkategori for det langsigtede mål.',
    );
  });

  it('come back once each, in the standard order', () => {
    expect(checkGoalCategories(['housing', 'health', 'housing'])).toEqual({
      ok: true,
      categories: ['health', 'housing'],
    });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...GOAL_CATEGORIES)), (picked) => {
        const result = checkGoalCategories(picked);
        expect(result.ok).toBe(picked.length > 0);
        if (!result.ok) return;
        expect(new Set(result.categories)).toEqual(new Set(picked));
        expect(result.categories).toEqual(GOAL_CATEGORIES.filter((c) => picked.includes(c)));
      }),
    );
  });
});

describe('sub-goals', () => {
  const withStatuses = (...statuses: (typeof SUB_GOAL_STATUSES)[number][]) =>
    statuses.map((status) => ({ status }));

  it('have four statuses with Danish and English labels', () => {
    expect(SUB_GOAL_STATUSES.map((s) => da[SUB_GOAL_STATUS_LABELS[s]])).toEqual([
      'Planlagt',
      'I gang',
      'Opnået',
      'Fravalgt',
    ]);
  });

  it('are at most five (2020 evaluation report, §6.1)', () => {
    expect(MAX_SUB_GOALS).toBe(5);
    expect(
      checkSubGoalLimit(withStatuses('planned', 'planned', 'in_progress', 'achieved', 'achieved')),
    ).toEqual({
      ok: true,
    });
    const six = checkSubGoalLimit(
      withStatuses('planned', 'planned', 'planned', 'planned', 'planned', 'planned'),
    );
    expect(six).toMatchObject({ ok: false, error: { code: 'too_many_sub_goals' } });
    expect(six.ok ? '' : danish(six.error.message)).toBe(
      'Et forløb kan højst have 5 delmål. Et fravalgt delmål tæller ikke med.',
    );
  });

  it('do not count when dropped', () => {
    expect(
      checkSubGoalLimit(withStatuses('dropped', 'planned', 'planned', 'planned', 'planned', 'planned')).ok,
    ).toBe(true);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SUB_GOAL_STATUSES), { maxLength: 12 }), (statuses) => {
        const counted = statuses.filter((s) => s !== 'dropped').length;
        expect(checkSubGoalLimit(withStatuses(...statuses)).ok).toBe(counted <= MAX_SUB_GOALS);
      }),
    );
  });
});
