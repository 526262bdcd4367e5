import { runningCasesWithSupport, vendorIdsOf } from '../../db/repositories/demo.repository.ts';
import { subGoalsOf } from '../../db/repositories/plan.repository.ts';
import { listUsersOfMunicipality, type UserRow } from '../../db/repositories/user.repository.ts';
import { addDays, type CalendarDate } from '../../domain/calendar-date.ts';
import { isSpendingPeriod } from '../../domain/case-lifecycle.ts';
import { formatKrCsv, parseKr } from '../../domain/money.ts';
import { defaultProgrammeRules, MAX_GRANT } from '../../domain/programme-rules.ts';
import { needsSecondApprover } from '../../domain/purchase-request.ts';
import type { Role } from '../../domain/roles.ts';
import { createAttachmentService } from '../money/attachment.service.ts';
import { createBudgetService } from '../money/budget.service.ts';
import { today } from '../cases/case-record.ts';
import type { Actor, Clock, ServiceDeps } from '../context.ts';
import { createPurchaseService } from '../money/purchase.service.ts';
import { createVoucherRedemption } from '../money/voucher-redeem.ts';
import { setVendorPin } from '../../db/repositories/voucher.repository.ts';
import { instants } from './demo-cases.ts';
import { demoEmail, DEMO_MUNICIPALITIES, type DemoMunicipality } from './demo-organisation.ts';
import type { DemoPurchase } from './demo-persona.ts';
import { DEMO_PERSONAS } from './demo-personas.ts';
import { DEMO_MORE_VENDORS, loadDemoVendorProposals } from './demo-vendors.ts';

// The demo's money (spec: Demo personas): vendors, grants and the personas' purchase requests in every
// state — draft, submitted above the limit, approved and waiting for finance, rejected, cancelled, paid
// with its receipt, paid with the receipt still to come, refunded — most of them for the sub-goal they
// serve. It goes through the real services as the demo staff, so the ledger, its guard and the audit log
// see exactly what a municipality would, on a clock set to each step's day: the case is granted its money
// on its first day, and each request is approved, paid and refunded on the days after it was made, all
// before the day the demo is loaded. Skipped for a municipality that has vendors already, so loading
// again changes nothing.

/** The vendor that redeems vouchers in a municipality that offers them. */
export const DEMO_SHOP = 'Cykelsmeden ApS';

const VENDORS = [
  { name: DEMO_SHOP, cvr: '31415926', bankRegistration: '9999', bankAccount: '0001234567' },
  { name: 'Tandklinikken Centrum', cvr: '27182818', bankRegistration: '9999', bankAccount: '0007654321' },
  { name: 'Computerbutikken A/S', cvr: '16180339', iban: 'DK5000400440116243' },
  {
    name: 'Sprogskolen',
    cvr: '14142135',
    ean: '5798000000017',
    bankRegistration: '9999',
    bankAccount: '0005550101',
  },
  { name: 'Køreskolen Grøn Bølge', cvr: '17320508', bankRegistration: '9999', bankAccount: '0002236067' },
  { name: 'Kosmetikskolen Trekanten', cvr: '22360679', bankRegistration: '9999', bankAccount: '0004472135' },
  { name: 'Byg og Bolig A/S', cvr: '26457513', bankRegistration: '9999', bankAccount: '0002645751' },
  { name: 'Låneselskabet Nord ApS', cvr: '24494897', bankRegistration: '9999', bankAccount: '0003162277' },
  { name: 'Feriecentret Fjordly', cvr: '28284271', bankRegistration: '9999', bankAccount: '0001414213' },
  { name: 'Bybusserne A/S', cvr: '30000001', bankRegistration: '9999', bankAccount: '0003000001' },
  { name: 'Fitnesscentret Puls', cvr: '25000001', bankRegistration: '9999', bankAccount: '0002500001' },
] as const;

/** A minimal PDF, enough to be recognised as one. */
function demoPdf(name: string): { name: string; bytes: Uint8Array } {
  return { name: `${name}.pdf`, bytes: new TextEncoder().encode(`%PDF-1.4\n% ${name} (demo)\n%%EOF\n`) };
}

/** Days after the request that each later step of a purchase is taken (the request's own day is 0). */
const STEP_DAYS = { decide: 1, pay: 3, receipt: 4, refund: 8 } as const;

interface MoneyServices {
  budgets: ReturnType<typeof createBudgetService>;
  purchases: ReturnType<typeof createPurchaseService>;
  attachments: ReturnType<typeof createAttachmentService>;
}

