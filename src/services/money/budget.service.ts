import {
  heldOfPool,
  insertVendor,
  vendorsOf,
  type VendorRow,
  findVendorByCvr,
} from '../../db/repositories/money.repository.ts';
import { isCaseOpen } from '../../domain/case-lifecycle.ts';
import { Conflict, ValidationFailed } from '../../domain/errors.ts';
import { canGrant } from '../../domain/ledger.ts';
import { ore } from '../../domain/money.ts';
import { message } from '../../i18n/index.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import { loadCase } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { parseInput } from '../form-fields.ts';
import { overview } from './budget-overview.ts';
import { caseLedger, post } from './ledger-record.ts';
import { GrantInput, VendorInput } from './money.schemas.ts';
import { programmeOf } from '../cases/programme.service.ts';

// The case's budget (spec: Budget ledger): grants from the programme's pool, and the overview the
// case page and the API show — granted, reserved, paid, available; by sub-goal and by category; every
// posting; every purchase request with what is missing. And the municipality's vendor list.
//
// The overview is built in budget-overview.ts, each request's part of it in purchase-request-view.ts.

export type { BudgetOverview, PostingView } from './budget-overview.ts';
export type { PurchaseRequestView } from './purchase-request-view.ts';

/**
 * A grant from the programme's pool (the coordinator's decision): at most the programme's maxGrant
 * in all for the case, and never more than is left in the pool. The programme row is locked, so two
 * grants cannot both take the pool's last kroner.
 */
async function grant(deps: ServiceDeps, actor: Actor, caseId: string, input: unknown): Promise<void> {
  authorize(actor, 'budget.grant');
  const municipalityId = ownMunicipality(actor);
  const v = parseInput(GrantInput, input);
  const at = deps.clock.now();
  await deps.database.transaction({ municipalityId }, async (tx) => {
    const caseRow = await loadCase(tx, actor, 'budget.grant', caseId, true);
    if (!isCaseOpen(caseRow.phase)) {
      throw new Conflict(message('error.money.grantCaseNotOpen'), 'case_not_open');
    }
    const programme = await programmeOf(tx, caseRow.programme_id, true);
    const { balance } = await caseLedger(tx, caseRow.id);
    const decision = canGrant(balance, v.amountKr, {
      maxGrant: programme.rules.maxGrant,
      poolRemaining: ore(programme.pool - (await heldOfPool(tx, programme.id))),
    });
    if (!decision.ok) throw new Conflict(decision.error.message, decision.error.code);
    await post(tx, actor, at, caseRow, { kind: 'grant', amount: v.amountKr, note: v.note });
  });
}

/** The municipality's active vendors, by name. */
async function vendors(deps: ServiceDeps, actor: Actor): Promise<VendorRow[]> {
  authorize(actor, 'vendor.read');
  const municipalityId = ownMunicipality(actor);
  return deps.database.transaction({ municipalityId }, (tx) => vendorsOf(tx, municipalityId));
}

/** Adds a vendor to the list; returns its id. A CVR number is on the list once. */
async function addVendor(deps: ServiceDeps, actor: Actor, input: unknown): Promise<string> {
  authorize(actor, 'vendor.manage');
  const municipalityId = ownMunicipality(actor);
  const v = parseInput(VendorInput, input);
  const at = deps.clock.now();
  return deps.database.transaction({ municipalityId }, async (tx) => {
    if (v.cvr !== null) {
      const same = await findVendorByCvr(tx, municipalityId, v.cvr);
      if (same) throw new Conflict(message('error.money.vendorExists'), 'vendor_exists');
    }
    if ((v.bankRegistration === null) !== (v.bankAccount === null)) {
      throw new ValidationFailed({
        [v.bankAccount === null ? 'bankAccount' : 'bankRegistration']: message('field.vendor.bankBoth'),
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
}

export function createBudgetService(deps: ServiceDeps) {
  return {
    grant: (actor: Actor, caseId: string, input: unknown) => grant(deps, actor, caseId, input),
    overview: (actor: Actor, caseId: string, purpose: string) => overview(deps, actor, caseId, purpose),
    vendors: (actor: Actor) => vendors(deps, actor),
    addVendor: (actor: Actor, input: unknown) => addVendor(deps, actor, input),
  };
}
