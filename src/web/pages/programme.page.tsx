import type { FieldErrors } from '../../domain/errors.ts';
import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS } from '../../domain/expense-category.ts';
import { formatKr, formatKrCsv, type Ore } from '../../domain/money.ts';
import { CATEGORY_RULE_KINDS, UNUSED_FUNDS_RULES } from '../../domain/programme-rules.ts';
import type { Programme } from '../../services/cases/programme.service.ts';
import { Alert } from '../components/alert.tsx';
import {
  Checkbox,
  ErrorSummary,
  Form,
  RadioGroup,
  SelectField,
  TextField,
  type Values,
} from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import { SummaryTable } from '../components/summary-table.tsx';
import type { PageContext } from '../context.ts';
import { formatDate } from '../format.ts';

export function ProgrammePage({
  ctx,
  programme,
  saved,
}: {
  ctx: PageContext;
  programme: Programme;
  saved: boolean;
}) {
  const { t, lang, actor } = ctx;
  const r = programme.rules;
  const yesNo = (b: boolean) => (b ? t('programme.yes') : t('programme.no'));
  const rows: [string, string][] = [
    [t('programme.name'), programme.name],
    [t('programme.targetGroup'), programme.targetGroup],
    [t('programme.periodStart'), programme.periodStart ? formatDate(programme.periodStart, lang) : '–'],
    [t('programme.periodEnd'), programme.periodEnd ? formatDate(programme.periodEnd, lang) : '–'],
    [t('programme.pool'), formatKr(programme.pool)],
    [t('programme.maxGrant'), formatKr(r.maxGrant)],
    [t('programme.singleApprovalLimit'), formatKr(r.singleApprovalLimit)],
    [t('programme.receiptsRequired'), yesNo(r.receiptsRequired)],
    [t('programme.accountString'), r.accountString || '–'],
    [t('programme.durationMonths'), String(r.durationMonths)],
    [t('programme.maxLeadInMonths'), String(r.maxLeadInMonths)],
    [t('programme.citizenSeesAmount'), yesNo(r.citizenSeesAmount)],
    [t('programme.unusedFunds'), t(`programme.unusedFunds.${r.unusedFunds}`)],
    [
      t('programme.directTransferEnabled'),
      r.directTransfer.enabled
        ? `${yesNo(true)} · ${formatKr(r.directTransfer.maxPerTransfer)} / ${formatKr(r.directTransfer.maxTotal)}`
        : yesNo(false),
    ],
  ];
  return (
    <Layout ctx={ctx} title={t('programme.title')} authority={actor?.municipalityName}>
      {saved ? (
        <Alert kind="success" iconLabel={t('common.saved')}>
          <p>{t('programme.saved')}</p>
        </Alert>
      ) : null}
      <h1>{t('programme.title')}</h1>
      {actor?.role === 'coordinator' ? (
        <p>
          <a href={`/ordning/${programme.id}/regler`} class="button button-primary">
            {t('programme.edit')}
          </a>
        </p>
      ) : null}
      <SummaryTable caption={t('programme.title')} rows={rows} />
      <h2>{t('programme.section.categories')}</h2>
      <table class="table table--zebra table--responsive-headers">
        <caption class="sr-only">{t('programme.section.categories')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('programme.category')}</th>
            <th scope="col">{t('programme.categoryRule')}</th>
            <th scope="col">{t('programme.guideline')}</th>
          </tr>
        </thead>
        <tbody>
          {EXPENSE_CATEGORIES.map((c) => (
            <tr>
              <td data-title={t('programme.category')}>{EXPENSE_CATEGORY_LABELS[c][lang]}</td>
              <td data-title={t('programme.categoryRule')}>
                {t(`programme.rule.${r.categoryRules[c].rule}`)}
              </td>
              <td data-title={t('programme.guideline')}>{r.categoryRules[c].guideline || '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

/** The form's values from a stored programme: amounts as kroner with a decimal comma. */
export function programmeFormValues(p: Programme): Values {
  const kr = (o: Ore) => formatKrCsv(o).replace(/,00$/, '');
  const r = p.rules;
  return {
    name: p.name,
    targetGroup: p.targetGroup,
    periodStart: p.periodStart ?? '',
    periodEnd: p.periodEnd ?? '',
    poolKr: kr(p.pool),
    maxGrantKr: kr(r.maxGrant),
    durationMonths: r.durationMonths,
    maxLeadInMonths: r.maxLeadInMonths,
    citizenSeesAmount: r.citizenSeesAmount,
    unusedFunds: r.unusedFunds,
    directTransferEnabled: r.directTransfer.enabled,
    directTransferMaxPerKr: kr(r.directTransfer.maxPerTransfer),
    directTransferMaxTotalKr: kr(r.directTransfer.maxTotal),
    singleApprovalLimitKr: kr(r.singleApprovalLimit),
    receiptsRequired: r.receiptsRequired,
    accountString: r.accountString,
    categoryRules: r.categoryRules,
  };
}

export function ProgrammeRulesForm({
  ctx,
  programme,
  values,
  errors,
}: {
  ctx: PageContext;
  programme: Programme;
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t, lang, actor } = ctx;
  const f = { ctx, values, errors };
  const kr = t('programme.kr');
  return (
    <Layout ctx={ctx} title={t('programme.edit')} authority={actor?.municipalityName} hasErrors={!!errors}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('programme.edit')}</h1>
      <Form ctx={ctx} action={`/ordning/${programme.id}/regler`}>
        <fieldset>
          <legend class="h2">{t('programme.section.basics')}</legend>
          <TextField {...f} name="name" label={t('programme.name')} />
          <TextField
            {...f}
            name="targetGroup"
            label={t('programme.targetGroup')}
            hint={t('programme.targetGroupHint')}
            multiline
          />
          <TextField
            {...f}
            name="periodStart"
            label={t('programme.periodStart')}
            hint={t('programme.dateHint')}
            width="s"
          />
          <TextField
            {...f}
            name="periodEnd"
            label={t('programme.periodEnd')}
            hint={t('programme.dateHint')}
            width="s"
          />
        </fieldset>
        <fieldset>
          <legend class="h2">{t('programme.section.money')}</legend>
          <TextField
            {...f}
            name="poolKr"
            label={t('programme.pool')}
            hint={t('programme.poolHint')}
            inputmode="decimal"
            width="m"
            suffix={kr}
          />
          <TextField
            {...f}
            name="maxGrantKr"
            label={t('programme.maxGrant')}
            hint={t('programme.maxGrantHint')}
            inputmode="decimal"
            width="m"
            suffix={kr}
          />
          <TextField
            {...f}
            name="singleApprovalLimitKr"
            label={t('programme.singleApprovalLimit')}
            hint={t('programme.singleApprovalLimitHint')}
            inputmode="decimal"
            width="m"
            suffix={kr}
          />
          <Checkbox name="receiptsRequired" label={t('programme.receiptsRequired')} values={values} />
          <TextField
            {...f}
            name="accountString"
            label={t('programme.accountString')}
            hint={t('programme.accountStringHint')}
          />
        </fieldset>
        <fieldset>
          <legend class="h2">{t('programme.section.period')}</legend>
          <TextField
            {...f}
            name="durationMonths"
            label={t('programme.durationMonths')}
            hint={t('programme.durationMonthsHint')}
            inputmode="numeric"
            width="xs"
          />
          <TextField
            {...f}
            name="maxLeadInMonths"
            label={t('programme.maxLeadInMonths')}
            hint={t('programme.maxLeadInMonthsHint')}
            inputmode="numeric"
            width="xs"
          />
        </fieldset>
        <fieldset>
          <legend class="h2">{t('programme.section.citizen')}</legend>
          <Checkbox name="citizenSeesAmount" label={t('programme.citizenSeesAmount')} values={values} />
          <RadioGroup
            {...f}
            name="unusedFunds"
            label={t('programme.unusedFunds')}
            options={UNUSED_FUNDS_RULES.map((u) => ({ value: u, label: t(`programme.unusedFunds.${u}`) }))}
          />
        </fieldset>
        <fieldset>
          <legend class="h2">{t('programme.section.transfer')}</legend>
          <Checkbox
            name="directTransferEnabled"
            label={t('programme.directTransferEnabled')}
            values={values}
          />
          <TextField
            {...f}
            name="directTransferMaxPerKr"
            label={t('programme.directTransferMaxPer')}
            inputmode="decimal"
            width="m"
            suffix={kr}
          />
          <TextField
            {...f}
            name="directTransferMaxTotalKr"
            label={t('programme.directTransferMaxTotal')}
            inputmode="decimal"
            width="m"
            suffix={kr}
          />
        </fieldset>
        <fieldset>
          <legend class="h2">{t('programme.section.categories')}</legend>
          {EXPENSE_CATEGORIES.map((c) => (
            <fieldset class="category-rule">
              <legend class="h4">{EXPENSE_CATEGORY_LABELS[c][lang]}</legend>
              <SelectField
                {...f}
                name={`categoryRules.${c}.rule`}
                label={t('programme.categoryRule')}
                options={CATEGORY_RULE_KINDS.map((k) => ({ value: k, label: t(`programme.rule.${k}`) }))}
              />
              <TextField
                {...f}
                name={`categoryRules.${c}.guideline`}
                label={t('programme.guideline')}
                hint={t('programme.guidelineHint')}
              />
            </fieldset>
          ))}
        </fieldset>
        <div class="button-group mt-6">
          <button type="submit" class="button button-primary">
            {t('programme.save')}
          </button>
          <a href="/ordning" class="button button-secondary">
            {t('programme.cancel')}
          </a>
        </div>
      </Form>
    </Layout>
  );
}
