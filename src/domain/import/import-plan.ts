// What an import's rows mean together (formats: CSV import), checked against what the database
// holds already (`ImportContext`, read by import.service.ts in the same transaction), and turned into a
// plan the service writes as it is: each case's way through the domain's state machine, its ledger
// (grant, payments, and at close the unspent money back to the pool, decided by domain/ledger.ts
// exactly as a close does), its questionnaires, and the pools it draws on. Nothing here touches the
// database: if any error is found, there is no plan, and nothing is written.

import { message, type Message } from '../../i18n/index.ts';
import type { CalendarDate } from '../calendar-date.ts';
import { referredCase, transition, type CaseEvent, type CaseState } from '../case-lifecycle.ts';
import { cprBirthDate, type Cpr } from '../cpr.ts';
import { canGrant, deriveBalance } from '../ledger.ts';
import { formatKr, ore } from '../money.ts';
import { DEFAULT_POOL, defaultProgrammeRules } from '../programme-rules.ts';
import { municipalityName } from './municipality-codes.ts';
import type { ImportError, ImportFileName, ReadResult } from './import-files.ts';
import { readAnswerLines, readCaseLines, readPaymentLines, type CaseLine } from './import-rows.ts';
import {
  CaseInProgress,
  type Err,
  type ImportContext,
  type PlannedMunicipality,
  type PlanResult,
  type ProgrammeFacts,
} from './import-model.ts';
import { checkAnswers, checkPayments, Targets } from './import-targets.ts';

export function planImport(read: ReadResult, context: ImportContext): PlanResult {
  const errors: ImportError[] = [...read.errors];
  const err = (file: ImportFileName, line: number, column: string, said: Message) =>
    errors.push({ file, line, column, message: said });
  const caseLines = readCaseLines(read.rows['cases.csv'] ?? [], errors);
  const answerLines = readAnswerLines(read.rows['answers.csv'] ?? [], errors);
  const paymentLines = readPaymentLines(read.rows['payments.csv'] ?? [], errors);

  const cases = checkCases(caseLines, context, err);
  const targets = new Targets(caseLines, cases.byRef, context, read.broken.has('cases.csv'));
  const questionnaires = checkAnswers(answerLines, targets, context, err);
  const payments = checkPayments(paymentLines, targets, context, err);
  const municipalities = checkPools(cases.planned, context, err);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    plan: {
      municipalities,
      cases: cases.planned.map((c) => c.finish()),
      paymentsToExisting: payments,
      questionnaires,
      counts: { cases: caseLines.length, answers: answerLines.length, payments: paymentLines.length },
    },
  };
}

function checkCases(lines: readonly CaseLine[], context: ImportContext, err: Err) {
  const byRef = new Map<string, CaseInProgress | null>();
  const firstLine = new Map<string, number>();
  const openCitizens = new Map<string, number>();
  const planned: CaseInProgress[] = [];
  for (const c of lines) {
    const e = (column: string, said: Message) => err('cases.csv', c.line, column, said);
    const { ok, municipalityId } = checkCaseRow(c, context, firstLine, e);
    if (c.caseRef !== null) byRef.set(c.caseRef, null);
    if (!ok || municipalityId === null || c.cpr === null || c.startDate === null || c.status === null)
      continue;
    if (c.granted === null || c.caseRef === null) continue;
    const programme = context.municipalities.get(municipalityId) ?? null;
    const inProgress = stateOf(
      { ...c, startDate: c.startDate, status: c.status },
      c.cpr,
      programme,
      context,
      e,
    );
    if (inProgress === null) continue;
    const grant = canGrant(deriveBalance([]), c.granted, {
      maxGrant: programme?.maxGrant ?? defaultProgrammeRules().maxGrant,
      poolRemaining: ore(Number.MAX_SAFE_INTEGER), // the pools are checked together, below
    });
    if (!grant.ok) {
      e('granted_kr', grant.error.message);
      continue;
    }
    if (c.status === 'active' && isSecondOpenCase(municipalityId, c.cpr, c.line, openCitizens, context, e))
      continue;
    const plannedCase = new CaseInProgress(
      {
        line: c.line,
        caseRef: c.caseRef,
        municipalityId,
        cpr: c.cpr,
        referredOn: c.referredOn ?? c.startDate,
        state: inProgress.state,
        steps: inProgress.steps,
        education: c.education,
        incomeSource: c.incomeSource,
      },
      c.granted,
      programme,
    );
    byRef.set(c.caseRef, plannedCase);
    planned.push(plannedCase);
  }
  return { byRef, planned };
}

