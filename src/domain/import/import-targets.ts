// The rows of answers.csv and payments.csv (formats: CSV import), each tied to its case — one of
// the import's own or one imported before — and checked against it: dated within the case's period,
// an instrument not answered twice, and no payment past the grant (domain/ledger.ts canPay decides, as
// it does for a payment by hand). Part of import-plan.ts's planImport.

import { message, type Message } from '../../i18n/index.ts';
import type { CalendarDate } from '../calendar-date.ts';
import { canPay, deriveBalance, type Balance, type LedgerEntry } from '../ledger.ts';
import { isSpendingPeriod } from '../case-lifecycle.ts';
import { formatKr, ore } from '../money.ts';
import type { AnswerValue } from '../questionnaire/answers.ts';
import { currentInstrument, type InstrumentCode } from '../questionnaire/instrument.ts';
import type {
  CaseInProgress,
  CaseTarget,
  Err,
  ExistingCase,
  ImportContext,
  PlannedPayment,
  PlannedQuestionnaire,
} from './import-model.ts';
import type { AnswerLine, CaseLine, PaymentLine } from './import-rows.ts';

/** Finds the case a row of answers.csv or payments.csv is about. */
export class Targets {
  constructor(
    private readonly lines: readonly CaseLine[],
    private readonly planned: ReadonlyMap<string, CaseInProgress | null>,
    private readonly context: ImportContext,
    private readonly casesBroken: boolean,
  ) {}

  /**
   * The import's case (null when its row in cases.csv is wrong: reported there), a case in the
   * database, or an error message; undefined: nothing to say (cases.csv could not be read).
   */
  find(
    caseRef: string,
  ): { planned: CaseInProgress | null } | { existing: ExistingCase } | { error: Message } | undefined {
    if (this.planned.has(caseRef)) return { planned: this.planned.get(caseRef) ?? null };
    const existing = (this.context.existingRefs.get(caseRef) ?? []).filter(
      (x) => this.context.onlyMunicipality === null || x.municipalityId === this.context.onlyMunicipality,
    );
    if (existing.length === 1 && existing[0]) return { existing: existing[0] };
    if (existing.length > 1) return { error: message('import.error.caseRefAmbiguous', { caseRef }) };
    if (this.casesBroken) return undefined;
    const unknown = this.lines.length > 0 ? 'import.error.unknownCase' : 'import.error.unknownCaseInDatabase';
    return { error: message(unknown, { caseRef }) };
  }
}

function startOf(t: { planned: CaseInProgress } | { existing: ExistingCase }): CalendarDate | null {
  if ('planned' in t) {
    const s = t.planned.base.state;
    return 'startDate' in s ? s.startDate : null;
  }
  return t.existing.startDate;
}

function closedOnOf(t: { planned: CaseInProgress } | { existing: ExistingCase }): CalendarDate | null {
  if ('planned' in t) {
    const s = t.planned.base.state;
    return s.phase === 'closed' ? s.closedOn : null;
  }
  return t.existing.closedOn;
}

export function checkAnswers(
  lines: readonly AnswerLine[],
  targets: Targets,
  context: ImportContext,
  err: Err,
): PlannedQuestionnaire[] {
  const sets = new Map<string, AnswerSet>();
  for (const a of lines) {
    const e = (column: string, said: Message) => err('answers.csv', a.line, column, said);
    if (a.caseRef === null) continue;
    const found = lookUp(targets, a.caseRef, e);
    if (found === undefined) continue;
    if (!a.valid || a.instrument === null || a.item === null || a.value === null || a.answeredOn === null)
      continue;
    const t = caseOf(found);
    if (t === null) continue;
    const refused = answerRefusal(t, a.caseRef, a.instrument, a.answeredOn, context);
    if (refused) {
      e(refused.column, refused.message);
      continue;
    }
    const key = `${a.caseRef}\u0000${a.instrument}`;
    let set = sets.get(key);
    if (set === undefined) {
      set = answerSet(t, a.caseRef, a.instrument, a.answeredOn);
      sets.set(key, set);
    }
    const earlier = set.lines.get(a.item);
    if (earlier !== undefined) {
      e('item', message('import.error.itemTwice', { item: a.item, line: earlier }));
      continue;
    }
    set.lines.set(a.item, a.line);
    set.answers[a.item] = a.value;
    if (a.answeredOn > set.answeredOn) set.answeredOn = a.answeredOn;
  }
  return [...sets.values()].map(toQuestionnaire);
}

