import type { Tx } from '../../db/client.ts';
import {
  draftsAwaitingCitizen,
  papersOverdue,
  paymentsToMake,
  reportDataChangedAt,
  requestsMissingPapers,
  requestsReturned,
  requestsToApprove,
  tokensExpiring,
  unsentPaymentFiles,
  untouchedProposals,
  usersWithoutLogin,
  type FinanceRequestRow,
  type RequestScope,
  type WorkRequestRow,
} from '../../db/repositories/work.repository.ts';
import { NotFound } from '../../domain/errors.ts';
import type { Action } from '../../domain/permissions.ts';
import type { StaffRole } from '../../domain/roles.ts';
import { authorize } from '../access/access.ts';
import { logAccess, today } from '../cases/case-record.ts';
import { scopeOf, type Actor, type ServiceDeps } from '../context.ts';
import { caseWork, type Found } from './work-cases.ts';
import { WORK_KINDS_BY_ROLE, type WorkGroup, type WorkItem, type WorkKind } from './work-item.ts';

// What waits for each staff user (spec: Work lists): the front page's "Venter på dig", `GET
// /api/v1/me/work` and the e-mail notifications read the same lists. One transaction, one statement per
// kind (the case-made kinds share the case list's queries), every count complete.

/** How many of the oldest items each group carries. */
const WORK_ITEMS_CARRIED = 10;
/** A rejected request stays in the support person's list this long. */
const RETURNED_DAYS = 30;
/** How long after the payment finance waits for a receipt before following it up. */
const RECEIPT_FOLLOW_UP_DAYS = 14;
/** An API token is listed this long before it expires, for the administrator to issue a new one. */
const TOKEN_EXPIRY_NOTICE_DAYS = 30;

const DAY_MS = 24 * 3600 * 1000;

/** The permission each role already needs for the things its list shows. */
const WORK_ACTION: Readonly<Record<StaffRole, Action>> = {
  coordinator: 'case.overview',
  support: 'case.list',
  finance: 'payment.register',
  admin: 'user.list',
  evaluator: 'report.viewNational',
};

interface Collected {
  groups: WorkGroup[];
  /** The cases whose data the items show, for the access log. */
  seen: Found[];
}

type Lists = Map<WorkKind, { count: number; found: Found[] }>;

export function createWorkService(deps: ServiceDeps) {
  const { database, clock } = deps;
  return {
    /** What waits for the actor, by kind in the role's order; the cases shown are logged as read. */
    async forActor(actor: Actor, purpose: string): Promise<WorkGroup[]> {
      const at = clock.now();
      return database.transaction(scopeOf(actor), async (tx) => {
        const { groups, seen } = await collect(tx, actor, at);
        const cases = new Map<string, string>();
        for (const { item, citizenId } of seen)
          if (item.caseId && citizenId) cases.set(item.caseId, citizenId);
        const municipalityId = actor.municipalityId;
        if (municipalityId !== null) {
          const subjects = [...cases].map(([caseId, citizenId]) => ({ caseId, citizenId, municipalityId }));
          await logAccess(tx, actor, at, purpose, subjects);
        }
        return groups;
      });
    },
  };
}

/**
 * What waits for one staff user at `at`, without an HTTP request (the e-mail notifications). Run it in a
 * transaction scoped to the user's municipality (`scopeOf(actor)`); it writes nothing, so it logs no
 * access: an e-mail must carry only each group's kind, count and link, never an item's params.
 */
export async function listWorkFor(tx: Tx, actor: Actor, at: Date): Promise<WorkGroup[]> {
  return (await collect(tx, actor, at)).groups;
}

async function collect(tx: Tx, actor: Actor, at: Date): Promise<Collected> {
  if (actor.role === 'citizen') throw new NotFound();
  authorize(actor, WORK_ACTION[actor.role]);
  const lists = await listsOf(tx, actor, at);
  const groups: WorkGroup[] = [];
  const seen: Found[] = [];
  for (const kind of WORK_KINDS_BY_ROLE[actor.role] as readonly WorkKind[]) {
    const list = lists.get(kind) ?? { count: 0, found: [] };
    const shown = list.found.slice(0, WORK_ITEMS_CARRIED);
    seen.push(...shown);
    groups.push({ kind, count: list.count, items: shown.map((f) => f.item) });
  }
  return { groups, seen };
}

async function listsOf(tx: Tx, actor: Actor, at: Date): Promise<Lists> {
  const municipalityId = actor.municipalityId;
  if (actor.role === 'evaluator') return reportList(tx, at);
  if (municipalityId === null) throw new NotFound();
  switch (actor.role) {
    case 'citizen':
      throw new NotFound();
    case 'coordinator':
      return coordinatorLists(tx, actor, municipalityId, at);
    case 'support':
      return supportLists(tx, actor, municipalityId, at);
    case 'finance':
      return financeLists(tx, municipalityId, at);
    case 'admin':
      return adminLists(tx, municipalityId, at);
  }
}

const N = WORK_ITEMS_CARRIED;

async function coordinatorLists(tx: Tx, actor: Actor, municipalityId: number, at: Date): Promise<Lists> {
  const lists = fromCases(await caseWork(tx, municipalityId, {}, WORK_KINDS_BY_ROLE.coordinator, today(at)));
  lists.set(
    'approval',
    fromRequests('approval', await requestsToApprove(tx, municipalityId, actor.userId, N)),
  );
  return lists;
}

