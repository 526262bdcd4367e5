import type { Tx } from '../../db/client.ts';
import {
  attachmentsOf,
  heldOfPool,
  insertVendor,
  requestsOfCase,
  vendorsOf,
  type AttachmentInfo,
  type PurchaseRequestRow,
  type VendorRow,
} from '../../db/repositories/money.repository.ts';
import { findProgramme } from '../../db/repositories/programme.repository.ts';
import { Conflict, NotFound, ValidationFailed } from '../../domain/errors.ts';
import type { ExpenseCategory } from '../../domain/expense-category.ts';
import { canGrant, openReservation, type Balance, type LedgerEntryKind } from '../../domain/ledger.ts';
import { ore, type Ore } from '../../domain/money.ts';
import {
  mayApprove,
  missingDocuments,
  needsSecondApprover,
  possibleDuplicates,
  type AttachmentKind,
  type PaymentMethod,
  type PurchaseStatus,
  type Refusal,
} from '../../domain/purchase-request.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { toAttachmentView, type AttachmentView } from './attachment.service.ts';
import { recordAudit } from '../audit.service.ts';
import { loadCase, logAccess } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { parseInput } from '../form-fields.ts';
import { caseLedger, post, toLedgerEntry } from './ledger-record.ts';
import { GrantInput, VendorInput } from './money.schemas.ts';
import { toProgramme } from '../cases/programme.service.ts';

// The case's budget (spec: Budget ledger): grants from the programme's pool, and the overview the
// case page and the API show — granted, reserved, paid, available; by sub-goal and by category; every
// posting; every purchase request with what is missing. And the municipality's vendor list.

export interface PurchaseRequestView {
  id: string;
  number: number;
  status: PurchaseStatus;
  title: string;
  purpose: string;
  category: ExpenseCategory;
  justification: string | null;
  amount: Ore;
  subGoal: { id: string; description: string } | null;
  vendor: { id: string; name: string; cvr: string | null } | null;
  paymentMethod: PaymentMethod;
  links: string;
  citizenConfirmed: { on: string; how: 'portal' | 'in_person' } | null;
  createdBy: string;
  /** Proposed by the citizen in their portal (a draft for the support person). */
  createdByCitizen: boolean;
  createdAt: Date;
  submittedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  rejectionReason: string | null;
  cancellationReason: string | null;
  /** Above the programme's limit: a coordinator, not the writer, approves. */
  needsCoordinator: boolean;
  /** Whether the one looking may approve it (a submitted request), and why not: the page says so. */
  approval: Refusal;
  /** Numbers of other requests that look like the same purchase (same vendor and amount, 30 days). */
  possibleDuplicates: number[];
  reserved: Ore;
  paid: Ore;
  refunded: Ore;
  attachments: AttachmentView[];
  /** What paperwork is still missing; a paid request missing its receipt is "receipt pending". */
  missing: AttachmentKind[];
}

export interface PostingView {
  id: number;
  kind: LedgerEntryKind;
  amount: Ore;
  settles: Ore;
  requestNumber: number | null;
  paidOn: string | null;
  reference: string | null;
  note: string | null;
  postedAt: Date;
  postedBy: string | null;
}

export interface SpendingLine {
  reserved: Ore;
  spent: Ore;
}

export interface BudgetOverview {
  caseId: string;
  phase: string;
  balance: Balance;
  maxGrant: Ore;
  singleApprovalLimit: Ore;
  /** What is left in the programme's pool (for those who grant). */
  poolRemaining: Ore | null;
  bySubGoal: ({ subGoalId: string | null; description: string | null } & SpendingLine)[];
  byCategory: ({ category: ExpenseCategory } & SpendingLine)[];
  postings: PostingView[];
  requests: PurchaseRequestView[];
}

