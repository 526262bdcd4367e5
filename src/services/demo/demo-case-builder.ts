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
  const b = new DemoCaseBuilder(rows, p, c);
  b.refer();
  b.decide();
  b.assignFirstSupport();
  if (p.plan) buildPlan(p.plan, { owned: b.owned, rows, at: b.at, worker: b.worker, revise: b.revise });
  b.acknowledgeConditions();
  b.activate();
  b.changeSupport();
  b.pauseAndClose();
  b.writeNotesAndPauses();
  b.writeCase();
  return { caseId: b.caseId };
}

/**
 * One persona's case on its way, step by step in the order staff would have taken them. The instants
 * are drawn in that order too (`BuildContext.instant` hands out later ones on the same date).
 */
class DemoCaseBuilder {
  readonly caseId = randomUUID();
  readonly citizenId = randomUUID();
  readonly owned: { municipality_id: number; case_id: string };
  private readonly rows: CaseRows;
  private readonly p: DemoPersona;
  private readonly c: BuildContext;
  private readonly created: Date;
  private readonly first: StaffMember | null;
  private readonly second: StaffMember | null;
  private latest: Date;
  private pausedAt: Date;
  private state: CaseState;
  private hasSupportPerson = false;
  private conditionsAcknowledged = false;

  constructor(rows: CaseRows, p: DemoPersona, c: BuildContext) {
    this.rows = rows;
    this.p = p;
    this.c = c;
    this.owned = { municipality_id: c.municipalityId, case_id: this.caseId };
    this.created = c.instant(this.on(p.referral.daysAgo));
    this.latest = this.created;
    this.pausedAt = this.created;
    this.first = p.support ? c.staff(p.support.local) : null;
    this.second = p.supportChange ? c.staff(p.supportChange.local) : null;
    this.state = referredCase(this.on(p.referral.daysAgo));
  }

  on(daysAgo: number): CalendarDate {
    return addDays(this.c.base, -daysAgo);
  }

  /** The next instant on the day, kept as the case's latest change. */
  readonly at = (daysAgo: number): Date => {
    const instant = this.c.instant(this.on(daysAgo));
    if (instant > this.latest) this.latest = instant;
    return instant;
  };

  /** Who did the work on the day: the support person then, or the coordinator before there was one. */
  readonly worker = (daysAgo: number): StaffMember => {
    const { p, first, second } = this;
    return (
      (second && p.supportChange && daysAgo < p.supportChange.daysAgo ? second : first) ?? this.c.coordinator
    );
  };

  readonly revise: Revise = (instant, by, entity, before, after) =>
    this.rows.revisions.push({
      ...this.owned,
      occurred_at: instant,
      actor_user_id: by.id,
      actor_role: by.role,
      entity_type: entity.type,
      entity_id: entity.id,
      change: entity.change,
      before: before === null ? null : JSON.stringify(before),
      after: JSON.stringify(after),
    });

  private event(
    instant: Date,
    by: StaffMember,
    type: CaseEventType,
    e: { date?: CalendarDate | null; reason?: string | null; data?: Record<string, unknown> } = {},
  ): void {
    this.rows.events.push({
      ...this.owned,
      occurred_at: instant,
      event_date: e.date ?? null,
      type,
      actor_user_id: by.id,
      actor_role: by.role,
      reason: e.reason ?? null,
      data: e.data === undefined ? null : JSON.stringify(e.data),
    });
  }

  /** One step through the domain's state machine, on the case's timeline. */
  private move(daysAgo: number, by: StaffMember, type: CaseEventType, next: CaseEvent): void {
    const result = transition(this.state, next, {
      hasSupportPerson: this.hasSupportPerson,
      conditionsAcknowledged: this.conditionsAcknowledged,
      durationMonths: this.c.durationMonths,
    });
    if (!result.ok) throw new Error(`Demo persona ${this.p.key}: ${result.error.code}`);
    this.state = result.state;
    const date = next.type === 'activate' ? next.startDate : next.type === 'pause' ? next.from : null;
    const instant = this.at(daysAgo);
    if (next.type === 'pause') this.pausedAt = instant;
    this.event(instant, by, type, {
      date: 'on' in next ? next.on : date,
      reason: 'reason' in next ? next.reason : null,
    });
  }