async function supportLists(tx: Tx, actor: Actor, municipalityId: number, at: Date): Promise<Lists> {
  const scope: RequestScope = { municipalityId, supportUserId: actor.userId };
  const lists = fromCases(
    await caseWork(
      tx,
      municipalityId,
      { supportUserId: actor.userId },
      WORK_KINDS_BY_ROLE.support,
      today(at),
    ),
  );
  const returnedAfter = new Date(at.getTime() - RETURNED_DAYS * DAY_MS);
  lists.set('proposed', fromRequests('proposed', await untouchedProposals(tx, scope, N)));
  lists.set('awaitingCitizen', fromRequests('awaitingCitizen', await draftsAwaitingCitizen(tx, scope, N)));
  lists.set(
    'returned',
    fromRequests('returned', await requestsReturned(tx, scope, actor.userId, returnedAfter, N)),
  );
  lists.set(
    'receiptMissing',
    fromRequests('receiptMissing', await requestsMissingPapers(tx, scope, null, N)),
  );
  return lists;
}

async function financeLists(tx: Tx, municipalityId: number, at: Date): Promise<Lists> {
  const followUpFrom = new Date(at.getTime() - RECEIPT_FOLLOW_UP_DAYS * DAY_MS);
  const files = await unsentPaymentFiles(tx, municipalityId, N);
  return new Map([
    ['payment', fromPayables('payment', await paymentsToMake(tx, municipalityId, N))],
    [
      'receiptOverdue',
      fromPayables('receiptOverdue', await papersOverdue(tx, municipalityId, followUpFrom, N)),
    ],
    [
      'paymentFileUnsent',
      listOf(
        files.map((f) =>
          plain('paymentFileUnsent', f.id, f.since, '/betalinger/filer', {
            executionOn: f.execution_date,
            payments: f.payment_count,
            amountOre: f.total_ore,
          }),
        ),
        files,
      ),
    ],
  ]);
}

async function adminLists(tx: Tx, municipalityId: number, at: Date): Promise<Lists> {
  const users = await usersWithoutLogin(tx, municipalityId, N);
  const notice = TOKEN_EXPIRY_NOTICE_DAYS * DAY_MS;
  const tokens = await tokensExpiring(tx, municipalityId, at, new Date(at.getTime() + notice), N);
  return new Map([
    [
      'userWithoutLogin',
      listOf(
        users.map((u) =>
          plain('userWithoutLogin', u.id, u.since, '/brugere', {
            name: u.name,
            role: u.role,
          }),
        ),
        users,
      ),
    ],
    [
      'tokenExpiring',
      listOf(
        tokens.map((k) =>
          plain('tokenExpiring', k.id, new Date(k.expires_at.getTime() - notice), '/api-noegler', {
            name: k.name,
            user: k.user_name,
            expiresOn: today(k.expires_at),
          }),
        ),
        tokens,
      ),
    ],
  ]);
}

/** The evaluator's one item: the report, and when its data last changed. */
async function reportList(tx: Tx, at: Date): Promise<Lists> {
  const changed = await reportDataChangedAt(tx);
  const item = plain('report', 'report', changed ?? at, '/rapport', {
    changedOn: changed ? today(changed) : '',
  });
  return new Map([['report', { count: 1, found: [item] }]]);
}

function fromCases(byKind: Map<WorkKind, Found[]>): Lists {
  return new Map([...byKind].map(([kind, found]) => [kind, { count: found.length, found }]));
}

function listOf(
  found: Found[],
  rows: readonly { total: number | string }[],
): { count: number; found: Found[] } {
  return { count: Number(rows[0]?.total ?? 0), found };
}

function plain(kind: WorkKind, id: string, since: Date, href: string, params: WorkItem['params']): Found {
  return {
    citizenId: null,
    item: { kind, key: `${kind}:${id}`, since, href, caseId: null, caseNumber: null, params },
  };
}

function fromRequests(kind: WorkKind, rows: readonly WorkRequestRow[]) {
  return listOf(
    rows.map((r) => ({
      citizenId: r.citizen_id,
      item: {
        kind,
        key: `${kind}:${r.id}`,
        since: new Date(r.since),
        href: `/forloeb/${r.case_id}/anmodninger/${r.id}`,
        caseId: r.case_id,
        caseNumber: String(r.case_number),
        ...(kind === 'approval' ? { fourEyes: r.four_eyes } : {}),
        params: {
          caseNumber: r.case_number,
          citizen: r.citizen_name,
          number: r.request_number,
          title: r.title,
          amountOre: r.amount_ore,
        },
      },
    })),
    rows,
  );
}

/** Finance's items name no person and no title (spec: Payments), so they are no read of case data. */
function fromPayables(kind: WorkKind, rows: readonly FinanceRequestRow[]) {
  return listOf(
    rows.map((r) => ({
      citizenId: null,
      item: {
        kind,
        key: `${kind}:${r.id}`,
        since: new Date(r.since),
        href: `/betalinger/${r.id}`,
        caseId: r.case_id,
        caseNumber: String(r.case_number),
        params: {
          caseNumber: r.case_number,
          number: r.request_number,
          amountOre: r.amount_ore,
          category: r.category,
          vendor: r.vendor_name ?? '',
        },
      },
    })),
    rows,
  );
}
