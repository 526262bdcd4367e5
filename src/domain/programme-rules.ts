import { EXPENSE_CATEGORIES, type ExpenseCategory } from './expense-category.ts';
import { ore, type Ore } from './money.ts';
import { message, type Message } from '../i18n/index.ts';

// A programme's rules (spec: Programme rules), each traced to the 2020 evaluation report, §6.4 "Behov for
// klare og ensartede rammer" and §6.5 "Udmøntning af budgettet". Every rule is configurable; the
// defaults are the pilot's.

export const UNUSED_FUNDS_RULES = ['citizen_may_use_all', 'planned_subgoals_only'] as const;
export type UnusedFundsRule = (typeof UNUSED_FUNDS_RULES)[number];

export const CATEGORY_RULE_KINDS = ['allowed', 'needs_justification', 'not_allowed'] as const;
export type CategoryRuleKind = (typeof CATEGORY_RULE_KINDS)[number];

export interface CategoryRule {
  rule: CategoryRuleKind;
  /** The municipality's guideline text, shown where a purchase request is written. */
  guideline: string;
  /** Whether it may be bought with a voucher, where the programme offers vouchers (spec: Vouchers). */
  voucher: boolean;
}

export interface ProgrammeRules {
  /** "beløbet skal kunne varieres": the maximum; each citizen's grant may be lower. */
  maxGrant: Ore;
  /** 12 in the pilot; the 2022–24 trial law used 15. */
  durationMonths: number;
  /** "det tager lang tid at drømme": time to dream before the clock starts. */
  maxLeadInMonths: number;
  /** The London pilot did not tell participants the amount. */
  citizenSeesAmount: boolean;
  /**
   * Whether a citizen who met the sub-goals may spend the rest; shown to the citizen from the start and
   * enforced at approval (purchase-request.ts checkUnusedFunds).
   */
  unusedFunds: UnusedFundsRule;
  directTransfer: { enabled: boolean; maxPerTransfer: Ore; maxTotal: Ore };
  /** The support person approves alone up to this amount; above it a coordinator approves too. */
  singleApprovalLimit: Ore;
  receiptsRequired: boolean;
  /** The municipal ERP account string payments are booked on; no national code exists. */
  accountString: string;
  categoryRules: Record<ExpenseCategory, CategoryRule>;
  /**
   * The citizen buys it themselves (spec: Vouchers): whether an approved request may be paid by a
   * voucher a shop redeems, and whether any vendor on the list may redeem it or only the one named.
   */
  voucher: { enabled: boolean; anyVendor: boolean };
}

/**
 * The scheme's cap on one citizen's grant, 50,000 kr. (spec: Maximum grant): no programme's `maxGrant` may
 * be set above it, and no one amount — a request, an estimate, a proposed price — can be more. The
 * database's CHECK constraints hold the same figure (`5000000` øre in the migrations).
 */
export const MAX_GRANT = ore(50_000_00);

/**
 * A new programme's pool: room for 25 citizens at the full grant, as in each pilot municipality (2020
 * evaluation report, §5.1).
 */
export const DEFAULT_POOL = ore(25 * MAX_GRANT);

export const LIMITS = {
  maxGrant: MAX_GRANT,
  durationMonths: { min: 1, max: 36 },
  maxLeadInMonths: { min: 0, max: 24 },
  guidelineLength: 1000,
  accountStringLength: 100,
} as const;

export function defaultCategoryRules(): Record<ExpenseCategory, CategoryRule> {
  const rules = {} as Record<ExpenseCategory, CategoryRule>;
  for (const category of EXPENSE_CATEGORIES)
    rules[category] = { rule: 'allowed', guideline: '', voucher: true };
  // 2020 evaluation report, §6.1: repaying debt (incl. payday loans) was allowed but discussed; the pilot
  // asked for a reason.
  rules.debt = {
    rule: 'needs_justification',
    guideline: 'Beskriv hvordan afbetalingen hjælper borgeren mod målet.',
    // A debt is paid to the creditor, not bought in a shop.
    voucher: false,
  };
  return rules;
}

export function defaultProgrammeRules(): ProgrammeRules {
  return {
    maxGrant: LIMITS.maxGrant,
    durationMonths: 12,
    maxLeadInMonths: 6,
    citizenSeesAmount: true,
    unusedFunds: 'citizen_may_use_all',
    directTransfer: { enabled: false, maxPerTransfer: ore(0), maxTotal: ore(0) },
    singleApprovalLimit: ore(5_000_00),
    receiptsRequired: true,
    accountString: '',
    categoryRules: defaultCategoryRules(),
    voucher: { enabled: false, anyVendor: false },
  };
}

export type RulesField =
  'maxGrant' | 'singleApprovalLimit' | 'directTransferMaxPerTransfer' | 'directTransferMaxTotal';

/** Rules that relate two values; single values are checked at the boundary. A message per field at fault. */
export function checkRuleConsistency(rules: ProgrammeRules): Partial<Record<RulesField, Message>> {
  const problems: Partial<Record<RulesField, Message>> = {};
  if (rules.maxGrant > LIMITS.maxGrant) {
    problems.maxGrant = message('field.programme.maxGrantTooBig');
  }
  if (rules.singleApprovalLimit > rules.maxGrant) {
    problems.singleApprovalLimit = message('field.programme.approvalAboveGrant');
  }
  if (rules.directTransfer.enabled) {
    if (rules.directTransfer.maxPerTransfer <= 0) {
      problems.directTransferMaxPerTransfer = message('field.programme.transferZero');
    }
    if (rules.directTransfer.maxTotal < rules.directTransfer.maxPerTransfer) {
      problems.directTransferMaxTotal = message('field.programme.totalBelowPerTransfer');
    } else if (rules.directTransfer.maxTotal > rules.maxGrant) {
      problems.directTransferMaxTotal = message('field.programme.totalAboveGrant');
    }
  }
  return problems;
}
