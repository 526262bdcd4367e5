import type { Tx } from '../../db/client.ts';
import { insertVendorNamed, vendorNamed } from '../../db/repositories/import.repository.ts';
import { findUserByEmail, insertUser, markUserInactive } from '../../db/repositories/user.repository.ts';
import type { ImportPlan } from '../../domain/import/import-model.ts';
import { recordAudit } from '../audit.service.ts';
import type { Payer, Writer } from './import-rows.ts';

// The two things an imported payment needs that the files do not give: a vendor and, on the command
// line, a user.

/**
 * The payer of each municipality with payments in the plan: its placeholder vendor and the importing
 * coordinator, or on the command line the municipality's import user.
 */
export async function payersOf(tx: Tx, w: Writer, plan: ImportPlan): Promise<Map<number, Payer>> {
  const municipalities = new Set([
    ...plan.cases.filter((c) => c.ledger.some((p) => p.kind === 'payment')).map((c) => c.municipalityId),
    ...plan.paymentsToExisting.flatMap((p) => ('caseId' in p.target ? [p.target.municipalityId] : [])),
  ]);
  const payers = new Map<number, Payer>();
  for (const m of municipalities) {
    payers.set(m, {
      vendorId: await placeholderVendorOf(tx, m, w.at),
      userId: w.actor?.userId ?? (await importUserOf(tx, m, w.at)),
    });
  }
  return payers;
}

const PLACEHOLDER_VENDOR = 'Leverandør ikke oplyst (import)';

/** The municipality's vendor for imported payments (the files name none); added to the list once. */
async function placeholderVendorOf(tx: Tx, municipalityId: number, at: Date): Promise<string> {
  const found = await vendorNamed(tx, municipalityId, PLACEHOLDER_VENDOR);
  if (found !== undefined) return found;
  const id = await insertVendorNamed(tx, municipalityId, PLACEHOLDER_VENDOR, at);
  await recordAudit(tx, null, at, {
    municipalityId,
    action: 'vendor.create',
    entityType: 'vendor',
    entityId: id,
    after: { name: PLACEHOLDER_VENDOR, source: 'import' },
  });
  return id;
}

/**
 * The operator's command line has no user, but a purchase request names who wrote and decided it: a
 * deactivated user "Dataimport" per municipality, without a password, so it can never log in.
 */
async function importUserOf(tx: Tx, municipalityId: number, at: Date): Promise<string> {
  const email = `dataimport+${municipalityId}@borgerbudget.invalid`;
  const found = await findUserByEmail(tx, email);
  if (found) return found.id;
  const user = await insertUser(tx, {
    municipalityId,
    email,
    name: 'Dataimport (system)',
    role: 'coordinator',
    passwordHash: null,
  });
  await markUserInactive(tx, user.id, at);
  await recordAudit(tx, null, at, {
    municipalityId,
    action: 'user.create',
    entityType: 'user',
    entityId: user.id,
    after: { name: user.name, email, role: 'coordinator', active: false, source: 'import' },
  });
  return user.id;
}
