import {
  EXPENSE_CATEGORIES,
  EXPENSE_CATEGORY_EXAMPLES,
  EXPENSE_CATEGORY_LABELS,
} from '../../domain/expense-category.ts';
import type { FieldErrors } from '../../domain/errors.ts';
import { formatKr } from '../../domain/money.ts';
import type { ProgrammeRules } from '../../domain/programme-rules.ts';
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from '../../domain/purchase-request.ts';
import { ErrorSummary, Form, RadioGroup, SelectField, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';

// The form that writes a purchase request (spec: Purchase requests), with the programme's rule for each
// expense category where the choice is made: examples, what is not covered and why, what needs a
// justification.

export function NewRequestPage({
  ctx,
  caseId,
  caseNumber,
  subGoals,
  vendors,
  rules,
  values,
  errors,
}: {
  ctx: PageContext;
  caseId: string;
  caseNumber: number | string;
  subGoals: { id: string; description: string }[];
  vendors: { id: string; name: string; cvr: string | null }[];
  rules: ProgrammeRules;
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t, actor } = ctx;
  const title = t('money.new.title');
  const f: FieldsProps = { ctx, rules, values, errors };
  return (
    <Layout ctx={ctx} title={title} authority={actor?.municipalityName} hasErrors={!!errors}>
      <p>
        <a href={`/forloeb/${caseId}/budget`}>{t('money.back')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      <p class="font-lead">{t('money.new.intro', { number: caseNumber })}</p>
      <Form ctx={ctx} action={`/forloeb/${caseId}/anmodninger/ny`}>
        <WhatFields {...f} />
        <CategoryFields {...f} />
        <HowFields {...f} subGoals={subGoals} vendors={vendors} />
        <button type="submit" class="button button-primary">
          {t('money.new.submit')}
        </button>
      </Form>
    </Layout>
  );
}

/** What every field of the form is given: the page, the programme's rules, what was typed, the errors. */
interface FieldsProps {
  ctx: PageContext;
  rules: ProgrammeRules;
  values: Values;
  errors: FieldErrors | undefined;
}

/** What is to be bought, why, and for how much. */
function WhatFields({ ctx, rules, values, errors }: FieldsProps) {
  const { t } = ctx;
  return (
    <>
      <TextField ctx={ctx} name="title" label={t('money.field.title')} values={values} errors={errors} />
      <TextField
        ctx={ctx}
        name="purpose"
        label={t('money.field.purpose')}
        hint={t('money.field.purpose.hint')}
        multiline
        values={values}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name="amountKr"
        label={t('money.field.amount')}
        hint={t('money.field.amount.hint', { limit: formatKr(rules.singleApprovalLimit) })}
        inputmode="decimal"
        width="s"
        suffix="kr."
        values={values}
        errors={errors}
      />
    </>
  );
}

/**
 * The expense category, with the programme's rule for each where the choice is made (not covered, needs
 * a justification), and the justification.
 */
function CategoryFields({ ctx, rules, values, errors }: FieldsProps) {
  const { t } = ctx;
  const ruleOf = (c: (typeof EXPENSE_CATEGORIES)[number]) => rules.categoryRules[c];
  const justified = EXPENSE_CATEGORIES.filter((c) => ruleOf(c).rule === 'needs_justification');
  const notCovered = EXPENSE_CATEGORIES.filter((c) => ruleOf(c).rule === 'not_allowed');
  return (
    <>
      <SelectField
        ctx={ctx}
        name="category"
        label={t('money.field.category')}
        hint={[
          t('money.field.category.hint'),
          ...notCovered.map(
            (c) =>
              `${t(EXPENSE_CATEGORY_LABELS[c])} ${t('money.rule.not_allowed')}${ruleOf(c).guideline ? `: ${ruleOf(c).guideline}` : '.'}`,
          ),
        ].join(' ')}
        options={[
          { value: '', label: t('money.choose') },
          ...EXPENSE_CATEGORIES.map((c) => ({
            value: c,
            label: `${t(EXPENSE_CATEGORY_LABELS[c])}${
              ruleOf(c).rule === 'not_allowed'
                ? ` (${t('money.rule.not_allowed')})`
                : ruleOf(c).rule === 'needs_justification'
                  ? ` (${t('money.rule.needs_justification')})`
                  : ''
            }`,
          })),
        ]}
        values={values}
        errors={errors}
      />
      <CategoryRules ctx={ctx} rules={rules} />
      <TextField
        ctx={ctx}
        name="justification"
        label={t('money.field.justification')}
        hint={[
          t('money.field.justification.hint'),
          ...justified.map(
            (c) =>
              `${t(EXPENSE_CATEGORY_LABELS[c])}: ${ruleOf(c).guideline || t('money.rule.needs_justification')}`,
          ),
        ].join(' ')}
        multiline
        values={values}
        errors={errors}
      />
    </>
  );
}

/** Every category with examples, its rule and the programme's guideline, folded away. */
function CategoryRules({ ctx, rules }: { ctx: PageContext; rules: ProgrammeRules }) {
  const { t } = ctx;
  const ruleOf = (c: (typeof EXPENSE_CATEGORIES)[number]) => rules.categoryRules[c];
  return (
    <details class="details mb-6">
      <summary class="details-summary">{t('money.categories.summary')}</summary>
      <div class="details-text">
        <dl>
          {EXPENSE_CATEGORIES.map((c) => (
            <>
              <dt>
                {t(EXPENSE_CATEGORY_LABELS[c])}
                {ruleOf(c).rule === 'allowed'
                  ? ''
                  : ` – ${t(ruleOf(c).rule === 'not_allowed' ? 'money.rule.not_allowed' : 'money.rule.needs_justification')}`}
              </dt>
              <dd class="mb-4">
                {t(EXPENSE_CATEGORY_EXAMPLES[c])}
                {ruleOf(c).guideline ? (
                  <>
                    <br />
                    {`${t('money.guideline')}: ${ruleOf(c).guideline}`}
                  </>
                ) : null}
              </dd>
            </>
          ))}
        </dl>
      </div>
    </details>
  );
}

/** Only approved vendors are offered; a missing one is proposed to finance (spec: Vendors). */
function ProposeVendorLink({ ctx }: { ctx: PageContext }) {
  return (
    <p class="mt-0">
      <a href="/leverandoerer#forslag">{ctx.t('money.field.vendor.propose')}</a>
    </p>
  );
}

/** The sub-goal it serves, the vendor, how it is paid, and links. */
function HowFields({
  ctx,
  rules,
  values,
  errors,
  subGoals,
  vendors,
}: FieldsProps & {
  subGoals: { id: string; description: string }[];
  vendors: { id: string; name: string; cvr: string | null }[];
}) {
  const { t } = ctx;
  const methods = offeredMethods(rules);
  return (
    <>
      <SelectField
        ctx={ctx}
        name="subGoalId"
        label={t('money.field.subGoal')}
        options={[
          { value: '', label: t('money.noSubGoal') },
          ...subGoals.map((s) => ({ value: s.id, label: s.description })),
        ]}
        values={values}
        errors={errors}
      />
      <SelectField
        ctx={ctx}
        name="vendorId"
        label={t('money.field.vendor')}
        hint={vendorHint(ctx, rules, vendors.length)}
        options={[
          { value: '', label: t('money.choose') },
          ...vendors.map((v) => ({ value: v.id, label: v.cvr ? `${v.name} (CVR ${v.cvr})` : v.name })),
        ]}
        values={values}
        errors={errors}
      />
      <ProposeVendorLink ctx={ctx} />
      <RadioGroup
        ctx={ctx}
        name="paymentMethod"
        label={t('money.field.paymentMethod')}
        hint={rules.voucher.enabled ? voucherHint(ctx, rules) : undefined}
        options={methods.map((m) => ({ value: m, label: t(PAYMENT_METHOD_LABELS[m]) }))}
        values={values}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name="links"
        label={t('money.field.links')}
        hint={t('money.optional')}
        multiline
        values={values}
        errors={errors}
      />
    </>
  );
}

/** The payment methods the programme offers: a direct transfer and a voucher only where it allows them. */
function offeredMethods(rules: ProgrammeRules) {
  return PAYMENT_METHODS.filter(
    (m) =>
      (m !== 'direct_to_citizen' || rules.directTransfer.enabled) &&
      (m !== 'voucher' || rules.voucher.enabled),
  );
}

/** The vendor list is empty; a voucher may leave the vendor out where any vendor may redeem it. */
function vendorHint(ctx: PageContext, rules: ProgrammeRules, vendors: number): string | undefined {
  const hints = [
    vendors === 0 ? ctx.t('money.field.vendor.none') : '',
    rules.voucher.enabled && rules.voucher.anyVendor ? ctx.t('voucherStaff.request.vendorHint') : '',
  ].filter(Boolean);
  return hints.length > 0 ? hints.join(' ') : undefined;
}

/**
 * What a voucher means for the citizen and the budget (spec: Vouchers), and the categories the programme
 * does not let be bought with one.
 */
function voucherHint(ctx: PageContext, rules: ProgrammeRules): string {
  const { t } = ctx;
  const excluded = EXPENSE_CATEGORIES.filter((c) => !rules.categoryRules[c].voucher);
  const categories = excluded.map((c) => t(EXPENSE_CATEGORY_LABELS[c])).join(', ');
  return [
    `${t(PAYMENT_METHOD_LABELS.voucher)}: ${t('voucherStaff.request.methodHint')}`,
    excluded.length > 0 ? t('voucherStaff.request.notCategories', { categories }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}
