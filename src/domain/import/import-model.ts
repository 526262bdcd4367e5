// The shapes an import is planned in: what the database holds already (`ImportContext`), what the plan
// will write (`ImportPlan`), and a case of the import while its rows are being checked. Shared by
// import-plan.ts and import-targets.ts.

import type { Message } from '../../i18n/index.ts';
import type { CalendarDate } from '../calendar-date.ts';
import { isCaseClosed, type CaseEvent, type CaseState } from '../case-lifecycle.ts';
import type { Cpr } from '../cpr.ts';
import { deriveBalance, returnToPoolAmount, type Balance, type LedgerEntry } from '../ledger.ts';
import { ore, type Ore } from '../money.ts';
import type { AnswerValue } from '../questionnaire/answers.ts';
import type { InstrumentCode } from '../questionnaire/instrument.ts';
import type { Education, IncomeSource } from '../report/scales.ts';
import type { ImportError, ImportFileName } from './import-files.ts';
import type { PaymentLine } from './import-rows.ts';

/** A programme the import would add cases to. */
export interface ProgrammeFacts {
  readonly id: string;
  readonly name: string;
  readonly maxGrant: Ore;
  readonly durationMonths: number;
  readonly pool: Ore;
  /** Σ grants − Σ returns of its cases now. */
  readonly held: Ore;
}

/** A case in the database that answers.csv or payments.csv refers to by its case_ref. */
export interface ExistingCase {
  readonly caseId: string;
  readonly municipalityId: number;
  readonly phase: string;
  readonly startDate: CalendarDate | null;
  readonly closedOn: CalendarDate | null;
  readonly balance: Balance;
  readonly instruments: ReadonlySet<InstrumentCode>;
}

export interface ImportContext {
  readonly today: CalendarDate;
  /** The coordinator's own municipality on the page; null: the operator's command, any municipality. */
  readonly onlyMunicipality: number | null;
  /** Municipalities in the database, with the programme imported cases go to (null: none yet). */
  readonly municipalities: ReadonlyMap<number, ProgrammeFacts | null>;
  /** Cases imported before, by case_ref (a reference may exist in more than one municipality). */
  readonly existingRefs: ReadonlyMap<string, readonly ExistingCase[]>;
  /** Whether the citizen has an open case in the programme already. */
  readonly hasOpenCase: (municipalityId: number, cpr: Cpr) => boolean;
}

export interface PlannedCase {
  readonly line: number;
  readonly caseRef: string;
  readonly municipalityId: number;
  readonly cpr: Cpr;
  readonly referredOn: CalendarDate;
  readonly state: CaseState;
  /** The steps taken, in order, with their dates (the case's timeline). */
  readonly steps: readonly CaseEvent[];
  readonly education: Education | null;
  readonly incomeSource: IncomeSource | null;
  /** Postings in order: grant, payments (by `payment` index), return_to_pool. */
  readonly ledger: readonly PlannedPosting[];
}

export type PlannedPosting =
  | { readonly kind: 'grant'; readonly amount: Ore }
  | { readonly kind: 'payment'; readonly amount: Ore; readonly payment: PlannedPayment }
  | { readonly kind: 'return_to_pool'; readonly amount: Ore };

/** A case the answers or payments go to: one of the import's (by case_ref) or one in the database. */
export type CaseTarget =
  { readonly caseRef: string } | { readonly caseId: string; readonly municipalityId: number };

export interface PlannedPayment {
  readonly line: number;
  readonly target: CaseTarget;
  readonly paidOn: CalendarDate;
  readonly amount: Ore;
  readonly category: NonNullable<PaymentLine['category']>;
  readonly description: string;
  readonly method: NonNullable<PaymentLine['method']>;
}

export interface PlannedQuestionnaire {
  readonly target: CaseTarget;
  readonly municipalityId: number;
  readonly instrument: InstrumentCode;
  readonly version: number;
  readonly answers: Readonly<Record<string, AnswerValue>>;
  /** The latest date among its rows. */
  readonly answeredOn: CalendarDate;
  readonly complete: boolean;
}

export interface PlannedMunicipality {
  readonly id: number;
  /** Null: already in the database. */
  readonly newName: string | null;
  /** The existing programme, or a new one with default rules and this pool. */
  readonly programme: { readonly id: string } | { readonly newPool: Ore };
}

export interface ImportPlan {
  readonly municipalities: readonly PlannedMunicipality[];
  readonly cases: readonly PlannedCase[];
  /** Payments to cases already in the database (the import's own are in their case's ledger). */
  readonly paymentsToExisting: readonly PlannedPayment[];
  readonly questionnaires: readonly PlannedQuestionnaire[];
  readonly counts: { readonly cases: number; readonly answers: number; readonly payments: number };
}

export type PlanResult =
  { readonly ok: true; readonly plan: ImportPlan } | { readonly ok: false; readonly errors: ImportError[] };

export type Err = (file: ImportFileName, line: number, column: string, message: Message) => void;

/** A case of the import while its payments are being added. */
export class CaseInProgress {
  readonly payments: PlannedPayment[] = [];
  constructor(
    readonly base: Omit<PlannedCase, 'ledger'>,
    readonly granted: Ore,
    readonly programme: ProgrammeFacts | null,
  ) {}

  entries(): LedgerEntry[] {
    return [
      { kind: 'grant', amount: this.granted },
      ...this.payments.map((p): LedgerEntry => ({ kind: 'payment', amount: p.amount, settles: ore(0) })),
    ];
  }

  /** What goes back to the pool at close: what a close decides (ledger.ts returnToPoolAmount). */
  returned(): Ore {
    if (!isCaseClosed(this.base.state.phase)) return ore(0);
    const decision = returnToPoolAmount(deriveBalance(this.entries()));
    if (!decision.ok) throw new Error(decision.error.code); // an import reserves nothing
    return decision.amount;
  }

  finish(): PlannedCase {
    const returned = this.returned();
    return {
      ...this.base,
      ledger: [
        { kind: 'grant', amount: this.granted },
        ...this.payments.map((p) => ({ kind: 'payment' as const, amount: p.amount, payment: p })),
        ...(returned > 0 ? [{ kind: 'return_to_pool' as const, amount: returned }] : []),
      ],
    };
  }
}
