import { runningCasesWithSupport, vendorIdsOf } from '../../db/repositories/demo.repository.ts';
import { listUsersOfMunicipality, type UserRow } from '../../db/repositories/user.repository.ts';
import { addDays } from '../../domain/calendar-date.ts';
import { isSpendingPeriod } from '../../domain/case-lifecycle.ts';
import type { ExpenseCategory } from '../../domain/expense-category.ts';
import { formatKrCsv, parseKr } from '../../domain/money.ts';
import { defaultProgrammeRules, MAX_GRANT } from '../../domain/programme-rules.ts';
import { needsSecondApprover, type PaymentMethod } from '../../domain/purchase-request.ts';
import type { Role } from '../../domain/roles.ts';
import { createAttachmentService } from '../money/attachment.service.ts';
import { createBudgetService } from '../money/budget.service.ts';
import { today } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { createPurchaseService } from '../money/purchase.service.ts';
import { createVoucherRedemption } from '../money/voucher-redeem.ts';
import { setVendorPin } from '../../db/repositories/voucher.repository.ts';
import { demoEmail, DEMO_MUNICIPALITIES, type DemoMunicipality } from './demo-organisation.ts';

// The demo's money (spec: Demo personas): vendors, grants and purchase requests in every state — draft,
// submitted above the limit, approved and waiting for finance, rejected, cancelled, paid with its receipt,
// paid with the receipt still to come, refunded. It goes through the real services as the demo staff, so
// the ledger, its guard and the audit log see exactly what a municipality would. Skipped for a
// municipality that has vendors already, so loading again changes nothing.

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
] as const;

interface Purchase {
  title: string;
  purpose: string;
  amountKr: string;
  category: ExpenseCategory;
  vendor: number | null;
  method: PaymentMethod;
  justification?: string;
  /** How far it gets. */
  ends:
    'draft' | 'submitted' | 'approved' | 'rejected' | 'cancelled' | 'paid' | 'paid_with_receipt' | 'refunded';
}

const FIRST_CASE: Purchase[] = [
  {
    title: 'Brugt cykel med lygter',
    purpose: 'Så borgeren kan komme til praktikken hver dag.',
    amountKr: '3500',
    category: 'transport',
    vendor: 0,
    method: 'bank_transfer',
    ends: 'paid_with_receipt',
  },
  {
    title: 'Tandbehandling, første del',
    purpose: 'Borgeren vil kunne smile til en jobsamtale.',
    amountKr: '4200',
    category: 'health',
    vendor: 1,
    method: 'invoice',
    ends: 'paid',
  },
  {
    title: 'Bærbar computer',
    purpose: 'Til at søge job og følge et onlinekursus.',
    amountKr: '4800',
    category: 'electronics',
    vendor: 2,
    method: 'bank_transfer',
    ends: 'approved',
  },
  {
    title: 'Danskkursus, modul 3',
    purpose: 'Delmålet er at bestå modul 3.',
    amountKr: '8000',
    category: 'education',
    vendor: 3,
    method: 'invoice',
    ends: 'submitted',
  },
  {
    title: 'Arbejdstøj',
    purpose: 'Til praktikken på lageret.',
    amountKr: '900',
    category: 'clothing_care',
    vendor: 0,
    method: 'requisition',
    ends: 'draft',
  },
];

const SECOND_CASE: Purchase[] = [
  {
    title: 'Afbetaling af kviklån',
    purpose: 'Gælden giver uro i hverdagen.',
    amountKr: '2000',
    category: 'debt',
    vendor: 3,
    method: 'bank_transfer',
    justification: 'Renterne æder hele budgettet hver måned.',
    ends: 'rejected',
  },
  {
    title: 'Fitnessabonnement, 3 måneder',
    purpose: 'Motion hjælper på søvnen.',
    amountKr: '1200',
    category: 'exercise_leisure',
    vendor: 0,
    method: 'bank_transfer',
    ends: 'cancelled',
  },
  {
    title: 'Mobiltelefon',
    purpose: 'Så jobcentret og arbejdsgivere kan ringe.',
    amountKr: '2500',
    category: 'electronics',
    vendor: 2,
    method: 'bank_transfer',
    ends: 'refunded',
  },
  {
    title: 'Cykelreparation',
    purpose: 'Cyklen er vejen til arbejde.',
    amountKr: '1500',
    category: 'transport',
    vendor: 0,
    method: 'bank_transfer',
    ends: 'approved',
  },
];

/** In a municipality that offers vouchers, the first case's citizen buys a helmet and lock themselves. */
const VOUCHER_PURCHASE: Purchase = {
  title: 'Cykelhjelm og lås',
  purpose: 'Så cyklen til praktikken ikke bliver stjålet.',
  amountKr: '650',
  category: 'transport',
  vendor: 0,
  method: 'voucher',
  ends: 'approved',
};