  /** The citizen, registered, and the referral. */
  refer(): void {
    const { p, c, created } = this;
    const cpr = syntheticCpr(p.birthDate, p.serial, p.gender);
    this.rows.citizens.push({
      id: this.citizenId,
      municipality_id: c.municipalityId,
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
    this.event(created, c.coordinator, 'referred', {
      date: this.on(p.referral.daysAgo),
      data: { source: p.referral.source },
    });
  }

  /** The screening and its decision. */
  decide(): void {
    const { p, c } = this;
    if (p.screeningDaysAgo !== undefined) {
      this.move(p.screeningDaysAgo, c.coordinator, 'screening_started', { type: 'start_screening' });
    }
    if (p.decision) {
      const { accept, reason, daysAgo } = p.decision;
      this.move(daysAgo, c.coordinator, accept ? 'accepted' : 'declined', {
        type: accept ? 'accept' : 'decline',
        on: this.on(daysAgo),
        reason,
      });
    }
  }

  /** The first support person, and the intake the support person then records. */
  assignFirstSupport(): void {
    const { p, c, first } = this;
    if (!p.support || !first) return;
    const instant = this.at(p.support.daysAgo);
    this.rows.assignments.push({
      ...this.owned,
      support_user_id: first.id,
      coordinator_user_id: c.coordinator.id,
      valid_from: this.on(p.support.daysAgo),
      valid_to: p.supportChange ? this.on(p.supportChange.daysAgo) : null,
      reason: null,
      assigned_by: c.coordinator.id,
      assigned_at: instant,
      ended_at: p.supportChange ? c.instant(this.on(p.supportChange.daysAgo)) : null,
    });
    this.hasSupportPerson = true;
    this.event(instant, c.coordinator, 'support_assigned', {
      date: this.on(p.support.daysAgo),
      data: { supportUserId: first.id, coordinatorUserId: c.coordinator.id, previousSupportUserId: null },
    });
    if (p.intake) {
      const fields = ['baselineConsent', 'targetGroups', 'incomeSource', 'highestEducation'];
      this.event(this.at(p.support.daysAgo), this.worker(p.support.daysAgo), 'intake_updated', {
        data: { fields },
      });
    }
  }

  acknowledgeConditions(): void {
    if (!this.p.acknowledged) return;
    const { daysAgo, method } = this.p.acknowledged;
    const instant = this.at(daysAgo);
    const by = this.worker(daysAgo);
    this.rows.acknowledgements.push({
      ...this.owned,
      acknowledged_on: this.on(daysAgo),
      method,
      recorded_by: by.id,
      recorded_at: instant,
    });
    this.conditionsAcknowledged = true;
    this.event(instant, by, 'conditions_acknowledged', { date: this.on(daysAgo), data: { method } });
  }

  activate(): void {
    const { startDaysAgo } = this.p;
    if (startDaysAgo === undefined) return;
    this.move(startDaysAgo, this.worker(startDaysAgo), 'activated', {
      type: 'activate',
      startDate: this.on(startDaysAgo),
    });
  }

  /** The second support person, who takes over from the first. */
  changeSupport(): void {
    const { p, c, first, second } = this;
    if (!p.supportChange || !first || !second) return;
    const { daysAgo, reason } = p.supportChange;
    const instant = this.at(daysAgo);
    this.rows.assignments.push({
      ...this.owned,
      support_user_id: second.id,
      coordinator_user_id: c.coordinator.id,
      valid_from: this.on(daysAgo),
      valid_to: null,
      reason,
      assigned_by: c.coordinator.id,
      assigned_at: instant,
      ended_at: null,
    });
    this.event(instant, c.coordinator, 'support_changed', {
      date: this.on(daysAgo),
      reason,
      data: {
        supportUserId: second.id,
        coordinatorUserId: c.coordinator.id,
        previousSupportUserId: first.id,
      },
    });
  }

  pauseAndClose(): void {
    const { p } = this;
    if (p.pauseDaysAgo) {
      const { from, reason } = p.pauseDaysAgo;
      this.move(from, this.worker(from), 'paused', { type: 'pause', from: this.on(from), reason });
    }
    if (p.close) {
      const { outcome, daysAgo, reason } = p.close;
      this.move(
        daysAgo,
        this.worker(daysAgo),
        outcome === 'completed' ? 'completed' : 'terminated',
        outcome === 'completed'
          ? { type: 'complete', on: this.on(daysAgo) }
          : { type: 'terminate', on: this.on(daysAgo), reason: reason ?? 'Afbrudt før tid.' },
      );
    }
  }

  writeNotesAndPauses(): void {
    for (const note of this.p.notes ?? []) {
      this.rows.notes.push({
        ...this.owned,
        written_on: this.on(note.daysAgo),
        body: note.body,
        internal: note.internal ?? false,
        author_user_id: this.worker(note.daysAgo).id,
        created_at: this.at(note.daysAgo),
      });
    }
    for (const pause of pausesOfState(this.state)) {
      this.rows.pauses.push({
        ...this.owned,
        from_date: pause.from,
        to_date: pause.to,
        reason: pause.reason,
        created_at: this.pausedAt,
      });
    }
  }

  /** The case row last: its phase columns and when it last changed come from all the steps. */
  writeCase(): void {
    const { p, c } = this;
    const intake = p.intake;
    this.rows.cases.push({
      id: this.caseId,
      municipality_id: c.municipalityId,
      case_number: c.caseNumber,
      programme_id: c.programmeId,
      citizen_id: this.citizenId,
      ...stateColumns(this.state),
      referral_source: p.referral.source,
      referral_reason: p.referral.reason,
      referred_on: this.on(p.referral.daysAgo),
      baseline_consent: intake !== undefined,
      target_groups: intake?.targetGroups ?? [],
      income_source: intake?.incomeSource ?? null,
      highest_education: intake?.highestEducation ?? null,
      dream: p.plan?.dream ?? '',
      created_at: this.created,
      updated_at: this.latest,
    });
  }
}