interface Team {
  support: Actor;
  coordinator: Actor;
  finance: Actor;
}

/**
 * The clock the demo's services run on: set to the day of each step, so a grant, a reservation and a
 * payment carry the day of the story they belong to, not the day the demo was loaded.
 */
interface StoryClock extends Clock {
  on(date: CalendarDate): void;
}

function storyClock(first: Date): StoryClock {
  // Noon UTC, after the case's own events of the day (demo-cases.ts draws those from 08:00 UTC).
  const instant = instants(12);
  let current = first;
  return {
    now: () => current,
    on: (date) => {
      current = instant(date);
    },
  };
}

export async function loadDemoMoney(deps: ServiceDeps, now: Date): Promise<void> {
  const clock = storyClock(now);
  const story: ServiceDeps = { ...deps, clock };
  const services: MoneyServices = {
    budgets: createBudgetService(story),
    purchases: createPurchaseService(story),
    attachments: createAttachmentService(story),
  };
  for (const m of DEMO_MUNICIPALITIES) await loadMunicipalityMoney(deps, services, clock, m, today(now));
}

/** One municipality's vendors, grants and requests; nothing where it has vendors already. */
async function loadMunicipalityMoney(
  deps: ServiceDeps,
  s: MoneyServices,
  clock: StoryClock,
  m: DemoMunicipality,
  loadedOn: CalendarDate,
): Promise<void> {
  const state = await deps.database.transaction({ municipalityId: m.id }, async (tx) => {
    const cases = await runningCasesWithSupport(tx, m.id);
    const subGoals = new Map<string, string[]>();
    for (const c of cases)
      subGoals.set(
        c.id,
        (await subGoalsOf(tx, c.id)).map((g) => g.id),
      );
    return {
      vendors: await vendorIdsOf(tx, m.id),
      users: await listUsersOfMunicipality(tx, m.id),
      cases: cases.map((c) => ({ ...c, startDate: startOf(c), subGoals: subGoals.get(c.id) ?? [] })),
    };
  });
  if (state.vendors.length > 0 || state.cases.length === 0) return;
  const actor = (role: Role, userId?: string | null) => staffActor(m, state.users, role, userId);
  const coordinator = actor('coordinator');
  const finance = actor('finance');

  // The vendors are on the list before the first case starts.
  const firstStart = state.cases.map((c) => c.startDate).sort()[0] ?? loadedOn;
  clock.on(addDays(firstStart, -1));
  const vendorIds = new Map<string, string>();
  for (const v of [...VENDORS, ...DEMO_MORE_VENDORS]) {
    vendorIds.set(v.name, await s.budgets.addVendor(finance, v));
  }
  await loadDemoVendorProposals({ ...deps, clock }, { support: actor('support'), finance });
  if (m.shopPin !== undefined) {
    await setDemoShopPin(deps, m, vendorIds.get(DEMO_SHOP) ?? '', clock.now());
  }

  // Each case is granted its money on its first day: every other one the scheme's full grant, the rest
  // 40,000 kr.
  const full = formatKrCsv(MAX_GRANT);
  for (const [i, c] of state.cases.entries()) {
    clock.on(c.startDate);
    await s.budgets.grant(coordinator, c.id, {
      amountKr: i % 2 === 0 ? full : '40000',
      note: 'Bevilget ved opstart.',
    });
  }
  for (const c of state.cases.filter((x) => isSpendingPeriod(x.phase))) {
    const persona = DEMO_PERSONAS.find((p) => p.municipalityId === m.id && p.name === c.name);
    const who = { support: actor('support', c.support_user_id), coordinator, finance };
    for (const p of persona?.purchases ?? []) {
      const days = purchaseDays(p, c.startDate, loadedOn);
      const subGoalId = p.subGoal === undefined ? undefined : c.subGoals[p.subGoal - 1];
      if (p.subGoal !== undefined && subGoalId === undefined) {
        throw new Error(`The demo purchase "${p.title}" names a sub-goal the plan does not have`);
      }
      await play(s, clock, p, { caseId: c.id, subGoalId, vendorIds, days }, who);
    }
  }
}

function startOf(c: { start_date: string | null; name: string }): CalendarDate {
  if (c.start_date === null) throw new Error(`The demo case of ${c.name} has no start date`);
  return c.start_date as CalendarDate;
}

/**
 * The days of a purchase's steps: the request's day and each later step's, all inside the case's
 * period so far (from its start to the day the demo is loaded), so the dates tell one story.
 */
