import { z } from 'zod';
import { EXPENSE_CATEGORIES } from '../../domain/expense-category.ts';
import { GOAL_CATEGORIES, SUB_GOAL_STATUSES } from '../../domain/plan.ts';
import { MAX_GRANT } from '../../domain/programme-rules.ts';
import {
  codeOr,
  codeSet,
  optionalCode,
  optionalKr,
  optionalText,
  plainText,
  say,
  text,
} from '../form-fields.ts';

// One schema per plan form and API call (conventions: Input validation). The plan's own rules (at least one
// goal category, at most five sub-goals) are the domain's (domain/plan.ts), checked by the service with the
// domain's messages.

export const IDEA_STATUSES = ['open', 'chosen', 'set_aside'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

/** An estimate above the largest possible grant is a typing error. */
const MAX_ESTIMATE = MAX_GRANT;

/** For changes that take no input (removals). */
export const NoInput = z.object({});

export const DreamInput = z.object({
  dream: plainText('multi').max(4000, say('field.plan.dreamTooLong')).default(''),
});
export type DreamInput = z.input<typeof DreamInput>;

export const GoalInput = z.object({
  description: text('field.plan.goal', 2000, 'multi'),
  categories: codeSet(GOAL_CATEGORIES, 'field.plan.goalCategories'),
});
export type GoalInput = z.input<typeof GoalInput>;

export const SubGoalInput = z.object({
  description: text('field.plan.subGoal', 2000),
  status: codeOr(SUB_GOAL_STATUSES, 'planned', 'field.plan.status'),
  longTermGoalId: optionalText(100),
});
export type SubGoalInput = z.input<typeof SubGoalInput>;

export const ActivityInput = z.object({
  description: text('field.plan.activity', 1000),
  estimatedCostKr: optionalKr('field.plan.estimatedCost').refine((v) => v === null || v <= MAX_ESTIMATE, {
    message: say('field.plan.estimatedCostTooBig'),
  }),
  expenseCategory: optionalCode(EXPENSE_CATEGORIES, 'field.expenseCategory'),
});
export type ActivityInput = z.input<typeof ActivityInput>;

export const IdeaInput = z.object({
  text: text('field.plan.idea', 1000),
  status: codeOr(IDEA_STATUSES, 'open', 'field.plan.status'),
});
export type IdeaInput = z.input<typeof IdeaInput>;
