import {
  casesQuery,
  countCasesByPhase,
  listCases,
  pausesOf,
  type CaseListFilter,
  type CaseListRow,
  type CasePauseRow,
} from '../../db/repositories/case.repository.ts';
import { pageOfRows } from '../../db/paging.ts';
import type { CaseSort } from '../../domain/list-orders.ts';
import type { Tx } from '../../db/client.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import {
  CASE_PHASES,
  daysLeft,
  endDate,
  leadInOverdue,
  type CasePhase,
  type CloseOutcome,
} from '../../domain/case-lifecycle.ts';
import { nextStep, type NextStep } from '../../domain/case-next-step.ts';
import { questionnaireStatuses } from '../../domain/questionnaire/due.ts';
import { INSTRUMENT_CODES, type InstrumentCode } from '../../domain/questionnaire/instrument.ts';
import { completedInstrumentsOf } from '../../db/repositories/questionnaire.repository.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { logAccess, today } from './case-record.ts';
import { CaseloadOptions, CaseOverviewFilter } from './case.schemas.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { parseInput } from '../form-fields.ts';
import { isUuid } from '../ids.ts';
import { pageOfList, pagedRows, windowOf, type Paged } from '../paging.ts';

// The support person's caseload and the coordinator's overview of the municipality (spec: Staff pages):
// phase, days left, the next step, and lead-ins that have lasted longer than the programme allows.
// Each listed case shows the citizen's name, so each case on the page shown is a read that goes in the
// access log, all of them in one statement (spec: Lists).

export interface CaseListItem {
  id: string;
  caseNumber: number;
  citizenName: string;
  programmeName: string;
  phase: CasePhase;
  closeOutcome: CloseOutcome | null;
  referredOn: string;
  leadInStartedOn: string | null;
  startDate: string | null;
  /** The first day after the period, moved by pauses; null before the start. */
  endDate: string | null;
  /** While active or paused; constant during a pause. */
  daysLeft: number | null;
  /** A lead-in longer than the programme's maximum (a warning, not a block; spec: Lead-in). */
  leadInOverdue: boolean;
  support: { userId: string; name: string } | null;
  nextStep: NextStep;
  /** Questionnaires past their time and not complete (domain/questionnaire/due.ts). */
  overdueQuestionnaires: InstrumentCode[];
  /** Questionnaires that can be answered now and are not yet past their time. */
  dueQuestionnaires: InstrumentCode[];
  /** Processing restricted: the case is read-only (spec: Restriction). */
  restricted: boolean;
}

export interface CaseOverview extends Paged<CaseListItem> {
  /** Cases per phase in the whole municipality, whatever the filter. */
  countsByPhase: Record<CasePhase, number>;
}

/** A support-person filter that is no id matches nothing, rather than being an error. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

export function createCaseListService(deps: ServiceDeps) {
  return {
    /** The actor's own cases: where they are the current support person or the named coordinator. */
    async caseload(actor: Actor, options: unknown, purpose: string): Promise<Paged<CaseListItem>> {
      authorize(actor, 'case.list');
      const o = parseInput(CaseloadOptions, options);
      const filter = {
        assignedTo: actor.userId,
        phase: o.phase ?? undefined,
        includeClosed: o.includeClosed,
        search: o.q ?? undefined,
      };
      const { paged } = await listCasesOf(deps, actor, filter, o, purpose);
      return paged;
    },

    /** Every case of the municipality, for the coordinator; filter by phase, support person, overdue. */
    async overview(actor: Actor, filter: unknown, purpose: string): Promise<CaseOverview> {
      authorize(actor, 'case.overview');
      const f = parseInput(CaseOverviewFilter, filter);
      const support = f.supportUserId;
      const { paged, counts } = await listCasesOf(
        deps,
        actor,
        {
          phase: f.phase ?? undefined,
          supportUserId:
            support === null ? undefined : support === 'none' || isUuid(support) ? support : NOBODY,
          includeClosed: f.includeClosed,
          search: f.q ?? undefined,
        },
        f,
        purpose,
        { overdue: f.overdueOnly, questionnairesOverdue: f.questionnairesOverdue },
      );
      const countsByPhase = Object.fromEntries(CASE_PHASES.map((p) => [p, 0])) as Record<CasePhase, number>;
      for (const c of counts) countsByPhase[c.phase as CasePhase] = c.n;
      return { ...paged, countsByPhase };
    },
  };
}

interface ListOnly {
  overdue?: boolean;
  questionnairesOverdue?: boolean;
}

type Made = { row: CaseListRow; item: CaseListItem };

