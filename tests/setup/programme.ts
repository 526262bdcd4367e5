import { nestForm } from '../../src/http/form.ts';
import type { Ore } from '../../src/domain/money.ts';
import type { Programme } from '../../src/services/cases/programme.service.ts';

// A programme's settings as its edit form posts them (flat field names, kroner as text, ticked boxes as
// "on" and unticked ones absent), built from the stored programme so a test changes one thing at a time.

export type FormFields = Record<string, string>;

function kr(amount: Ore): string {
  return `${Math.trunc(amount / 100)},${String(amount % 100).padStart(2, '0')}`;
}

export function programmeForm(p: Programme, overrides: Record<string, string | null> = {}): FormFields {
  const r = p.rules;
  const fields: Record<string, string | null> = {
    name: p.name,
    targetGroup: p.targetGroup,
    periodStart: p.periodStart ?? '',
    periodEnd: p.periodEnd ?? '',
    poolKr: kr(p.pool),
    maxGrantKr: kr(r.maxGrant),
    durationMonths: String(r.durationMonths),
    maxLeadInMonths: String(r.maxLeadInMonths),
    citizenSeesAmount: r.citizenSeesAmount ? 'on' : null,
    unusedFunds: r.unusedFunds,
    directTransferEnabled: r.directTransfer.enabled ? 'on' : null,
    directTransferMaxPerKr: kr(r.directTransfer.maxPerTransfer),
    directTransferMaxTotalKr: kr(r.directTransfer.maxTotal),
    singleApprovalLimitKr: kr(r.singleApprovalLimit),
    receiptsRequired: r.receiptsRequired ? 'on' : null,
    accountString: r.accountString,
    voucherEnabled: r.voucher.enabled ? 'on' : null,
    voucherAnyVendor: r.voucher.anyVendor ? 'on' : null,
    retentionMonths: String(p.privacy.retentionMonths),
    legalBasis: p.privacy.legalBasis,
    privacyContact: p.privacy.contact ?? '',
  };
  for (const [category, rule] of Object.entries(r.categoryRules)) {
    fields[`categoryRules.${category}.rule`] = rule.rule;
    fields[`categoryRules.${category}.guideline`] = rule.guideline;
    fields[`categoryRules.${category}.voucher`] = rule.voucher ? 'on' : null;
  }
  Object.assign(fields, overrides);
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== null),
  );
}

/** The same, as the service receives it from the page (nested like the API's JSON). */
export function programmeInput(p: Programme, overrides: Record<string, string | null> = {}) {
  return nestForm(programmeForm(p, overrides));
}