export function checkPayments(
  lines: readonly PaymentLine[],
  targets: Targets,
  context: ImportContext,
  err: Err,
): PlannedPayment[] {
  const toExisting: PlannedPayment[] = [];
  const balances = new Map<string, LedgerEntry[]>();
  for (const p of lines) {
    const e = (column: string, said: Message) => err('payments.csv', p.line, column, said);
    if (p.caseRef === null) continue;
    const found = lookUp(targets, p.caseRef, e);
    if (found === undefined) continue;
    if (!p.valid || p.paidOn === null || p.amount === null || p.category === null) continue;
    if (p.description === null || p.method === null) continue;
    const t = caseOf(found);
    if (t === null) continue;
    const refused = paymentRefusal(t, p.caseRef, p.paidOn, context);
    if (refused) {
      e(refused.column, refused.message);
      continue;
    }
    const key = 'planned' in t ? `ref:${p.caseRef}` : `id:${t.existing.caseId}`;
    const entries = balances.get(key) ?? ('planned' in t ? t.planned.entries() : []);
    const balance = 'planned' in t ? deriveBalance(entries) : addBalance(t.existing.balance, entries);
    const decision = canPay(balance, p.amount, ore(0));
    if (!decision.ok) {
      const left = formatKr(balance.available);
      e('amount_kr', message('import.error.paymentExceedsGrant', { caseRef: p.caseRef, left }));
      continue;
    }
    const payment: PlannedPayment = {
      line: p.line,
      target:
        'planned' in t
          ? { caseRef: p.caseRef }
          : { caseId: t.existing.caseId, municipalityId: t.existing.municipalityId },
      paidOn: p.paidOn,
      amount: p.amount,
      category: p.category,
      description: p.description,
      method: p.method,
    };
    balances.set(key, [...entries, { kind: 'payment', amount: p.amount, settles: ore(0) }]);
    if ('planned' in t) t.planned.payments.push(payment);
    else toExisting.push(payment);
  }
  return toExisting;
}

type Found = NonNullable<ReturnType<Targets['find']>>;
type Target = { planned: CaseInProgress } | { existing: ExistingCase };
type Refusal = { column: string; message: Message } | null;

interface AnswerSet {
  target: CaseTarget;
  municipalityId: number;
  instrument: InstrumentCode;
  answers: Record<string, AnswerValue>;
  answeredOn: CalendarDate;
  lines: Map<string, number>;
}

/** The case a row names; undefined after its error is reported, or when there is nothing to say. */
function lookUp(targets: Targets, caseRef: string, e: (column: string, said: Message) => void) {
  const found = targets.find(caseRef);
  if (found === undefined) return undefined;
  if ('error' in found) {
    e('case_ref', found.error);
    return undefined;
  }
  return found;
}

/** The case itself; null for the import's own case whose row in cases.csv is wrong (reported there). */
function caseOf(found: Exclude<Found, { error: Message }>): Target | null {
  if ('planned' in found && found.planned === null) return null;
  return 'planned' in found && found.planned
    ? { planned: found.planned }
    : (found as { existing: ExistingCase });
}

/** An answer is dated within the case's period, and not for an instrument the database has answers to. */
function answerRefusal(
  t: Target,
  caseRef: string,
  instrument: InstrumentCode,
  answeredOn: CalendarDate,
  context: ImportContext,
): Refusal {
  const start = startOf(t);
  if (answeredOn > context.today) {
    return { column: 'answered_on', message: message('import.error.dateInFuture') };
  }
  if (start === null || answeredOn < start) {
    return { column: 'answered_on', message: message('import.error.answeredBeforeStart') };
  }
  if ('existing' in t && t.existing.instruments.has(instrument)) {
    return {
      column: 'instrument',
      message: message('import.error.instrumentAnswered', { caseRef, instrument }),
    };
  }
  return null;
}

function answerSet(
  t: Target,
  caseRef: string,
  instrument: InstrumentCode,
  answeredOn: CalendarDate,
): AnswerSet {
  return 'planned' in t
    ? {
        target: { caseRef },
        municipalityId: t.planned.base.municipalityId,
        instrument,
        answers: {},
        answeredOn,
        lines: new Map(),
      }
    : {
        target: { caseId: t.existing.caseId, municipalityId: t.existing.municipalityId },
        municipalityId: t.existing.municipalityId,
        instrument,
        answers: {},
        answeredOn,
        lines: new Map(),
      };
}

function toQuestionnaire(s: AnswerSet): PlannedQuestionnaire {
  const def = currentInstrument(s.instrument);
  return {
    target: s.target,
    municipalityId: s.municipalityId,
    instrument: s.instrument,
    version: def.version,
    answers: s.answers,
    answeredOn: s.answeredOn,
    complete: def.items.every((i) => s.answers[i.id] !== undefined),
  };
}

/** A payment is dated within the case's period, and only to a case imported before that is active. */
function paymentRefusal(t: Target, caseRef: string, paidOn: CalendarDate, context: ImportContext): Refusal {
  const start = startOf(t);
  const closedOn = closedOnOf(t);
  if (paidOn > context.today) {
    return { column: 'paid_on', message: message('import.error.dateInFuture') };
  }
  if (start === null || paidOn < start) {
    return { column: 'paid_on', message: message('import.error.paidBeforeStart') };
  }
  if (closedOn !== null && paidOn > closedOn) {
    return { column: 'paid_on', message: message('import.error.paidAfterEnd') };
  }
  if ('existing' in t && !isSpendingPeriod(t.existing.phase)) {
    return {
      column: 'case_ref',
      message: message('import.error.caseNotActive', { caseRef }),
    };
  }
  return null;
}

/** An existing case's balance with the import's payments to it added. */
function addBalance(b: Balance, added: readonly LedgerEntry[]): Balance {
  const paid = added.reduce((s, x) => s + x.amount, 0);
  return { ...b, paid: ore(b.paid + paid), spent: ore(b.spent + paid), available: ore(b.available - paid) };
}