export function createBudgetService(deps: ServiceDeps) {
  const { database, clock } = deps;

  async function namesOf(tx: Tx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await tx.selectFrom('app_user').select(['id', 'name']).where('id', 'in', wanted).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async function requestViews(
    tx: Tx,
    actor: Actor,
    requests: PurchaseRequestRow[],
    perRequest: Map<string, { reserved: Ore; paid: Ore; refunded: Ore }>,
    receiptsRequired: boolean,
    singleApprovalLimit: Ore,
    caseId: string,
  ): Promise<PurchaseRequestView[]> {
    const attachments = await attachmentsOf(
      tx,
      requests.map((r) => r.id),
    );
    const byRequest = new Map<string, AttachmentInfo[]>();
    for (const a of attachments)
      byRequest.set(a.purchase_request_id, [...(byRequest.get(a.purchase_request_id) ?? []), a]);
    const vendors = new Map(
      (await vendorsOf(tx, requests[0]?.municipality_id ?? 0, false)).map((v) => [v.id, v]),
    );
    const subGoals = new Map(
      (
        await tx.selectFrom('sub_goal').select(['id', 'description']).where('case_id', '=', caseId).execute()
      ).map((s) => [s.id, s.description]),
    );
    const names = await namesOf(
      tx,
      requests.flatMap((r) => [r.created_by, r.decided_by]),
    );
    // A request the citizen proposed in their portal (issue 6) is marked as theirs.
    const creators = [...new Set(requests.map((r) => r.created_by))];
    const citizens = new Set(
      creators.length === 0
        ? []
        : (
            await tx
              .selectFrom('app_user')
              .select('id')
              .where('id', 'in', creators)
              .where('role', '=', 'citizen')
              .execute()
          ).map((u) => u.id),
    );
    const candidates = requests.map((r) => ({
      requestNumber: r.request_number,
      vendorId: r.vendor_id,
      amount: ore(r.amount_ore),
      on: r.created_at.toISOString().slice(0, 10),
      status: r.status as PurchaseStatus,
    }));
    return requests.map((r) => {
      const files = byRequest.get(r.id) ?? [];
      const vendor = r.vendor_id ? vendors.get(r.vendor_id) : undefined;
      const money = perRequest.get(r.id) ?? { reserved: ore(0), paid: ore(0), refunded: ore(0) };
      const status = r.status as PurchaseStatus;
      return {
        id: r.id,
        number: r.request_number,
        status,
        title: r.title,
        purpose: r.purpose,
        category: r.category as ExpenseCategory,
        justification: r.justification,
        amount: ore(r.amount_ore),
        subGoal: r.sub_goal_id ? { id: r.sub_goal_id, description: subGoals.get(r.sub_goal_id) ?? '' } : null,
        vendor: vendor ? { id: vendor.id, name: vendor.name, cvr: vendor.cvr } : null,
        paymentMethod: r.payment_method as PaymentMethod,
        links: r.links,
        citizenConfirmed:
          r.citizen_confirmed_on && r.citizen_confirmed_how
            ? { on: r.citizen_confirmed_on, how: r.citizen_confirmed_how as 'portal' | 'in_person' }
            : null,
        createdBy: names.get(r.created_by) ?? '',
        createdByCitizen: citizens.has(r.created_by),
        createdAt: r.created_at,
        submittedAt: r.submitted_at,
        decidedBy: r.decided_by ? (names.get(r.decided_by) ?? '') : null,
        decidedAt: r.decided_at,
        rejectionReason: r.rejection_reason,
        cancellationReason: r.cancellation_reason,
        needsCoordinator: needsSecondApprover(ore(r.amount_ore), singleApprovalLimit),
        approval: mayApprove({
          approverRole: actor.role,
          approverUserId: actor.userId,
          amount: ore(r.amount_ore),
          singleApprovalLimit,
          createdBy: r.created_by,
          submittedBy: r.submitted_by,
        }),
        possibleDuplicates:
          status === 'submitted' || status === 'draft'
            ? possibleDuplicates(
                {
                  vendorId: r.vendor_id,
                  amount: ore(r.amount_ore),
                  on: r.created_at.toISOString().slice(0, 10),
                  requestNumber: r.request_number,
                },
                candidates,
              )
            : [],
        ...money,
        attachments: files.map(toAttachmentView),
        missing: missingDocuments(
          status,
          r.payment_method as PaymentMethod,
          files.map((a) => a.kind as AttachmentKind),
          receiptsRequired,
        ),
      };
    });
  }

  return {
    /**
     * A grant from the programme's pool (the coordinator's decision): at most the programme's maxGrant
     * in all for the case, and never more than is left in the pool. The programme row is locked, so two
     * grants cannot both take the pool's last kroner.
     */
    async grant(actor: Actor, caseId: string, input: unknown): Promise<void> {
      authorize(actor, 'budget.grant');
      const municipalityId = ownMunicipality(actor);
      const v = parseInput(GrantInput, input);
      const at = clock.now();
      await database.transaction({ municipalityId }, async (tx) => {
        const caseRow = await loadCase(tx, actor, 'budget.grant', caseId, true);
        if (!['lead_in', 'active', 'paused'].includes(caseRow.phase)) {
          throw new Conflict('Der kan kun bevilges til et forløb i gang.', 'case_not_open');
        }
        const programme = await findProgramme(tx, caseRow.programme_id, true);
        if (!programme) throw new NotFound();
        const { balance } = await caseLedger(tx, caseRow.id);
        const decision = canGrant(balance, v.amountKr, {
          maxGrant: ore(programme.max_grant_ore),
          poolRemaining: ore(programme.pool_ore - (await heldOfPool(tx, programme.id))),
        });
        if (!decision.ok) throw new Conflict(decision.error.message, decision.error.code);
        await post(tx, actor, at, caseRow, { kind: 'grant', amount: v.amountKr, note: v.note });
      });
    },

    /** The case's budget as the case page shows it; logged as a read of the case. */
    async overview(actor: Actor, caseId: string, purpose: string): Promise<BudgetOverview> {
      authorize(actor, 'budget.read');
      const municipalityId = ownMunicipality(actor);
      const at = clock.now();
      return database.transaction({ municipalityId }, async (tx) => {
        const caseRow = await loadCase(tx, actor, 'budget.read', caseId);
        const programmeRow = await findProgramme(tx, caseRow.programme_id);
        if (!programmeRow) throw new NotFound();
        const programme = toProgramme(programmeRow);
        const { rows, balance } = await caseLedger(tx, caseRow.id);
        const entries = rows.map(toLedgerEntry);
        const requests = await requestsOfCase(tx, caseRow.id);
        const perRequest = new Map<string, { reserved: Ore; paid: Ore; refunded: Ore }>();
        for (const r of requests) {
          const own = rows.filter((e) => e.purchase_request_id === r.id);
          const sum = (kind: string) =>
            ore(own.filter((e) => e.kind === kind).reduce((s, e) => s + e.amount_ore, 0));
          perRequest.set(r.id, {
            reserved: openReservation(entries, r.id),
            paid: sum('payment'),
            refunded: sum('refund'),
          });
        }
        const views = await requestViews(
          tx,
          actor,
          requests,
          perRequest,
          programme.rules.receiptsRequired,
          programme.rules.singleApprovalLimit,
          caseRow.id,
        );
        const bySubGoal = new Map<string | null, { description: string | null } & SpendingLine>();
        const byCategory = new Map<ExpenseCategory, SpendingLine>();
        for (const r of views) {
          const line = { reserved: r.reserved, spent: ore(r.paid - r.refunded) };
          if (line.reserved === 0 && line.spent === 0) continue;
          const key = r.subGoal?.id ?? null;
          const g = bySubGoal.get(key) ?? {
            description: r.subGoal?.description ?? null,
            reserved: ore(0),
            spent: ore(0),
          };
          bySubGoal.set(key, {
            ...g,
            reserved: ore(g.reserved + line.reserved),
            spent: ore(g.spent + line.spent),
          });
          const c = byCategory.get(r.category) ?? { reserved: ore(0), spent: ore(0) };
          byCategory.set(r.category, {
            reserved: ore(c.reserved + line.reserved),
            spent: ore(c.spent + line.spent),
          });
        }
        const numbers = new Map(requests.map((r) => [r.id, r.request_number]));
        const names = await namesOf(
          tx,
          rows.map((e) => e.posted_by),
        );
        await logAccess(tx, actor, at, purpose, [
          { caseId: caseRow.id, citizenId: caseRow.citizen_id, municipalityId },
        ]);
        return {
          caseId: caseRow.id,
          phase: caseRow.phase,
          balance,
          maxGrant: programme.rules.maxGrant,
          singleApprovalLimit: programme.rules.singleApprovalLimit,
          poolRemaining:
            actor.role === 'coordinator' ? ore(programme.pool - (await heldOfPool(tx, programme.id))) : null,
          bySubGoal: [...bySubGoal].map(([subGoalId, l]) => ({ subGoalId, ...l })),
          byCategory: [...byCategory].map(([category, l]) => ({ category, ...l })),
          postings: rows.map((e) => ({
            id: e.id,
            kind: e.kind as LedgerEntryKind,
            amount: ore(e.amount_ore),
            settles: ore(e.settles_ore),
            requestNumber: e.purchase_request_id ? (numbers.get(e.purchase_request_id) ?? null) : null,
            paidOn: e.paid_on,
            reference: e.reference,
            note: e.note,
            postedAt: e.posted_at,
            postedBy: e.posted_by ? (names.get(e.posted_by) ?? null) : null,
          })),
          requests: views,
        };
      });
    },

    /** The municipality's active vendors, by name. */
    async vendors(actor: Actor): Promise<VendorRow[]> {
      authorize(actor, 'vendor.read');
      const municipalityId = ownMunicipality(actor);
      return database.transaction({ municipalityId }, (tx) => vendorsOf(tx, municipalityId));
    },

    /** Adds a vendor to the list; returns its id. A CVR number is on the list once. */
    async addVendor(actor: Actor, input: unknown): Promise<string> {
      authorize(actor, 'vendor.manage');
      const municipalityId = ownMunicipality(actor);
      const v = parseInput(VendorInput, input);
      const at = clock.now();
      return database.transaction({ municipalityId }, async (tx) => {
        if (v.cvr !== null) {
          const same = await tx
            .selectFrom('vendor')
            .select('id')
            .where('municipality_id', '=', municipalityId)
            .where('cvr', '=', v.cvr)
            .executeTakeFirst();
          if (same)
            throw new Conflict('En leverandør med dette CVR-nummer er allerede på listen.', 'vendor_exists');
        }
        if ((v.bankRegistration === null) !== (v.bankAccount === null)) {
          throw new ValidationFailed({
            [v.bankAccount === null ? 'bankAccount' : 'bankRegistration']:
              'Skriv både registreringsnummer og kontonummer, eller ingen af dem.',
          });
        }
        const row = await insertVendor(tx, {
          municipality_id: municipalityId,
          name: v.name,
          cvr: v.cvr,
          bank_registration: v.bankRegistration,
          bank_account: v.bankAccount,
          iban: v.iban,
          ean: v.ean,
          created_at: at,
          updated_at: at,
        });
        await recordAudit(tx, actor, at, {
          municipalityId,
          action: 'vendor.create',
          entityType: 'vendor',
          entityId: row.id,
          after: { name: v.name, cvr: v.cvr },
        });
        return row.id;
      });
    },
  };
}
