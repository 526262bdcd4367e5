import type { Tx } from '../../db/client.ts';
import type { CaseListFilter } from '../../db/repositories/case.repository.ts';
import { addDays, type CalendarDate } from '../../domain/calendar-date.ts';
import { PREPARE_CLOSE_DAYS, type NextStep } from '../../domain/case-next-step.ts';
import { currentInstrument, type InstrumentCode } from '../../domain/questionnaire/instrument.ts';
import { caseItems, type CaseListItem } from '../cases/case-list.service.ts';
import type { WorkItem, WorkKind } from './work-item.ts';

// The work a case's own state makes (spec: Work lists): referrals to screen, cases without a support
// person, periods about to end, questionnaires, the next step. Read with the case list's one set of
// queries (case-list.service.ts) and decided by the same domain rules, so the front page and the case
// lists always agree.

/** A work item and the citizen whose case it is (for the access log). */
export interface Found {
  readonly item: WorkItem;
  readonly citizenId: string | null;
}

/** The page where each next step is done. */
const NEXT_STEP_PAGE: Readonly<Record<NextStep, string>> = {
  start_screening: '',
  decide_screening: '',
  assign_support: '/stoetteperson',
  form_plan: '/plan',
  acknowledge_conditions: '',
  activate: '',
  set_sub_goals: '/plan',
  follow_up: '',
  prepare_close: '',
  close: '',
  resume: '',
  none: '',
};

type CaseEntry = { row: { citizen_id: string }; item: CaseListItem };
type Make = (e: CaseEntry) => Found[];

function found(
  e: CaseEntry,
  kind: WorkKind,
  since: CalendarDate,
  href: string,
  params: Record<string, string | number> = {},
  key = e.item.id,
): Found {
  const c = e.item;
  return {
    citizenId: e.row.citizen_id,
    item: {
      kind,
      key: `${kind}:${key}`,
      since: new Date(`${since}T00:00:00Z`),
      href,
      caseId: c.id,
      caseNumber: String(c.caseNumber),
      params: { caseNumber: c.caseNumber, citizen: c.citizenName, ...params },
    },
  };
}

const open = (c: CaseListItem) => c.phase === 'lead_in' || c.phase === 'active' || c.phase === 'paused';
const running = (c: CaseListItem) => c.phase === 'active' || c.phase === 'paused';

/** When a questionnaire became due: the start date, or 30 days before the end. */
function dueSince(c: CaseListItem, code: InstrumentCode): CalendarDate {
  const start = c.startDate as CalendarDate;
  if (currentInstrument(code).timing === 'start' || c.endDate === null) return start;
  return addDays(c.endDate as CalendarDate, -PREPARE_CLOSE_DAYS);
}

/** One item per questionnaire of a running case that is overdue (and, with `due`, due). */
function questionnaires(kind: WorkKind, due: boolean): Make {
  return (e) => {
    const c = e.item;
    if (!running(c)) return [];
    const codes = due ? [...c.dueQuestionnaires, ...c.overdueQuestionnaires] : c.overdueQuestionnaires;
    return codes.map((code) =>
      found(
        e,
        kind,
        dueSince(c, code),
        `/forloeb/${c.id}/spoergeskemaer/${code}`,
        { instrument: code },
        `${c.id}:${code}`,
      ),
    );
  };
}

const MAKERS: Partial<Record<WorkKind, Make>> = {
  referral: (e) =>
    e.item.phase === 'referred' || e.item.phase === 'screening'
      ? [found(e, 'referral', e.item.referredOn as CalendarDate, `/forloeb/${e.item.id}`)]
      : [],
  unassigned: (e) =>
    open(e.item) && e.item.support === null
      ? [
          found(
            e,
            'unassigned',
            (e.item.leadInStartedOn ?? e.item.referredOn) as CalendarDate,
            `/forloeb/${e.item.id}/stoetteperson`,
          ),
        ]
      : [],
  periodEnding: (e) => {
    const c = e.item;
    if (c.phase !== 'active' || c.endDate === null || c.daysLeft === null || c.daysLeft > PREPARE_CLOSE_DAYS)
      return [];
    const end = c.endDate as CalendarDate;
    // The end date is the first day after the period; people are told the last day (spec: Period and lead-in).
    return [
      found(e, 'periodEnding', addDays(end, -PREPARE_CLOSE_DAYS), `/forloeb/${c.id}`, {
        lastOn: addDays(end, -1),
      }),
    ];
  },
  questionnaireOverdue: questionnaires('questionnaireOverdue', false),
  questionnaireDue: questionnaires('questionnaireDue', true),
  nextStep: (e) => {
    const c = e.item;
    if (c.nextStep === 'none') return [];
    const since = (c.startDate ?? c.leadInStartedOn ?? c.referredOn) as CalendarDate;
    return [
      found(e, 'nextStep', since, `/forloeb/${c.id}${NEXT_STEP_PAGE[c.nextStep]}`, { step: c.nextStep }),
    ];
  },
};

/** The case-made kinds asked for, each as every item found, oldest first. */
export async function caseWork(
  tx: Tx,
  municipalityId: number,
  filter: CaseListFilter,
  kinds: readonly WorkKind[],
  on: CalendarDate,
): Promise<Map<WorkKind, Found[]>> {
  const cases = await caseItems(tx, municipalityId, filter, on);
  const result = new Map<WorkKind, Found[]>();
  for (const kind of kinds) {
    const make = MAKERS[kind];
    if (!make) continue;
    const all = cases.flatMap(make);
    all.sort(
      (a, b) =>
        a.item.since.getTime() - b.item.since.getTime() ||
        Number(a.item.caseNumber) - Number(b.item.caseNumber),
    );
    result.set(kind, all);
  }
  return result;
}
