import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  EXPENSE_CATEGORIES,
  EXPENSE_CATEGORY_EXAMPLES,
  EXPENSE_CATEGORY_LABELS,
} from './expense-category.ts';
import { da } from '../i18n/da.ts';
import { en } from '../i18n/en.ts';

describe('expense categories', () => {
  it('are the eleven stable codes of the specification', () => {
    expect(EXPENSE_CATEGORIES).toEqual([
      'transport',
      'education',
      'electronics',
      'housing',
      'health',
      'exercise_leisure',
      'family_experiences',
      'debt',
      'clothing_care',
      'business',
      'other',
    ]);
  });

  it('each have a distinct Danish and English label and examples in both', () => {
    const labels = EXPENSE_CATEGORIES.map((c) => EXPENSE_CATEGORY_LABELS[c]);
    expect(new Set(labels.map((l) => da[l])).size).toBe(EXPENSE_CATEGORIES.length);
    expect(new Set(labels.map((l) => en[l])).size).toBe(EXPENSE_CATEGORIES.length);
    for (const c of EXPENSE_CATEGORIES) {
      expect(da[EXPENSE_CATEGORY_EXAMPLES[c]]).not.toBe('');
      expect(en[EXPENSE_CATEGORY_EXAMPLES[c]]).not.toBe('');
    }
    expect(da[EXPENSE_CATEGORY_EXAMPLES.debt]).toContain('kviklån');
  });

  it('serve as a zod enum', () => {
    expect(z.enum(EXPENSE_CATEGORIES).safeParse('health').success).toBe(true);
  });
});
