import { randomUUID } from 'node:crypto';
import { addDays, type CalendarDate } from '../../domain/calendar-date.ts';
import { referredCase, transition, type CaseEvent, type CaseState } from '../../domain/case-lifecycle.ts';
import { cprBirthDate, cprGender } from '../../domain/cpr.ts';
import type { CaseEventType } from '../cases/case-record.ts';
import { pausesOfState, stateColumns } from '../cases/case-record.ts';
import type { CprVault } from '../cpr-vault.ts';
import { syntheticCpr } from './demo-cpr.ts';
import type { DemoPersona, StaffMember } from './demo-persona.ts';
import { buildPlan, type Revise } from './demo-plan-builder.ts';
import type { CaseRows } from './demo-rows.ts';

// Turns a demo persona into the rows the services would have written on the way from referral to its
// phase: the citizen, the case, its timeline, pauses, support assignments, the conditions
// acknowledgement, the plan with its revisions, and notes. Every step of the case goes through the
// domain's state machine, so a persona that the services would refuse fails here too. Built in memory
// and inserted a table at a time, because the demo loads at start-up and PGlite pays per statement.

export interface BuildContext {
  municipalityId: number;
  programmeId: string;
  durationMonths: number;
  caseNumber: number;
  /** The day the demo is loaded; personas count their days back from it. */
  base: CalendarDate;
  vault: CprVault;
  coordinator: StaffMember;
  staff: (local: string) => StaffMember;
  /** A distinct instant on the date, later than the previous one on that date. */
  instant: (date: CalendarDate) => Date;
}

