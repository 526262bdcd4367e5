import type { Tx } from '../../db/client.ts';
import type { ProgrammeRow } from '../../db/repositories/programme.repository.ts';
import {
  findProgramme,
  listProgrammes,
  updateProgramme,
} from '../../db/repositories/programme.repository.ts';
import { NotFound, ValidationFailed, type FieldErrors } from '../../domain/errors.ts';
import { ore, type Ore } from '../../domain/money.ts';
import { EXPENSE_CATEGORIES, type ExpenseCategory } from '../../domain/expense-category.ts';
import {
  checkRuleConsistency,
  defaultCategoryRules,
  type CategoryRule,
  type ProgrammeRules,
  type RulesField,
  type UnusedFundsRule,
} from '../../domain/programme-rules.ts';
import type { LegalBasis } from '../../domain/retention.ts';
import type { ChangeAssuranceLevel, CitizenSignInWays } from '../../domain/sign-in.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import { fieldErrors } from '../form-fields.ts';
import { message } from '../../i18n/index.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { ProgrammeSettingsInput } from './programme.schemas.ts';
import { isUuid } from '../ids.ts';

// A municipality's programme (ordning) and its rules (spec: Programme rules). Coordinators change them;
// everyone in the municipality who works with cases may read them.

export interface Programme {
  id: string;
  municipalityId: number;
  name: string;
  targetGroup: string;
  periodStart: string | null;
  periodEnd: string | null;
  pool: Ore;
  rules: ProgrammeRules;
  privacy: ProgrammePrivacy;
  signIn: ProgrammeSignIn;
  updatedAt: Date;
}

/** How the programme's people log in (spec: Citizen log-in; spec: Log-in and assurance). */
export interface ProgrammeSignIn {
  /** The ways into the portal the programme offers its citizens. */
  citizenWays: CitizenSignInWays;
  /** The level staff must have signed in at before they change money or personal data. */
  changeAssurance: ChangeAssuranceLevel;
}

/** How the programme keeps personal data (spec: Retention). */
export interface ProgrammePrivacy {
  /** Months after a case closed that its personal data is anonymised. */
  retentionMonths: number;
  legalBasis: LegalBasis;
  /** Where citizens ask about their data; null when not given. */
  contact: string | null;
}

/** Form field names for the cross-field problems of the domain. */
const RULE_FIELDS: Record<RulesField, string> = {
  maxGrant: 'maxGrantKr',
  singleApprovalLimit: 'singleApprovalLimitKr',
  directTransferMaxPerTransfer: 'directTransferMaxPerKr',
  directTransferMaxTotal: 'directTransferMaxTotalKr',
};

export function createProgrammeService(deps: ServiceDeps) {
  const { database, clock } = deps;

  return {
    async list(actor: Actor): Promise<Programme[]> {
      authorize(actor, 'programme.view');
      const municipalityId = ownMunicipality(actor);
      const rows = await database.transaction({ municipalityId }, (tx) => listProgrammes(tx, municipalityId));
      return rows.map(toProgramme);
    },

    async get(actor: Actor, id: string): Promise<Programme> {
      authorize(actor, 'programme.view');
      const municipalityId = ownMunicipality(actor);
      if (!isUuid(id)) throw new NotFound();
      const row = await database.transaction({ municipalityId }, (tx) => findProgramme(tx, id));
      if (!row || row.municipality_id !== municipalityId) throw new NotFound();
      return toProgramme(row);
    },

    /** The programme for its edit form; only those who may change the rules may open it. */
    async getForEdit(actor: Actor, id: string): Promise<Programme> {
      authorize(actor, 'programme.editRules');
      return this.get(actor, id);
    },

    async updateSettings(actor: Actor, id: string, input: unknown): Promise<Programme> {
      authorize(actor, 'programme.editRules');
      const municipalityId = ownMunicipality(actor);
      if (!isUuid(id)) throw new NotFound();
      const settings = parseSettings(input);
      const now = clock.now();
      return database.transaction({ municipalityId }, async (tx) => {
        const row = await findProgramme(tx, id, true);
        if (!row || row.municipality_id !== municipalityId) throw new NotFound();
        const before = toProgramme(row);
        const after = {
          ...before,
          ...settings,
          privacy: { ...before.privacy, ...settings.privacy },
          signIn: { ...before.signIn, ...settings.signIn },
          updatedAt: now,
        };
        await updateProgramme(tx, id, toColumns(after, now));
        await recordAudit(tx, actor, now, {
          municipalityId,
          action: 'programme.updateSettings',
          entityType: 'programme',
          entityId: id,
          before: auditView(before),
          after: auditView(after),
        });
        return after;
      });
    },
  };
}

type Settings = Omit<Programme, 'id' | 'municipalityId' | 'updatedAt' | 'privacy' | 'signIn'> & {
  /** Only what the input gave: the rest stays as stored. */
  privacy: Partial<ProgrammePrivacy>;
  signIn: Partial<ProgrammeSignIn>;
};

