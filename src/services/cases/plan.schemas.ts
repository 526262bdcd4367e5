import { z } from 'zod';
import { EXPENSE_CATEGORIES } from '../../domain/expense-category.ts';
import { ore } from '../../domain/money.ts';
import { GOAL_CATEGORIES, SUB_GOAL_STATUSES } from '../../domain/plan.ts';
import { codeOr, codeSet, optionalCode, optionalKr, optionalText, plainText, text } from '../form-fields.ts';

// One schema per plan form and API call (conventions: Input validation). The plan's own rules (at least one
// goal category, at most five sub-goals) are the domain's (domain/plan.ts), checked by the service with the
// domain's messages.

export const IDEA_STATUSES = ['open', 'chosen', 'set_aside'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

/** An estimate above the largest possible grant is a typing error. */
const MAX_ESTIMATE = ore(50_000_00);

/** For changes that take no input (removals). */
export const NoInput = z.object({});

export const DreamInput = z.object({
  dream: plainText('multi').max(4000, 'Drømmen må højst fylde 4000 tegn.').default(''),
});
export type DreamInput = z.input<typeof DreamInput>;

export const GoalInput = z.object({
  description: text('det langsigtede mål', 2000, 'Skriv det langsigtede mål.', 'multi'),
  categories: codeSet(GOAL_CATEGORIES, 'Vælg målkategorier fra listen.'),
});
export type GoalInput = z.input<typeof GoalInput>;

export const SubGoalInput = z.object({
  description: text('delmålet', 2000, 'Skriv delmålet.'),
  status: codeOr(SUB_GOAL_STATUSES, 'planned', 'Vælg en status fra listen.'),
  longTermGoalId: optionalText(100),
});
export type SubGoalInput = z.input<typeof SubGoalInput>;

export const ActivityInput = z.object({
  description: text('aktiviteten', 1000, 'Skriv aktiviteten.'),
  estimatedCostKr: optionalKr('Det anslåede beløb').refine((v) => v === null || v <= MAX_ESTIMATE, {
    message: 'Det anslåede beløb kan højst være 50.000 kr.',
  }),
  expenseCategory: optionalCode(EXPENSE_CATEGORIES, 'Vælg en udgiftskategori fra listen.'),
});
export type ActivityInput = z.input<typeof ActivityInput>;

export const IdeaInput = z.object({
  text: text('idéen', 1000, 'Skriv idéen.'),
  status: codeOr(IDEA_STATUSES, 'open', 'Vælg en status fra listen.'),
});
export type IdeaInput = z.input<typeof IdeaInput>;