function purchaseDays(p: DemoPurchase, startDate: CalendarDate, loadedOn: CalendarDate) {
  const requested = addDays(loadedOn, -p.daysAgo);
  const day = (step: keyof typeof STEP_DAYS) => addDays(requested, STEP_DAYS[step]);
  const last =
    p.ends === 'refunded' ? day('refund') : p.ends.startsWith('paid') ? day('receipt') : day('decide');
  if (requested < startDate || last > loadedOn) {
    throw new Error(`The demo purchase "${p.title}" falls outside its case's period so far`);
  }
  return { requested, day };
}

/** The demo shop's published PIN (only its keyed hash is stored, as for a PIN finance issues). */
async function setDemoShopPin(
  deps: ServiceDeps,
  m: DemoMunicipality,
  vendorId: string,
  at: Date,
): Promise<void> {
  const pinHash = createVoucherRedemption(deps).pinHash(m.shopPin ?? '');
  await deps.database.transaction({ municipalityId: m.id }, (tx) => setVendorPin(tx, vendorId, pinHash, at));
}

/** The demo staff member of the role (or the user), as the actor the services take. */
function staffActor(m: DemoMunicipality, users: UserRow[], role: Role, userId?: string | null): Actor {
  const user = users.find((u) => (userId ? u.id === userId : u.email === demoEmail(m, localOf(role))));
  if (!user) throw new Error(`The demo ${role} of ${m.name} is missing`);
  return {
    userId: user.id,
    role: user.role as Role,
    municipalityId: m.id,
    municipalityName: m.name,
    name: user.name,
    email: user.email,
  };
}

/** Who approves: the support person alone up to the programme's limit, above it a coordinator (spec: Approval). */
function approverOf(p: DemoPurchase, who: Team): Actor {
  const amount = parseKr(p.amountKr);
  if (!amount.ok) throw new Error(`A demo purchase has a bad amount: ${p.amountKr}`);
  const limit = defaultProgrammeRules().singleApprovalLimit;
  return needsSecondApprover(amount.value, limit) ? who.coordinator : who.support;
}

interface Placement {
  caseId: string;
  subGoalId: string | undefined;
  vendorIds: Map<string, string>;
  days: ReturnType<typeof purchaseDays>;
}

/** Takes one purchase as far as its script says, through the services as the staff would, on its days. */
async function play(s: MoneyServices, clock: StoryClock, p: DemoPurchase, at: Placement, who: Team) {
  const { purchases, attachments } = s;
  const { day } = at.days;
  const vendorId = p.vendor === null ? undefined : at.vendorIds.get(p.vendor);
  if (p.vendor !== null && vendorId === undefined) throw new Error(`No demo vendor ${p.vendor}`);
  clock.on(at.days.requested);
  const id = await purchases.create(who.support, at.caseId, {
    title: p.title,
    purpose: p.purpose,
    amountKr: p.amountKr,
    category: p.category,
    vendorId,
    subGoalId: at.subGoalId,
    paymentMethod: p.method,
    justification: p.justification,
  });
  if (p.ends === 'draft') return;
  await purchases.confirm(who.support, id, { how: 'in_person' });
  await purchases.submit(who.support, id);
  if (p.ends === 'submitted') return;
  clock.on(day('decide'));
  const reason = p.reason ?? '';
  if (p.ends === 'rejected') {
    await purchases.reject(who.coordinator, id, { reason });
    return;
  }
  await purchases.approve(approverOf(p, who), id);
  if (p.ends === 'approved') return;
  if (p.ends === 'cancelled') {
    await purchases.cancel(who.support, id, { reason });
    return;
  }
  clock.on(day('pay'));
  // The invoice came in, so finance can pay it (spec: Attachments and receipts).
  if (p.method === 'invoice')
    await attachments.attach(who.support, id, { kind: 'invoice' }, demoPdf('faktura'));
  await purchases.pay(who.finance, id, { paidOn: day('pay'), reference: `DEMO-${p.amountKr}` });
  if (p.ends === 'paid_with_receipt') {
    clock.on(day('receipt'));
    await attachments.attach(who.support, id, { kind: 'receipt' }, demoPdf('kvittering'));
  }
  if (p.ends === 'refunded') {
    clock.on(day('refund'));
    const refund = { amountKr: p.amountKr, reference: 'Kreditnota', refundedOn: day('refund') };
    await purchases.refund(who.finance, id, refund);
  }
}

function localOf(role: Role): string {
  switch (role) {
    case 'coordinator':
      return 'koordinator';
    case 'finance':
      return 'okonomi';
    default:
      return 'stotteperson';
  }
}
