import type { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import type { CaseRecord } from '../../db/repositories/case.repository.ts';
import { insertRevision } from '../../db/repositories/plan.repository.ts';
import { isCaseClosed, isCaseOpen } from '../../domain/case-lifecycle.ts';
import { Conflict } from '../../domain/errors.ts';
import type { Action } from '../../domain/permissions.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import { loadCase } from './case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { parseInput } from '../form-fields.ts';
import { message, type MessageKey } from '../../i18n/index.ts';

// What every change of a plan shares: the case locked (so the five-sub-goal rule holds under
// concurrency), the phase checked, a plan_revision with before and after, and an audit event that
// names what changed but never the citizen's words.

export type PlanEntity = 'dream' | 'long_term_goal' | 'sub_goal' | 'planned_activity' | 'idea';
export type PlanChangeKind = 'create' | 'update' | 'delete';

/** Each change of the plan in words, for the timeline (i18n/events.*.ts). */
export const PLAN_SENTENCES: Readonly<Record<PlanEntity, Readonly<Record<PlanChangeKind, MessageKey>>>> = {
  dream: {
    create: 'event.plan.dream.create',
    update: 'event.plan.dream.update',
    delete: 'event.plan.dream.delete',
  },
  long_term_goal: {
    create: 'event.plan.long_term_goal.create',
    update: 'event.plan.long_term_goal.update',
    delete: 'event.plan.long_term_goal.delete',
  },
  sub_goal: {
    create: 'event.plan.sub_goal.create',
    update: 'event.plan.sub_goal.update',
    delete: 'event.plan.sub_goal.delete',
  },
  planned_activity: {
    create: 'event.plan.planned_activity.create',
    update: 'event.plan.planned_activity.update',
    delete: 'event.plan.planned_activity.delete',
  },
  idea: {
    create: 'event.plan.idea.create',
    update: 'event.plan.idea.update',
    delete: 'event.plan.idea.delete',
  },
};

/** A stored revision in words: plan_revision's CHECKs hold its entity and change to these. */
export function planSentence(entity: string, change: string): MessageKey {
  return PLAN_SENTENCES[entity as PlanEntity][change as PlanChangeKind];
}

export interface PlanChange {
  entityType: PlanEntity;
  entityId: string | null;
  change: PlanChangeKind;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The plan is made during the lead-in and kept up to date while the case runs (spec: Goal plan). */
export function isPlanOpen(phase: string): boolean {
  return isCaseOpen(phase);
}

function assertPlanOpen(row: CaseRecord): void {
  if (isCaseClosed(row.phase)) throw new Conflict(message('case.refused.case_closed'), 'case_closed');
  if (!isCaseOpen(row.phase)) {
    throw new Conflict(message('error.plan.notOpen'), 'plan_not_open');
  }
}

/**
 * Runs one change of the plan of `caseId` inside `tx`. `apply` returns what changed, or null when
 * nothing did (then nothing is recorded).
 */
export async function changePlan(
  tx: Tx,
  actor: Actor,
  at: Date,
  caseId: string,
  apply: (row: CaseRecord) => Promise<PlanChange | null>,
  /** 'portal.use' when the citizen changes their own dream or ideas (spec: Goal plan). */
  action: Action = 'plan.edit',
): Promise<string | null> {
  const row = await loadCase(tx, actor, action, caseId, true);
  assertPlanOpen(row);
  const change = await apply(row);
  if (change === null) return null;
  await insertRevision(tx, {
    municipality_id: row.municipality_id,
    case_id: row.id,
    occurred_at: at,
    actor_user_id: actor.userId,
    actor_role: actor.role,
    entity_type: change.entityType,
    entity_id: change.entityId,
    change: change.change,
    before: change.before === null ? null : JSON.stringify(change.before),
    after: change.after === null ? null : JSON.stringify(change.after),
  });
  await recordAudit(tx, actor, at, {
    municipalityId: row.municipality_id,
    action: `plan.${change.change}`,
    entityType: change.entityType,
    entityId: change.entityId,
    after: { caseId: row.id, ...auditSummary(change) },
  });
  return change.entityId;
}

// Codes may go to the audit log; the citizen's own words (dream, goals, ideas) stay in the plan. An
// anonymised case's revisions keep these and nothing else (spec: Retention).
export const PLAN_CODES: ReadonlySet<string> = new Set([
  'status',
  'categories',
  'longTermGoalId',
  'subGoalId',
  'expenseCategory',
]);

function auditSummary(change: PlanChange): Record<string, unknown> {
  const before = change.before ?? {};
  const after = change.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  const codes = Object.fromEntries(
    Object.entries(after).filter(([k]) => PLAN_CODES.has(k) && fields.includes(k)),
  );
  return { fields, ...codes };
}

/** The public shape of a plan change: role first, input next, one transaction. */
export function planChanger(deps: ServiceDeps) {
  return async function run<S extends z.ZodType>(
    actor: Actor,
    caseId: string,
    schema: S,
    input: unknown,
    apply: (tx: Tx, row: CaseRecord, v: z.output<S>, at: Date) => Promise<PlanChange | null>,
  ): Promise<string | null> {
    authorize(actor, 'plan.edit');
    const municipalityId = ownMunicipality(actor);
    const v = parseInput(schema, input);
    const at = deps.clock.now();
    return deps.database.transaction({ municipalityId }, (tx) =>
      changePlan(tx, actor, at, caseId, (row) => apply(tx, row, v, at)),
    );
  };
}
