// The rows of answers.csv and payments.csv (formats: CSV import), each tied to its case — one of
// the import's own or one imported before — and checked against it: dated within the case's period,
// an instrument not answered twice, and no payment past the grant (domain/ledger.ts canPay decides, as
// it does for a payment by hand). Part of import-plan.ts's planImport.

import type { CalendarDate } from '../calendar-date.ts';
import { canPay, deriveBalance, type Balance, type LedgerEntry } from '../ledger.ts';
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
  ): { planned: CaseInProgress | null } | { existing: ExistingCase } | { error: string } | undefined {
    if (this.planned.has(caseRef)) return { planned: this.planned.get(caseRef) ?? null };
    const existing = (this.context.existingRefs.get(caseRef) ?? []).filter(
      (x) => this.context.onlyMunicipality === null || x.municipalityId === this.context.onlyMunicipality,
    );
    if (existing.length === 1 && existing[0]) return { existing: existing[0] };
    if (existing.length > 1)
      return { error: `Sagsreferencen "${caseRef}" findes i flere kommuner; importér dem hver for sig.` };
    if (this.casesBroken) return undefined;
    const where = this.lines.length > 0 ? 'i cases.csv eller i databasen' : 'i databasen';
    return { error: `Forløbet "${caseRef}" findes ikke ${where}.` };
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
  interface AnswerSet {
    target: CaseTarget;
    municipalityId: number;
    instrument: InstrumentCode;
    answers: Record<string, AnswerValue>;
    answeredOn: CalendarDate;
    lines: Map<string, number>;
  }
  const sets = new Map<string, AnswerSet>();
  for (const a of lines) {
    const e = (column: string, message: string) => err('answers.csv', a.line, column, message);
    if (a.caseRef === null) continue;
    const found = targets.find(a.caseRef);
    if (found === undefined) continue;
    if ('error' in found) {
      e('case_ref', found.error);
      continue;
    }
    if (!a.valid || a.instrument === null || a.item === null || a.value === null || a.answeredOn === null)
      continue;
    if ('planned' in found && found.planned === null) continue;
    const t =
      'planned' in found && found.planned
        ? { planned: found.planned }
        : (found as { existing: ExistingCase });
    const start = startOf(t);
    if (a.answeredOn > context.today) {
      e('answered_on', 'Datoen kan ikke ligge efter i dag.');
      continue;
    }
    if (start === null || a.answeredOn < start) {
      e('answered_on', 'Spørgeskemaet kan ikke være besvaret før forløbets start.');
      continue;
    }
    if ('existing' in t && t.existing.instruments.has(a.instrument)) {
      e('instrument', `Forløbet "${a.caseRef}" har allerede svar på ${a.instrument} i databasen.`);
      continue;
    }
    const key = `${a.caseRef}\u0000${a.instrument}`;
    let set = sets.get(key);
    if (set === undefined) {
      set =
        'planned' in t
          ? {
              target: { caseRef: a.caseRef },
              municipalityId: t.planned.base.municipalityId,
              instrument: a.instrument,
              answers: {},
              answeredOn: a.answeredOn,
              lines: new Map(),
            }
          : {
              target: { caseId: t.existing.caseId, municipalityId: t.existing.municipalityId },
              municipalityId: t.existing.municipalityId,
              instrument: a.instrument,
              answers: {},
              answeredOn: a.answeredOn,
              lines: new Map(),
            };
      sets.set(key, set);
    }
    const earlier = set.lines.get(a.item);
    if (earlier !== undefined) {
      e('item', `Spørgsmålet ${a.item} er allerede besvaret på linje ${earlier}.`);
      continue;
    }
    set.lines.set(a.item, a.line);
    set.answers[a.item] = a.value;
    if (a.answeredOn > set.answeredOn) set.answeredOn = a.answeredOn;
  }
  return [...sets.values()].map((s) => {
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
  });
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
    const e = (column: string, message: string) => err('payments.csv', p.line, column, message);
    if (p.caseRef === null) continue;
    const found = targets.find(p.caseRef);
    if (found === undefined) continue;
    if ('error' in found) {
      e('case_ref', found.error);
      continue;
    }
    if (!p.valid || p.paidOn === null || p.amount === null || p.category === null) continue;
    if (p.description === null || p.method === null) continue;
    if ('planned' in found && found.planned === null) continue;
    const t =
      'planned' in found && found.planned
        ? { planned: found.planned }
        : (found as { existing: ExistingCase });
    const start = startOf(t);
    const closedOn = closedOnOf(t);
    if (p.paidOn > context.today) {
      e('paid_on', 'Datoen kan ikke ligge efter i dag.');
      continue;
    }
    if (start === null || p.paidOn < start) {
      e('paid_on', 'Betalingen kan ikke ligge før forløbets start.');
      continue;
    }
    if (closedOn !== null && p.paidOn > closedOn) {
      e('paid_on', 'Betalingen kan ikke ligge efter forløbets slutdato.');
      continue;
    }
    if ('existing' in t && t.existing.phase !== 'active') {
      e('case_ref', `Forløbet "${p.caseRef}" er ikke aktivt, så der kan ikke betales på det.`);
      continue;
    }
    const key = 'planned' in t ? `ref:${p.caseRef}` : `id:${t.existing.caseId}`;
    const entries = balances.get(key) ?? ('planned' in t ? t.planned.entries() : []);
    const balance = 'planned' in t ? deriveBalance(entries) : addBalance(t.existing.balance, entries);
    const decision = canPay(balance, p.amount, ore(0));
    if (!decision.ok) {
      e(
        'amount_kr',
        `Betalingen fører forløbet "${p.caseRef}" over bevillingen: der er ${formatKr(balance.available)} tilbage.`,
      );
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

/** An existing case's balance with the import's payments to it added. */
function addBalance(b: Balance, added: readonly LedgerEntry[]): Balance {
  const paid = added.reduce((s, x) => s + x.amount, 0);
  return { ...b, paid: ore(b.paid + paid), spent: ore(b.spent + paid), available: ore(b.available - paid) };
}
