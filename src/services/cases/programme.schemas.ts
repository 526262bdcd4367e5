import { z } from 'zod';
import { EXPENSE_CATEGORIES } from '../../domain/expense-category.ts';
import { CATEGORY_RULE_KINDS, LIMITS, UNUSED_FUNDS_RULES } from '../../domain/programme-rules.ts';
import { LEGAL_BASES, RETENTION_MONTHS } from '../../domain/retention.ts';
import { CHANGE_ASSURANCE_LEVELS, CITIZEN_SIGN_IN_WAYS } from '../../domain/sign-in.ts';
import { labelledKr, optionalDate, plainText, say } from '../form-fields.ts';
import type { MessageKey } from '../../i18n/index.ts';

// One schema for the programme settings form and the API (conventions: Input validation). Amounts and dates are
// read as people type them (form-fields.ts); amounts become øre. Messages are catalogue keys (form-fields.ts).

/** A whole number between `min` and `max`; zod gives a limit's issue no parameters, so each field has its keys. */
const wholeNumber = (
  said: { notWhole: MessageKey; min: MessageKey; max: MessageKey },
  min: number,
  max: number,
) =>
  z.coerce
    .number({ error: say(said.notWhole) })
    .int(say(said.notWhole))
    .min(min, say(said.min))
    .max(max, say(said.max));

/**
 * HTML checkboxes send "on" when ticked and nothing otherwise; the API sends booleans. `.optional()`
 * (not a `z.undefined()` member of the union) is what lets an object key be absent in zod 4.
 */
const checkbox = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

/** A date of the programme's period; an empty field clears it. */
const periodDate = optionalDate.transform((v) => v ?? null);

/**
 * Where citizens ask about their data: an e-mail address, a telephone number or an address, 3 to 254
 * characters; an empty field clears it.
 */
const privacyContact = plainText()
  .refine((v) => v === '' || (v.length >= 3 && v.length <= 254), say('field.programme.privacyContact'))
  .transform((v) => (v === '' ? null : v));

const categoryRule = z.object({
  rule: z.enum(CATEGORY_RULE_KINDS, { error: say('field.programme.rule') }),
  guideline: plainText().max(LIMITS.guidelineLength, say('field.programme.guidelineTooLong')).default(''),
  voucher: checkbox,
});

export const ProgrammeSettingsInput = z.object({
  name: plainText().min(1, say('field.programme.name')).max(200, say('field.nameTooLong')),
  targetGroup: plainText('multi').max(2000, say('field.programme.targetGroupTooLong')).default(''),
  periodStart: periodDate,
  periodEnd: periodDate,
  poolKr: labelledKr('field.programme.pool', 'field.programme.pool.notKr'),
  maxGrantKr: labelledKr('field.programme.maxGrant', 'field.programme.maxGrant.notKr'),
  durationMonths: wholeNumber(
    {
      notWhole: 'field.programme.duration.notWhole',
      min: 'field.programme.duration.min',
      max: 'field.programme.duration.max',
    },
    LIMITS.durationMonths.min,
    LIMITS.durationMonths.max,
  ),
  maxLeadInMonths: wholeNumber(
    {
      notWhole: 'field.programme.leadIn.notWhole',
      min: 'field.programme.leadIn.min',
      max: 'field.programme.leadIn.max',
    },
    LIMITS.maxLeadInMonths.min,
    LIMITS.maxLeadInMonths.max,
  ),
  citizenSeesAmount: checkbox,
  unusedFunds: z.enum(UNUSED_FUNDS_RULES, { error: say('field.programme.unusedFunds') }),
  directTransferEnabled: checkbox,
  directTransferMaxPerKr: labelledKr(
    'field.programme.transferMaxPer',
    'field.programme.transferMaxPer.notKr',
  ),
  directTransferMaxTotalKr: labelledKr(
    'field.programme.transferMaxTotal',
    'field.programme.transferMaxTotal.notKr',
  ),
  singleApprovalLimitKr: labelledKr('field.programme.approvalLimit', 'field.programme.approvalLimit.notKr'),
  receiptsRequired: checkbox,
  voucherEnabled: checkbox,
  voucherAnyVendor: checkbox,
  accountString: plainText()
    .max(LIMITS.accountStringLength, say('field.programme.accountStringTooLong'))
    .default(''),
  // Personal data (spec: Retention): absent from an API call that predates them, they stay as they are,
  // so a client that does not know them can never shorten the retention period by leaving it out.
  retentionMonths: wholeNumber(
    {
      notWhole: 'field.programme.retention.notWhole',
      min: 'field.programme.retention.min',
      max: 'field.programme.retention.max',
    },
    RETENTION_MONTHS.min,
    RETENTION_MONTHS.max,
  ).optional(),
  legalBasis: z.enum(LEGAL_BASES, { error: say('field.programme.legalBasis') }).optional(),
  privacyContact: privacyContact.optional(),
  // How people log in (spec: Citizen log-in): absent, they stay as they are, as the personal data's do.
  citizenSignIn: z.enum(CITIZEN_SIGN_IN_WAYS, { error: say('field.programme.citizenSignIn') }).optional(),
  changeAssurance: z
    .enum(CHANGE_ASSURANCE_LEVELS, { error: say('field.programme.changeAssurance') })
    .optional(),
  // An enum-keyed record is exhaustive: every expense category must have its rule.
  categoryRules: z.record(z.enum(EXPENSE_CATEGORIES), categoryRule, {
    error: say('field.programme.categoryRules'),
  }),
});

export type ProgrammeSettingsInput = z.input<typeof ProgrammeSettingsInput>;