function parseSettings(input: unknown): Settings {
  const parsed = ProgrammeSettingsInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error));
  const v = parsed.data;
  const rules: ProgrammeRules = {
    maxGrant: v.maxGrantKr,
    durationMonths: v.durationMonths,
    maxLeadInMonths: v.maxLeadInMonths,
    citizenSeesAmount: v.citizenSeesAmount,
    unusedFunds: v.unusedFunds,
    directTransfer: {
      enabled: v.directTransferEnabled,
      maxPerTransfer: v.directTransferMaxPerKr,
      maxTotal: v.directTransferMaxTotalKr,
    },
    singleApprovalLimit: v.singleApprovalLimitKr,
    receiptsRequired: v.receiptsRequired,
    accountString: v.accountString,
    categoryRules: v.categoryRules,
    voucher: { enabled: v.voucherEnabled, anyVendor: v.voucherAnyVendor },
  };
  const problems: FieldErrors = {};
  for (const [field, said] of Object.entries(checkRuleConsistency(rules))) {
    problems[RULE_FIELDS[field as RulesField]] = said;
  }
  if (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart) {
    problems.periodEnd = message('field.period.toBeforeFrom');
  }
  if (Object.keys(problems).length > 0) throw new ValidationFailed(problems);
  return {
    name: v.name,
    targetGroup: v.targetGroup,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    pool: v.poolKr,
    rules,
    privacy: {
      ...(v.retentionMonths !== undefined ? { retentionMonths: v.retentionMonths } : {}),
      ...(v.legalBasis !== undefined ? { legalBasis: v.legalBasis } : {}),
      ...(v.privacyContact !== undefined ? { contact: v.privacyContact } : {}),
    },
    signIn: {
      ...(v.citizenSignIn !== undefined ? { citizenWays: v.citizenSignIn } : {}),
      ...(v.changeAssurance !== undefined ? { changeAssurance: v.changeAssurance } : {}),
    },
  };
}

function toColumns(s: Omit<Programme, 'id' | 'municipalityId' | 'updatedAt'>, now: Date) {
  const r = s.rules;
  return {
    name: s.name,
    target_group: s.targetGroup,
    period_start: s.periodStart,
    period_end: s.periodEnd,
    pool_ore: s.pool,
    max_grant_ore: r.maxGrant,
    duration_months: r.durationMonths,
    max_lead_in_months: r.maxLeadInMonths,
    citizen_sees_amount: r.citizenSeesAmount,
    unused_funds: r.unusedFunds,
    // Limits of a switched-off direct transfer are kept, so switching it on again restores them.
    direct_transfer_enabled: r.directTransfer.enabled,
    direct_transfer_max_per_ore: r.directTransfer.maxPerTransfer,
    direct_transfer_max_total_ore: r.directTransfer.maxTotal,
    single_approval_limit_ore: r.singleApprovalLimit,
    receipts_required: r.receiptsRequired,
    account_string: r.accountString,
    category_rules: JSON.stringify(r.categoryRules),
    voucher_enabled: r.voucher.enabled,
    voucher_any_vendor: r.voucher.anyVendor,
    retention_months: s.privacy.retentionMonths,
    legal_basis: s.privacy.legalBasis,
    privacy_contact: s.privacy.contact,
    citizen_sign_in: s.signIn.citizenWays,
    change_assurance: s.signIn.changeAssurance,
    updated_at: now,
  };
}

/** The programme the case runs under: its rules decide every step. `lock` takes its row (grants). */
export async function programmeOf(tx: Tx, programmeId: string, lock = false): Promise<Programme> {
  const programme = await findProgramme(tx, programmeId, lock);
  if (!programme) throw new NotFound();
  return toProgramme(programme);
}

export async function rulesOf(tx: Tx, programmeId: string): Promise<ProgrammeRules> {
  return (await programmeOf(tx, programmeId)).rules;
}

export function toProgramme(row: ProgrammeRow): Programme {
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    name: row.name,
    targetGroup: row.target_group,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    pool: ore(row.pool_ore),
    updatedAt: row.updated_at,
    rules: {
      maxGrant: ore(row.max_grant_ore),
      durationMonths: row.duration_months,
      maxLeadInMonths: row.max_lead_in_months,
      citizenSeesAmount: row.citizen_sees_amount,
      unusedFunds: row.unused_funds as UnusedFundsRule,
      directTransfer: {
        enabled: row.direct_transfer_enabled,
        maxPerTransfer: ore(row.direct_transfer_max_per_ore),
        maxTotal: ore(row.direct_transfer_max_total_ore),
      },
      singleApprovalLimit: ore(row.single_approval_limit_ore),
      receiptsRequired: row.receipts_required,
      accountString: row.account_string,
      categoryRules: categoryRulesOf(row.category_rules),
      voucher: { enabled: row.voucher_enabled, anyVendor: row.voucher_any_vendor },
    },
    privacy: {
      retentionMonths: row.retention_months,
      legalBasis: row.legal_basis,
      contact: row.privacy_contact,
    },
    signIn: { citizenWays: row.citizen_sign_in, changeAssurance: row.change_assurance },
  };
}

/** The stored rules over the defaults, category by category (a rule stored before a field existed lacks it). */
function categoryRulesOf(stored: unknown): ProgrammeRules['categoryRules'] {
  const rules = defaultCategoryRules();
  const given = (stored ?? {}) as Partial<Record<ExpenseCategory, Partial<CategoryRule>>>;
  for (const category of EXPENSE_CATEGORIES) rules[category] = { ...rules[category], ...given[category] };
  return rules;
}

function auditView(p: Programme) {
  return {
    name: p.name,
    targetGroup: p.targetGroup,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    pool: p.pool,
    rules: p.rules,
    privacy: p.privacy,
    signIn: p.signIn,
  };
}
