import { z } from 'zod';
import { EXPENSE_CATEGORIES } from '../../domain/expense-category.ts';
import { parseKr, type Ore } from '../../domain/money.ts';
import { CATEGORY_RULE_KINDS, LIMITS, UNUSED_FUNDS_RULES } from '../../domain/programme-rules.ts';
import { plainText } from '../form-fields.ts';

// One schema for the programme settings form and the API (conventions: Input validation). Amounts are entered
// in kroner with either decimal mark; the schema turns them into øre. Messages are plain Danish.

const kr = (label: string) =>
  z
    .union([z.string(), z.number()], { error: `${label}: skriv et beløb i kroner.` })
    .transform((value, ctx): Ore => {
      const result = parseKr(String(value));
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: `${label}: ${result.error.message}` });
        return z.NEVER;
      }
      return result.value;
    });

const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label} skal være et helt tal.` })
    .int(`${label} skal være et helt tal.`)
    .min(min, `${label} skal være mindst ${min}.`)
    .max(max, `${label} må højst være ${max}.`);

/**
 * HTML checkboxes send "on" when ticked and nothing otherwise; the API sends booleans. `.optional()`
 * (not a `z.undefined()` member of the union) is what lets an object key be absent in zod 4.
 */
const checkbox = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

const optionalDate = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v))
  .pipe(z.iso.date({ error: 'Skriv datoen som ÅÅÅÅ-MM-DD.' }).nullable())
  .optional()
  .transform((v) => v ?? null);

const categoryRule = z.object({
  rule: z.enum(CATEGORY_RULE_KINDS, { error: 'Vælg en regel for kategorien.' }),
  guideline: plainText()
    .max(LIMITS.guidelineLength, `Retningslinjen må højst være på ${LIMITS.guidelineLength} tegn.`)
    .default(''),
});

export const ProgrammeSettingsInput = z.object({
  name: plainText().min(1, 'Skriv ordningens navn.').max(200, 'Navnet må højst være på 200 tegn.'),
  targetGroup: plainText('multi').max(2000, 'Målgruppen må højst beskrives med 2000 tegn.').default(''),
  periodStart: optionalDate,
  periodEnd: optionalDate,
  poolKr: kr('Puljen'),
  maxGrantKr: kr('Det højeste budget'),
  durationMonths: wholeNumber('Varigheden', LIMITS.durationMonths.min, LIMITS.durationMonths.max),
  maxLeadInMonths: wholeNumber('Indflyvningen', LIMITS.maxLeadInMonths.min, LIMITS.maxLeadInMonths.max),
  citizenSeesAmount: checkbox,
  unusedFunds: z.enum(UNUSED_FUNDS_RULES, { error: 'Vælg hvad der gælder for ubrugte midler.' }),
  directTransferEnabled: checkbox,
  directTransferMaxPerKr: kr('Loftet pr. overførsel'),
  directTransferMaxTotalKr: kr('Det samlede loft'),
  singleApprovalLimitKr: kr('Grænsen for godkendelse'),
  receiptsRequired: checkbox,
  accountString: plainText()
    .max(
      LIMITS.accountStringLength,
      `Konteringsstrengen må højst være på ${LIMITS.accountStringLength} tegn.`,
    )
    .default(''),
  // An enum-keyed record is exhaustive: every expense category must have its rule.
  categoryRules: z.record(z.enum(EXPENSE_CATEGORIES), categoryRule, {
    error: 'Angiv en regel for hver udgiftskategori.',
  }),
});

export type ProgrammeSettingsInput = z.input<typeof ProgrammeSettingsInput>;
