import { oreToKrNumber } from '../../domain/money.ts';
import type { Actor } from '../../services/context.ts';
import type { Programme } from '../../services/cases/programme.service.ts';
import type { UserView } from '../../services/access/user.service.ts';

// The API's JSON shapes. Amounts are kroner as numbers with at most two decimals (spec: JSON API), named …Kr.

export function actorJson(a: Actor) {
  return {
    id: a.userId,
    name: a.name,
    email: a.email,
    role: a.role,
    municipality: a.municipalityId,
    authority: a.municipalityName,
  };
}

export function userJson(u: UserView) {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    active: u.active,
    awaitingPassword: u.hasPendingCode,
    createdAt: u.createdAt.toISOString(),
    deactivatedAt: u.deactivatedAt?.toISOString() ?? null,
  };
}

export function programmeJson(p: Programme) {
  const r = p.rules;
  return {
    id: p.id,
    municipality: p.municipalityId,
    name: p.name,
    targetGroup: p.targetGroup,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    poolKr: oreToKrNumber(p.pool),
    rules: {
      maxGrantKr: oreToKrNumber(r.maxGrant),
      durationMonths: r.durationMonths,
      maxLeadInMonths: r.maxLeadInMonths,
      citizenSeesAmount: r.citizenSeesAmount,
      unusedFunds: r.unusedFunds,
      directTransfer: {
        enabled: r.directTransfer.enabled,
        maxPerTransferKr: oreToKrNumber(r.directTransfer.maxPerTransfer),
        maxTotalKr: oreToKrNumber(r.directTransfer.maxTotal),
      },
      singleApprovalLimitKr: oreToKrNumber(r.singleApprovalLimit),
      receiptsRequired: r.receiptsRequired,
      accountString: r.accountString,
      categoryRules: r.categoryRules,
    },
    privacy: p.privacy,
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Where a list answer is one page: which one, its size, and the whole list's count. */
export function pagingJson(p: { page: number; size: number; total: number; pages: number }) {
  return { page: p.page, limit: p.size, total: p.total, pages: p.pages };
}