const OTHER_CASE: Purchase[] = [
  {
    title: 'Buskort, 3 måneder',
    purpose: 'Transport til aftaler og praktik.',
    amountKr: '1100',
    category: 'transport',
    vendor: 0,
    method: 'bank_transfer',
    ends: 'paid',
  },
];

/** A minimal PDF, enough to be recognised as one. */
const RECEIPT_PDF = new TextEncoder().encode('%PDF-1.4\n% Kvittering (demo)\n%%EOF\n');

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

export async function loadDemoMoney(deps: ServiceDeps, now: Date): Promise<void> {
  const services: MoneyServices = {
    budgets: createBudgetService(deps),
    purchases: createPurchaseService(deps),
    attachments: createAttachmentService(deps),
  };
  for (const m of DEMO_MUNICIPALITIES) await loadMunicipalityMoney(deps, services, m, now);
}

/** One municipality's vendors, grants and requests; nothing where it has vendors already. */
async function loadMunicipalityMoney(
  deps: ServiceDeps,
  s: MoneyServices,
  m: DemoMunicipality,
  now: Date,
): Promise<void> {
  const state = await deps.database.transaction({ municipalityId: m.id }, async (tx) => ({
    vendors: await vendorIdsOf(tx, m.id),
    users: await listUsersOfMunicipality(tx, m.id),
    cases: await runningCasesWithSupport(tx, m.id),
  }));
  if (state.vendors.length > 0) return;
  const actor = (role: Role, userId?: string | null) => staffActor(m, state.users, role, userId);
  const coordinator = actor('coordinator');
  const finance = actor('finance');
  const vendorIds: string[] = [];
  for (const v of VENDORS) vendorIds.push(await s.budgets.addVendor(finance, v));

  // Every other case gets the scheme's full grant, the rest 40,000 kr.
  const full = formatKrCsv(MAX_GRANT);
  const spending = state.cases.filter((c) => isSpendingPeriod(c.phase));
  for (const [i, c] of state.cases.entries()) {
    await s.budgets.grant(coordinator, c.id, {
      amountKr: i % 2 === 0 ? full : '40000',
      note: 'Bevilget ved opstart.',
    });
  }
  if (m.shopPin !== undefined) await setDemoShopPin(deps, m, vendorIds[0] ?? '', now);
  for (const [i, c] of spending.entries()) {
    const support = actor('support', c.support_user_id);
    const base = i === 0 ? FIRST_CASE : i === 1 ? SECOND_CASE : OTHER_CASE;
    const script = i === 0 && m.shopPin !== undefined ? [...base, VOUCHER_PURCHASE] : base;
    for (const p of script) await play(s, p, c.id, { support, coordinator, finance }, vendorIds, now);
  }
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
function approverOf(p: Purchase, who: Team): Actor {
  const amount = parseKr(p.amountKr);
  if (!amount.ok) throw new Error(`A demo purchase has a bad amount: ${p.amountKr}`);
  const limit = defaultProgrammeRules().singleApprovalLimit;
  return needsSecondApprover(amount.value, limit) ? who.coordinator : who.support;
}

/** Takes one purchase as far as its script says, through the services as the staff would. */
async function play(
  s: MoneyServices,
  p: Purchase,
  caseId: string,
  who: Team,
  vendorIds: string[],
  at: Date,
): Promise<void> {
  const { purchases, attachments } = s;
  const id = await purchases.create(who.support, caseId, {
    title: p.title,
    purpose: p.purpose,
    amountKr: p.amountKr,
    category: p.category,
    vendorId: p.vendor === null ? undefined : vendorIds[p.vendor],
    paymentMethod: p.method,
    justification: p.justification,
  });
  if (p.ends === 'draft') return;
  await purchases.confirm(who.support, id, { how: 'in_person' });
  await purchases.submit(who.support, id);
  if (p.ends === 'submitted') return;
  if (p.ends === 'rejected') {
    await purchases.reject(who.coordinator, id, {
      reason: 'Gælden skal først afklares med gældsrådgivningen.',
    });
    return;
  }
  await purchases.approve(approverOf(p, who), id);
  if (p.ends === 'approved') return;
  if (p.ends === 'cancelled') {
    await purchases.cancel(who.support, id, { reason: 'Borgeren fandt et billigere tilbud.' });
    return;
  }
  const paidOn = addDays(today(at), -7);
  await purchases.pay(who.finance, id, { paidOn, reference: `DEMO-${p.amountKr}` });
  if (p.ends === 'paid_with_receipt') {
    await attachments.attach(
      who.support,
      id,
      { kind: 'receipt' },
      { name: 'kvittering.pdf', bytes: RECEIPT_PDF },
    );
  }
  if (p.ends === 'refunded') {
    await purchases.refund(who.finance, id, {
      amountKr: p.amountKr,
      reference: 'Kreditnota',
      refundedOn: addDays(today(at), -2),
    });
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
