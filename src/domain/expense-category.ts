// What the money is spent on (spec: Expense categories; 2020 evaluation report, §6.1 "Budgetterne bruges
// på transport, teknik og tænder").
// The codes are stable (reports, imports and category rules key on them); the labels may be reworded.
import type { MessageKey } from '../i18n/index.ts';

export const EXPENSE_CATEGORIES = [
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
] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

export const EXPENSE_CATEGORY_LABELS: Readonly<Record<ExpenseCategory, MessageKey>> = {
  transport: 'label.expenseCategory.transport',
  education: 'label.expenseCategory.education',
  electronics: 'label.expenseCategory.electronics',
  housing: 'label.expenseCategory.housing',
  health: 'label.expenseCategory.health',
  exercise_leisure: 'label.expenseCategory.exercise_leisure',
  family_experiences: 'label.expenseCategory.family_experiences',
  debt: 'label.expenseCategory.debt',
  clothing_care: 'label.expenseCategory.clothing_care',
  business: 'label.expenseCategory.business',
  other: 'label.expenseCategory.other',
};

/**
 * What typically belongs in each category, shown as a hint where a request is made: the purchases the 2020
 * evaluation report, §6.1, reports, so staff recognise where each belongs.
 */
export const EXPENSE_CATEGORY_EXAMPLES: Readonly<Record<ExpenseCategory, MessageKey>> = {
  transport: 'label.expenseCategoryExamples.transport',
  education: 'label.expenseCategoryExamples.education',
  electronics: 'label.expenseCategoryExamples.electronics',
  housing: 'label.expenseCategoryExamples.housing',
  health: 'label.expenseCategoryExamples.health',
  exercise_leisure: 'label.expenseCategoryExamples.exercise_leisure',
  family_experiences: 'label.expenseCategoryExamples.family_experiences',
  debt: 'label.expenseCategoryExamples.debt',
  clothing_care: 'label.expenseCategoryExamples.clothing_care',
  business: 'label.expenseCategoryExamples.business',
  other: 'label.expenseCategoryExamples.other',
};