/** The row's own checks: a case_ref once, the own municipality (or a Danish one), not imported before. */
function checkCaseRow(
  c: CaseLine,
  context: ImportContext,
  firstLine: Map<string, number>,
  e: (column: string, said: Message) => void,
): { ok: boolean; municipalityId: number | null } {
  let ok = c.valid;
  if (c.caseRef !== null) {
    const first = firstLine.get(c.caseRef);
    if (first !== undefined) {
      e('case_ref', message('import.error.caseRefTwice', { caseRef: c.caseRef, line: first }));
      ok = false;
    } else firstLine.set(c.caseRef, c.line);
  }
  const municipalityId = c.municipalityCode === null ? null : Number(c.municipalityCode);
  if (municipalityId !== null) {
    if (context.onlyMunicipality !== null && municipalityId !== context.onlyMunicipality) {
      e('municipality_code', message('import.error.otherMunicipality', { code: context.onlyMunicipality }));
      ok = false;
    } else if (
      !context.municipalities.has(municipalityId) &&
      municipalityName(c.municipalityCode ?? '') === null
    ) {
      e('municipality_code', message('import.error.unknownMunicipality', { code: c.municipalityCode ?? '' }));
      ok = false;
    }
    const again =
      c.caseRef === null
        ? undefined
        : context.existingRefs.get(c.caseRef)?.find((x) => x.municipalityId === municipalityId);
    if (again) {
      e('case_ref', message('import.error.alreadyImported', { caseRef: c.caseRef ?? '' }));
      ok = false;
    }
  }
  return { ok, municipalityId };
}

/** A citizen has one open case per programme (spec: Cases): in the import, and with what is there already. */
function isSecondOpenCase(
  municipalityId: number,
  cpr: Cpr,
  line: number,
  openCitizens: Map<string, number>,
  context: ImportContext,
  e: (column: string, said: Message) => void,
): boolean {
  const key = `${municipalityId}:${cpr}`;
  const other = openCitizens.get(key);
  if (other !== undefined) {
    e('cpr', message('import.error.openCaseInImport', { line: other }));
    return true;
  }
  if (context.hasOpenCase(municipalityId, cpr)) {
    e('cpr', message('import.error.openCaseExists'));
    return true;
  }
  openCitizens.set(key, line);
  return false;
}

/** The case's way from referral to its status, through the state machine; null after an error. */
function stateOf(
  c: CaseLine & { startDate: CalendarDate; status: NonNullable<CaseLine['status']> },
  cpr: Cpr,
  programme: ProgrammeFacts | null,
  context: ImportContext,
  e: (column: string, said: Message) => void,
): { state: CaseState; steps: CaseEvent[] } | null {
  const future = message('import.error.dateInFuture');
  for (const [column, date] of [
    ['referred_on', c.referredOn],
    ['start_date', c.startDate],
    ['end_date', c.endDate],
  ] as const) {
    if (date !== null && date > context.today) {
      e(column, future);
      return null;
    }
  }
  if (cprBirthDate(cpr) > c.startDate) {
    e('start_date', message('import.error.startBeforeBirth'));
    return null;
  }
  const referredOn = c.referredOn ?? c.startDate;
  if (referredOn > c.startDate) {
    e('referred_on', message('import.error.referredAfterStart'));
    return null;
  }
  // The import brings history: the support person and the conditions were seen to in the system the
  // data comes from, so the state machine is told they were.
  const facts = {
    hasSupportPerson: true,
    conditionsAcknowledged: true,
    durationMonths: programme?.durationMonths ?? defaultProgrammeRules().durationMonths,
  };
  const reason = 'Importeret fra tidligere data.';
  const steps: CaseEvent[] = [
    { type: 'start_screening' },
    { type: 'accept', on: c.startDate, reason },
    { type: 'activate', startDate: c.startDate },
  ];
  if (c.status === 'completed' && c.endDate !== null) steps.push({ type: 'complete', on: c.endDate });
  if (c.status === 'terminated_early' && c.endDate !== null)
    steps.push({ type: 'terminate', on: c.endDate, reason: c.terminationReason ?? '' });
  let state: CaseState = referredCase(referredOn);
  for (const step of steps) {
    const result = transition(state, step, facts);
    if (!result.ok) {
      const column = result.error.field === 'reason' ? 'termination_reason' : 'end_date';
      e(column, result.error.message);
      return null;
    }
    state = result.state;
  }
  return { state, steps };
}

/**
 * Each programme's pool must hold the grants as they are posted (Σ grants − Σ returns ≤ pool after
 * every grant; the ledger's guard checks the same): cases are posted one after the other, each with
 * its grant, payments and return. A programme the import creates gets a pool big enough.
 */
function checkPools(
  planned: readonly CaseInProgress[],
  context: ImportContext,
  err: Err,
): PlannedMunicipality[] {
  const byMunicipality = new Map<number, CaseInProgress[]>();
  for (const c of planned)
    byMunicipality.set(c.base.municipalityId, [...(byMunicipality.get(c.base.municipalityId) ?? []), c]);
  const result: PlannedMunicipality[] = [];
  for (const [id, cases] of byMunicipality) {
    const programme = context.municipalities.get(id) ?? null;
    let held: number = programme?.held ?? 0;
    let peak = held;
    for (const c of cases) {
      held += c.granted;
      if (programme !== null && held > programme.pool) {
        const left = ore(Math.max(0, programme.pool - (held - c.granted)));
        err(
          'cases.csv',
          c.base.line,
          'granted_kr',
          message('import.error.poolExceeded', { programme: programme.name, left: formatKr(left) }),
        );
        held -= c.granted;
        continue;
      }
      peak = Math.max(peak, held);
      held -= c.returned();
    }
    const code = String(id);
    result.push({
      id,
      newName: context.municipalities.has(id) ? null : (municipalityName(code) ?? `Kommune ${code}`),
      // A new programme gets the default pool, or more when the imported cases hold more at their peak.
      programme: programme ? { id: programme.id } : { newPool: ore(Math.max(DEFAULT_POOL, peak)) },
    });
  }
  return result;
}
