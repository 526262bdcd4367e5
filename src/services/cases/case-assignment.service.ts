import type { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import {
  activeSupportPersons,
  currentAssignment,
  endAssignment,
  insertAcknowledgement,
  insertAssignment,
  staffMember,
} from '../../db/repositories/case-team.repository.ts';
import { updateCase, type CaseRecord } from '../../db/repositories/case.repository.ts';
import { isCaseClosed } from '../../domain/case-lifecycle.ts';
import { Conflict, ValidationFailed } from '../../domain/errors.ts';
import type { Action } from '../../domain/permissions.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import { loadCase, notInFuture, recordCaseEvent, today } from './case-record.ts';
import {
  AcknowledgeConditionsInput,
  AssignSupportInput,
  IntakeInput,
  UpdateReferralInput,
} from './case.schemas.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { parseInput } from '../form-fields.ts';
import { isUuid } from '../ids.ts';
import { message } from '../../i18n/index.ts';

// Who works on a case and what was agreed: the support person (with history; spec: Support assignment),
// the conditions acknowledgement, the intake baseline and the referral details.

const CLOSED = message('case.refused.case_closed');

function assertOpen(row: CaseRecord): void {
  if (isCaseClosed(row.phase)) throw new Conflict(CLOSED, 'case_closed');
}

export type AssignSupport = z.output<typeof AssignSupportInput>;

/**
 * Assigns the support person, or changes them with a reason: the current assignment ends on `from` and
 * the new one starts, so the previous support person loses access at once.
 */
async function assignSupport(
  tx: Tx,
  actor: Actor,
  at: Date,
  caseId: string,
  v: AssignSupport,
): Promise<void> {
  const row = await loadCase(tx, actor, 'case.assignSupport', caseId, true);
  assertOpen(row);
  const support = await chosenTeam(tx, row, v);
  const from = notInFuture(v.from ?? today(at), at, 'from');
  const current = await currentAssignment(tx, row.id);
  if (current?.support_user_id === support.id && current.coordinator_user_id === v.coordinatorUserId) return;
  if (current) {
    if (current.support_user_id !== support.id && v.reason === null) {
      throw new ValidationFailed({ reason: message('field.case.changeReason') });
    }
    if (from < current.valid_from) {
      throw new ValidationFailed({ from: message('field.case.changeBeforeStart') });
    }
    await endAssignment(tx, current.id, from, at);
  }
  await insertAssignment(tx, {
    municipality_id: row.municipality_id,
    case_id: row.id,
    support_user_id: support.id,
    coordinator_user_id: v.coordinatorUserId,
    valid_from: from,
    valid_to: null,
    reason: v.reason,
    assigned_by: actor.userId,
    assigned_at: at,
    ended_at: null,
  });
  const before = current
    ? { supportUserId: current.support_user_id, coordinatorUserId: current.coordinator_user_id }
    : null;
  const after = { supportUserId: support.id, coordinatorUserId: v.coordinatorUserId };
  await recordCaseEvent(tx, actor, at, row, {
    type: current ? 'support_changed' : 'support_assigned',
    date: from,
    reason: v.reason,
    data: { ...after, previousSupportUserId: current?.support_user_id ?? null },
  });
  await recordAudit(tx, actor, at, {
    municipalityId: row.municipality_id,
    action: 'case.assignSupport',
    entityType: 'case',
    entityId: row.id,
    before,
    after: { ...after, validFrom: from },
  });
}

/** The chosen support person and coordinator: active staff of the case's municipality in those roles. */
async function chosenTeam(tx: Tx, row: CaseRecord, v: AssignSupport) {
  const support = isUuid(v.supportUserId)
    ? await staffMember(tx, v.supportUserId, row.municipality_id)
    : undefined;
  if (support?.role !== 'support' || !support.active) {
    throw new ValidationFailed({ supportUserId: message('field.case.activeSupport') });
  }
  if (v.coordinatorUserId !== null) {
    const coordinator = isUuid(v.coordinatorUserId)
      ? await staffMember(tx, v.coordinatorUserId, row.municipality_id)
      : undefined;
    if (coordinator?.role !== 'coordinator' || !coordinator.active) {
      throw new ValidationFailed({ coordinatorUserId: message('field.case.activeCoordinator') });
    }
  }
  return support;
}

export type AcknowledgeConditions = z.output<typeof AcknowledgeConditionsInput>;

/** Records that the conditions were explained and accepted (spec: Conditions), before the start. */
async function acknowledgeConditions(
  tx: Tx,
  actor: Actor,
  at: Date,
  caseId: string,
  v: AcknowledgeConditions,
): Promise<void> {
  const row = await loadCase(tx, actor, 'case.acknowledgeConditions', caseId, true);
  assertOpen(row);
  if (row.lead_in_started_on === null) {
    throw new Conflict(message('error.case.conditionsBeforeLeadIn'), 'conditions_before_lead_in');
  }
  const on = notInFuture(v.date ?? today(at), at, 'date');
  if (on < row.lead_in_started_on) {
    throw new ValidationFailed({ date: message('field.case.beforeLeadIn') });
  }
  await insertAcknowledgement(tx, {
    municipality_id: row.municipality_id,
    case_id: row.id,
    acknowledged_on: on,
    method: v.method,
    recorded_by: actor.userId,
    recorded_at: at,
  });
  await recordCaseEvent(tx, actor, at, row, {
    type: 'conditions_acknowledged',
    date: on,
    data: { method: v.method },
  });
  await recordAudit(tx, actor, at, {
    municipalityId: row.municipality_id,
    action: 'case.acknowledgeConditions',
    entityType: 'case',
    entityId: row.id,
    after: { acknowledgedOn: on, method: v.method },
  });
}

export type Intake = z.output<typeof IntakeInput>;

/**
 * The intake baseline (spec: Intake baseline), only with consent. The audit names the fields, never the
 * answers.
 */
async function updateIntake(tx: Tx, actor: Actor, at: Date, caseId: string, v: Intake): Promise<void> {
  const row = await loadCase(tx, actor, 'case.update', caseId, true);
  assertOpen(row);
  const next = {
    baseline_consent: v.baselineConsent,
    target_groups: v.targetGroups,
    income_source: v.incomeSource,
    highest_education: v.highestEducation,
  };
  const changed = [
    row.baseline_consent !== next.baseline_consent && 'baselineConsent',
    row.target_groups.join() !== next.target_groups.join() && 'targetGroups',
    row.income_source !== next.income_source && 'incomeSource',
    row.highest_education !== next.highest_education && 'highestEducation',
  ].filter((f): f is string => f !== false);
  if (changed.length === 0) return;
  await updateCase(tx, row.id, { ...next, updated_at: at });
  await recordCaseEvent(tx, actor, at, row, { type: 'intake_updated', data: { fields: changed } });
  await recordAudit(tx, actor, at, {
    municipalityId: row.municipality_id,
    action: 'case.updateIntake',
    entityType: 'case',
    entityId: row.id,
    after: { fields: changed },
  });
}

/** One change of a case's team or records: role first, input next, one transaction. */
function changer(deps: ServiceDeps) {
  const { database, clock } = deps;
  return async function change<S extends z.ZodType>(
    actor: Actor,
    action: Action,
    schema: S,
    input: unknown,
    apply: (tx: Tx, at: Date, v: z.output<S>) => Promise<void>,
  ): Promise<void> {
    authorize(actor, action);
    const municipalityId = ownMunicipality(actor);
    const v = parseInput(schema, input);
    const at = clock.now();
    await database.transaction({ municipalityId }, (tx) => apply(tx, at, v));
  };
}

/** Corrects who referred the citizen and why. */
async function updateReferral(
  tx: Tx,
  actor: Actor,
  at: Date,
  caseId: string,
  v: z.output<typeof UpdateReferralInput>,
): Promise<void> {
  const row = await loadCase(tx, actor, 'case.update', caseId, true);
  assertOpen(row);
  if (row.referral_source === v.source && row.referral_reason === v.reason) return;
  await updateCase(tx, row.id, {
    referral_source: v.source,
    referral_reason: v.reason,
    updated_at: at,
  });
  await recordCaseEvent(tx, actor, at, row, { type: 'referral_updated', data: { source: v.source } });
  await recordAudit(tx, actor, at, {
    municipalityId: row.municipality_id,
    action: 'case.updateReferral',
    entityType: 'case',
    entityId: row.id,
    before: { source: row.referral_source },
    after: { source: v.source, reasonChanged: row.referral_reason !== v.reason },
  });
}

export function createCaseAssignmentService(deps: ServiceDeps) {
  const { database } = deps;
  const change = changer(deps);

  return {
    /** Who may be chosen as support person: staff names only, so no case is read. */
    async supportPersons(actor: Actor): Promise<{ userId: string; name: string }[]> {
      authorize(actor, 'case.assignSupport');
      const municipalityId = ownMunicipality(actor);
      const rows = await database.transaction({ municipalityId }, (tx) =>
        activeSupportPersons(tx, municipalityId),
      );
      return rows.map((r) => ({ userId: r.id, name: r.name }));
    },

    assignSupport(actor: Actor, caseId: string, input: unknown): Promise<void> {
      return change(actor, 'case.assignSupport', AssignSupportInput, input, (tx, at, v) =>
        assignSupport(tx, actor, at, caseId, v),
      );
    },

    acknowledgeConditions(actor: Actor, caseId: string, input: unknown): Promise<void> {
      return change(actor, 'case.acknowledgeConditions', AcknowledgeConditionsInput, input, (tx, at, v) =>
        acknowledgeConditions(tx, actor, at, caseId, v),
      );
    },

    updateIntake(actor: Actor, caseId: string, input: unknown): Promise<void> {
      return change(actor, 'case.update', IntakeInput, input, (tx, at, v) =>
        updateIntake(tx, actor, at, caseId, v),
      );
    },

    /** Corrects who referred the citizen and why. */
    updateReferral(actor: Actor, caseId: string, input: unknown): Promise<void> {
      return change(actor, 'case.update', UpdateReferralInput, input, (tx, at, v) =>
        updateReferral(tx, actor, at, caseId, v),
      );
    },
  };
}
