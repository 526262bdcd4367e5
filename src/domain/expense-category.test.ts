import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS, isExpenseCategory } from './expense-category.ts';

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
    expect(new Set(labels.map((l) => l.da)).size).toBe(EXPENSE_CATEGORIES.length);
    expect(new Set(labels.map((l) => l.en)).size).toBe(EXPENSE_CATEGORIES.length);
    for (const l of labels) {
      expect(l.examples.da).not.toBe('');
      expect(l.examples.en).not.toBe('');
    }
    expect(EXPENSE_CATEGORY_LABELS.debt.examples.da).toContain('kviklån');
  });

  it('serve as a zod enum and have a guard', () => {
    expect(z.enum(EXPENSE_CATEGORIES).safeParse('health').success).toBe(true);
    expect(isExpenseCategory('exercise_leisure')).toBe(true);
    for (const v of ['', 'Other', 'food', undefined]) expect(isExpenseCategory(v)).toBe(false);
  });
});
