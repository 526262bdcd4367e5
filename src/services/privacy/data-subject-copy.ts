import type { Tx } from '../../db/client.ts';
import type { CaseRecord } from '../../db/repositories/case.repository.ts';
import { auditEventsAbout } from '../../db/repositories/data-subject.repository.ts';
import { vouchersWithRequest } from '../../db/repositories/voucher.repository.ts';
import { formatCpr } from '../../domain/cpr.ts';
import type { Role } from '../../domain/roles.ts';
import type { Actor } from '../context.ts';
import type { CprVault } from '../cpr-vault.ts';
import { EVERYONE_NAMED, staffRef, type StaffRef } from '../portal/personal-data-case.ts';
import { gatherPersonalData, type PersonalData, type PersonData } from '../portal/personal-data.service.ts';

// The full copy of everything held about a citizen (GDPR art. 15; spec: Full copy): what "Mine data"
// gathers, with nothing withheld — internal notes, the support person's questionnaires, a hidden grant,
// every staff member named in the access log — and besides it the vouchers and the audit events about
// the citizen's cases. The coordinator gives it; data-subject.service.ts records that it was given.

export interface VoucherData {
  caseNumber: number;
  requestNumber: number;
  title: string;
  status: string;
  maxAmountOre: number;
  vendor: string | null;
  expiresOn: string;
  issuedAt: Date;
  redeemedAt: Date | null;
  redeemedAmountOre: number | null;
  redeemedBy: string | null;
  endedAt: Date | null;
}

export interface AuditEventData {
  at: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  by: StaffRef;
  before: unknown;
  after: unknown;
}

export interface FullCopy extends Omit<PersonalData, 'person'> {
  /** The CPR number in full; null once the citizen is anonymised. */
  person: PersonData & { cpr: string | null; anonymisedAt: Date | null };
  /** A voucher's code is left out: it is a means of payment, not information about the citizen. */
  vouchers: VoucherData[];
  auditEvents: AuditEventData[];
  producedBy: { name: string; role: Role };
}

export async function gatherFullCopy(
  tx: Tx,
  vault: CprVault,
  actor: Actor,
  row: CaseRecord,
  at: Date,
): Promise<FullCopy> {
  const { data, citizen, cases } = await gatherPersonalData(tx, row.citizen_id, at, true);
  const vouchers: VoucherData[] = [];
  for (const c of cases) {
    for (const v of await vouchersWithRequest(tx, { caseId: c.id })) {
      vouchers.push({
        caseNumber: c.case_number,
        requestNumber: v.request_number,
        title: v.title,
        status: v.status,
        maxAmountOre: v.max_amount_ore,
        vendor: v.vendor_name,
        expiresOn: v.expires_on,
        issuedAt: v.issued_at,
        redeemedAt: v.redeemed_at,
        redeemedAmountOre: v.redeemed_amount_ore,
        redeemedBy: v.redeemed_by_name,
        endedAt: v.ended_at,
      });
    }
  }
  const events = await auditEventsAbout(
    tx,
    row.municipality_id,
    citizen.id,
    cases.map((c) => c.id),
  );
  return {
    ...data,
    person: {
      ...data.person,
      cpr: citizen.cpr_encrypted === null ? null : formatCpr(vault.decrypt(citizen.cpr_encrypted)),
      anonymisedAt: citizen.anonymised_at,
    },
    vouchers,
    auditEvents: events.map((e) => ({
      at: e.occurred_at,
      action: e.action,
      entityType: e.entity_type,
      entityId: e.entity_id,
      by: staffRef(e.actor_user_id, e.actor_role, e.actor_name, EVERYONE_NAMED),
      before: e.before,
      after: e.after,
    })),
    producedBy: { name: actor.name, role: actor.role },
  };
}
