import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS } from '../../domain/expense-category.ts';
import type { FieldErrors } from '../../domain/errors.ts';
import { formatKr } from '../../domain/money.ts';
import type { ProgrammeRules } from '../../domain/programme-rules.ts';
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from '../../domain/purchase-request.ts';
import { Alert } from '../components/alert.tsx';
import { ErrorSummary, Form, RadioGroup, SelectField, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';

// The form that writes a purchase request (spec: Purchase requests), with the programme's rule for each
// expense category where the choice is made: examples, what is not covered and why, what needs a
// justification.

export function Refused({ ctx, message }: { ctx: PageContext; message: string | undefined }) {
  if (!message) return null;
  return (
    <Alert kind="error" heading={ctx.t('money.refused')} iconLabel={ctx.t('error.prefix').replace(': ', '')}>
      <p>{message}</p>
    </Alert>
  );
}

export function NewRequestPage({
  ctx,
  caseId,
  caseNumber,
  subGoals,
  vendors,
  rules,
  values,
  errors,
  refused,
}: {
  ctx: PageContext;
  caseId: string;
  caseNumber: number | string;
  subGoals: { id: string; description: string }[];
  vendors: { id: string; name: string; cvr: string | null }[];
  rules: ProgrammeRules;
  values: Values;
  errors?: FieldErrors | undefined;
  refused?: string | undefined;
}) {
  const { t, lang, actor } = ctx;
  const title = t('money.new.title');
  const ruleOf = (c: (typeof EXPENSE_CATEGORIES)[number]) => rules.categoryRules[c];
  const methods = PAYMENT_METHODS.filter((m) => m !== 'direct_to_citizen' || rules.directTransfer.enabled);
  const justified = EXPENSE_CATEGORIES.filter((c) => ruleOf(c).rule === 'needs_justification');
  const notCovered = EXPENSE_CATEGORIES.filter((c) => ruleOf(c).rule === 'not_allowed');
  return (
    <Layout ctx={ctx} title={title} authority={actor?.municipalityName} hasErrors={!!errors}>
      <p>
        <a href={`/forloeb/${caseId}/budget`}>{t('money.back')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      <p class="font-lead">{t('money.new.intro', { number: caseNumber })}</p>
      <Refused ctx={ctx} message={refused} />
      <Form ctx={ctx} action={`/forloeb/${caseId}/anmodninger/ny`}>
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
        <SelectField
          ctx={ctx}
          name="category"
          label={t('money.field.category')}
          hint={[
            t('money.field.category.hint'),
            ...notCovered.map(
              (c) =>
                `${EXPENSE_CATEGORY_LABELS[c][lang]} ${t('money.rule.not_allowed')}${ruleOf(c).guideline ? `: ${ruleOf(c).guideline}` : '.'}`,
            ),
          ].join(' ')}
          options={[
            { value: '', label: t('money.choose') },
            ...EXPENSE_CATEGORIES.map((c) => ({
              value: c,
              label: `${EXPENSE_CATEGORY_LABELS[c][lang]}${
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
        <details class="details mb-6">
          <summary class="details-summary">{t('money.categories.summary')}</summary>
          <div class="details-text">
            <dl>
              {EXPENSE_CATEGORIES.map((c) => (
                <>
                  <dt>
                    {EXPENSE_CATEGORY_LABELS[c][lang]}
                    {ruleOf(c).rule === 'allowed'
                      ? ''
                      : ` – ${t(ruleOf(c).rule === 'not_allowed' ? 'money.rule.not_allowed' : 'money.rule.needs_justification')}`}
                  </dt>
                  <dd class="mb-4">
                    {EXPENSE_CATEGORY_LABELS[c].examples[lang]}
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
        <TextField
          ctx={ctx}
          name="justification"
          label={t('money.field.justification')}
          hint={[
            t('money.field.justification.hint'),
            ...justified.map(
              (c) =>
                `${EXPENSE_CATEGORY_LABELS[c][lang]}: ${ruleOf(c).guideline || t('money.rule.needs_justification')}`,
            ),
          ].join(' ')}
          multiline
          values={values}
          errors={errors}
        />
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
          hint={vendors.length === 0 ? t('money.field.vendor.none') : undefined}
          options={[
            { value: '', label: t('money.choose') },
            ...vendors.map((v) => ({ value: v.id, label: v.cvr ? `${v.name} (CVR ${v.cvr})` : v.name })),
          ]}
          values={values}
          errors={errors}
        />
        <RadioGroup
          ctx={ctx}
          name="paymentMethod"
          label={t('money.field.paymentMethod')}
          options={methods.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m][lang] }))}
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
        <button type="submit" class="button button-primary">
          {t('money.new.submit')}
        </button>
      </Form>
    </Layout>
  );
}