/** The page of cases the filter picks, each case shown logged; the counts per phase unless by person. */
async function listCasesOf(
  deps: ServiceDeps,
  actor: Actor,
  filter: CaseListFilter,
  input: { page: number; limit: number; sort: CaseSort },
  purpose: string,
  only: ListOnly = {},
) {
  const { database, clock } = deps;
  const municipalityId = ownMunicipality(actor);
  const at = clock.now();
  const on = today(at);
  const window = windowOf(input);
  return database.transaction({ municipalityId }, async (tx) => {
    let page: Paged<Made>;
    if (only.overdue || only.questionnairesOverdue) {
      // Only the domain can tell an overdue lead-in or questionnaire (case-period.ts, due.ts): the
      // candidates the database can narrow to are made in full, and the page taken from what is left.
      const narrowed = {
        ...filter,
        phase: only.overdue ? (filter.phase ?? 'lead_in') : filter.phase,
        startedOnly: only.questionnairesOverdue,
      };
      const made = await itemsOf(
        tx,
        await casesQuery(tx, municipalityId, narrowed, input.sort).execute(),
        on,
      );
      const kept = made
        .filter(({ item }) => !only.overdue || item.leadInOverdue)
        .filter(({ item }) => !only.questionnairesOverdue || item.overdueQuestionnaires.length > 0);
      page = pageOfList(kept, window);
    } else {
      const rows = await pageOfRows(casesQuery(tx, municipalityId, filter, input.sort), window);
      page = pagedRows({ ...rows, rows: await itemsOf(tx, rows.rows, on) }, window.size, (m) => m);
    }
    await logAccess(
      tx,
      actor,
      at,
      purpose,
      page.items.map(({ row }) => ({ caseId: row.id, citizenId: row.citizen_id, municipalityId })),
    );
    const counts = filter.assignedTo === undefined ? await countCasesByPhase(tx, municipalityId) : [];
    return { paged: { ...page, items: page.items.map(({ item }) => item) }, counts };
  });
}

/** The cases the filter picks, each with its list item (phase, days left, next step, questionnaires). */
export async function caseItems(
  tx: Tx,
  municipalityId: number,
  filter: CaseListFilter,
  on: CalendarDate,
): Promise<Made[]> {
  return itemsOf(tx, await listCases(tx, municipalityId, filter), on);
}

/** Rows of cases as list items, with their pauses and completed questionnaires read for all at once. */
async function itemsOf(tx: Tx, rows: CaseListRow[], on: CalendarDate): Promise<Made[]> {
  const ids = rows.map((r) => r.id);
  const pauses = groupByCase(await pausesOf(tx, ids));
  const completed = new Map<string, Set<InstrumentCode>>();
  for (const q of await completedInstrumentsOf(tx, ids)) {
    completed.set(q.case_id, (completed.get(q.case_id) ?? new Set()).add(q.instrument));
  }
  return rows.map((r) => ({
    row: r,
    item: toItem(r, pauses.get(r.id) ?? [], completed.get(r.id) ?? new Set(), on),
  }));
}

function groupByCase(rows: CasePauseRow[]): Map<string, CasePauseRow[]> {
  const map = new Map<string, CasePauseRow[]>();
  for (const r of rows) map.set(r.case_id, [...(map.get(r.case_id) ?? []), r]);
  return map;
}

function toItem(
  r: CaseListRow,
  pauseRows: readonly CasePauseRow[],
  completed: ReadonlySet<InstrumentCode>,
  on: CalendarDate,
): CaseListItem {
  const pauses = pauseRows.map((p) => ({
    from: p.from_date as CalendarDate,
    to: p.to_date as CalendarDate | null,
  }));
  const start = r.start_date as CalendarDate | null;
  const months = r.duration_months;
  const running = r.phase === 'active' || r.phase === 'paused';
  const until = r.phase === 'closed' && r.closed_on !== null ? (r.closed_on as CalendarDate) : on;
  const end = start !== null && months !== null ? endDate(start, months, pauses, until) : null;
  const left = running && start !== null && months !== null ? daysLeft(start, months, pauses, on) : null;
  const overdue =
    r.phase === 'lead_in' &&
    r.lead_in_started_on !== null &&
    leadInOverdue(r.lead_in_started_on as CalendarDate, r.max_lead_in_months, on);
  const statuses = questionnaireStatuses({
    phase: r.phase as CasePhase,
    startDate: start,
    endDate: end,
    closedOn: r.closed_on as CalendarDate | null,
    today: on,
    completed,
  });
  return {
    id: r.id,
    caseNumber: r.case_number,
    citizenName: r.citizen_name,
    programmeName: r.programme_name,
    phase: r.phase as CasePhase,
    closeOutcome: r.close_outcome as CloseOutcome | null,
    referredOn: r.referred_on,
    leadInStartedOn: r.lead_in_started_on,
    startDate: r.start_date,
    endDate: end,
    daysLeft: left,
    leadInOverdue: overdue,
    support:
      r.support_user_id !== null && r.support_name !== null
        ? { userId: r.support_user_id, name: r.support_name }
        : null,
    nextStep: nextStep({
      phase: r.phase as CasePhase,
      hasSupportPerson: r.support_user_id !== null,
      conditionsAcknowledged: Boolean(r.acknowledged),
      longTermGoals: Number(r.goal_count),
      subGoals: Number(r.sub_goal_count),
      daysLeft: left,
    }),
    overdueQuestionnaires: INSTRUMENT_CODES.filter((c) => statuses[c] === 'overdue'),
    dueQuestionnaires: INSTRUMENT_CODES.filter((c) => statuses[c] === 'due'),
    restricted: r.restricted_since !== null,
  };
}