export function buildDemoCase(rows: CaseRows, p: DemoPersona, c: BuildContext): { caseId: string } {
  const m = c.municipalityId;
  const caseId = randomUUID();
  const citizenId = randomUUID();
  const on = (daysAgo: number) => addDays(c.base, -daysAgo);
  const created = c.instant(on(p.referral.daysAgo));
  let latest = created;
  let pausedAt = created;
  const at = (daysAgo: number) => {
    const instant = c.instant(on(daysAgo));
    if (instant > latest) latest = instant;
    return instant;
  };
  const first = p.support ? c.staff(p.support.local) : null;
  const second = p.supportChange ? c.staff(p.supportChange.local) : null;
  const worker = (daysAgo: number): StaffMember =>
    (second && p.supportChange && daysAgo < p.supportChange.daysAgo ? second : first) ?? c.coordinator;
  const owned = { municipality_id: m, case_id: caseId };
  let state: CaseState = referredCase(on(p.referral.daysAgo));
  let hasSupportPerson = false;
  let conditionsAcknowledged = false;

  const event = (
    instant: Date,
    by: StaffMember,
    type: CaseEventType,
    e: { date?: CalendarDate | null; reason?: string | null; data?: Record<string, unknown> } = {},
  ) =>
    rows.events.push({
      ...owned,
      occurred_at: instant,
      event_date: e.date ?? null,
      type,
      actor_user_id: by.id,
      actor_role: by.role,
      reason: e.reason ?? null,
      data: e.data === undefined ? null : JSON.stringify(e.data),
    });
  const move = (daysAgo: number, by: StaffMember, type: CaseEventType, next: CaseEvent) => {
    const result = transition(state, next, {
      hasSupportPerson,
      conditionsAcknowledged,
      durationMonths: c.durationMonths,
    });
    if (!result.ok) throw new Error(`Demo persona ${p.key}: ${result.error.code}`);
    state = result.state;
    const date = next.type === 'activate' ? next.startDate : next.type === 'pause' ? next.from : null;
    const instant = at(daysAgo);
    if (next.type === 'pause') pausedAt = instant;
    event(instant, by, type, {
      date: 'on' in next ? next.on : date,
      reason: 'reason' in next ? next.reason : null,
    });
  };
  const revise: Revise = (instant, by, entity, before, after) =>
    rows.revisions.push({
      ...owned,
      occurred_at: instant,
      actor_user_id: by.id,
      actor_role: by.role,
      entity_type: entity.type,
      entity_id: entity.id,
      change: entity.change,
      before: before === null ? null : JSON.stringify(before),
      after: JSON.stringify(after),
    });

  const cpr = syntheticCpr(p.birthDate, p.serial, p.gender);
  rows.citizens.push({
    id: citizenId,
    municipality_id: m,
    cpr_encrypted: c.vault.encrypt(cpr),
    cpr_hash: c.vault.lookupHash(cpr),
    birth_date: cprBirthDate(cpr),
    legal_gender: cprGender(cpr),
    name: p.name,
    phone: null,
    email: null,
    preferred_language: p.preferredLanguage,
    user_id: null,
    created_at: created,
    updated_at: created,
  });
  event(created, c.coordinator, 'referred', {
    date: on(p.referral.daysAgo),
    data: { source: p.referral.source },
  });
  if (p.screeningDaysAgo !== undefined) {
    move(p.screeningDaysAgo, c.coordinator, 'screening_started', { type: 'start_screening' });
  }
  if (p.decision) {
    const { accept, reason, daysAgo } = p.decision;
    move(daysAgo, c.coordinator, accept ? 'accepted' : 'declined', {
      type: accept ? 'accept' : 'decline',
      on: on(daysAgo),
      reason,
    });
  }
  if (p.support && first) {
    const instant = at(p.support.daysAgo);
    rows.assignments.push({
      ...owned,
      support_user_id: first.id,
      coordinator_user_id: c.coordinator.id,
      valid_from: on(p.support.daysAgo),
      valid_to: p.supportChange ? on(p.supportChange.daysAgo) : null,
      reason: null,
      assigned_by: c.coordinator.id,
      assigned_at: instant,
      ended_at: p.supportChange ? c.instant(on(p.supportChange.daysAgo)) : null,
    });
    hasSupportPerson = true;
    event(instant, c.coordinator, 'support_assigned', {
      date: on(p.support.daysAgo),
      data: { supportUserId: first.id, coordinatorUserId: c.coordinator.id, previousSupportUserId: null },
    });
    if (p.intake) {
      const fields = ['baselineConsent', 'targetGroups', 'incomeSource', 'highestEducation'];
      event(at(p.support.daysAgo), worker(p.support.daysAgo), 'intake_updated', { data: { fields } });
    }
  }
  if (p.plan) buildPlan(p.plan, { owned, rows, at, worker, revise });
  if (p.acknowledged) {
    const { daysAgo, method } = p.acknowledged;
    const instant = at(daysAgo);
    const by = worker(daysAgo);
    rows.acknowledgements.push({
      ...owned,
      acknowledged_on: on(daysAgo),
      method,
      recorded_by: by.id,
      recorded_at: instant,
    });
    conditionsAcknowledged = true;
    event(instant, by, 'conditions_acknowledged', { date: on(daysAgo), data: { method } });
  }
  if (p.startDaysAgo !== undefined) {
    move(p.startDaysAgo, worker(p.startDaysAgo), 'activated', {
      type: 'activate',
      startDate: on(p.startDaysAgo),
    });
  }
  if (p.supportChange && first && second) {
    const { daysAgo, reason } = p.supportChange;
    const instant = at(daysAgo);
    rows.assignments.push({
      ...owned,
      support_user_id: second.id,
      coordinator_user_id: c.coordinator.id,
      valid_from: on(daysAgo),
      valid_to: null,
      reason,
      assigned_by: c.coordinator.id,
      assigned_at: instant,
      ended_at: null,
    });
    event(instant, c.coordinator, 'support_changed', {
      date: on(daysAgo),
      reason,
      data: {
        supportUserId: second.id,
        coordinatorUserId: c.coordinator.id,
        previousSupportUserId: first.id,
      },
    });
  }
  if (p.pauseDaysAgo) {
    const { from, reason } = p.pauseDaysAgo;
    move(from, worker(from), 'paused', { type: 'pause', from: on(from), reason });
  }
  if (p.close) {
    const { outcome, daysAgo, reason } = p.close;
    move(
      daysAgo,
      worker(daysAgo),
      outcome === 'completed' ? 'completed' : 'terminated',
      outcome === 'completed'
        ? { type: 'complete', on: on(daysAgo) }
        : { type: 'terminate', on: on(daysAgo), reason: reason ?? 'Afbrudt før tid.' },
    );
  }
  for (const note of p.notes ?? []) {
    rows.notes.push({
      ...owned,
      written_on: on(note.daysAgo),
      body: note.body,
      internal: note.internal ?? false,
      author_user_id: worker(note.daysAgo).id,
      created_at: at(note.daysAgo),
    });
  }
  for (const pause of pausesOfState(state)) {
    rows.pauses.push({
      ...owned,
      from_date: pause.from,
      to_date: pause.to,
      reason: pause.reason,
      created_at: pausedAt,
    });
  }
  const intake = p.intake;
  rows.cases.push({
    id: caseId,
    municipality_id: m,
    case_number: c.caseNumber,
    programme_id: c.programmeId,
    citizen_id: citizenId,
    ...stateColumns(state),
    referral_source: p.referral.source,
    referral_reason: p.referral.reason,
    referred_on: on(p.referral.daysAgo),
    baseline_consent: intake !== undefined,
    target_groups: intake?.targetGroups ?? [],
    income_source: intake?.incomeSource ?? null,
    highest_education: intake?.highestEducation ?? null,
    dream: p.plan?.dream ?? '',
    created_at: created,
    updated_at: latest,
  });
  return { caseId };
}
