import type { FieldErrors } from '../../domain/errors.ts';
import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS } from '../../domain/expense-category.ts';
import { formatKrCsv, type Ore } from '../../domain/money.ts';
import { CATEGORY_RULE_KINDS, UNUSED_FUNDS_RULES } from '../../domain/programme-rules.ts';
import type { Programme } from '../../services/cases/programme.service.ts';
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
import type { PageContext } from '../context.ts';
import { PrivacyFields } from './programme-privacy.fields.tsx';
import { SignInFields } from './programme-sign-in.fields.tsx';

// The coordinator's form for the programme's rules (spec: Programme rules), a fieldset per theme.

/** What every field of the form is given: the page, what was typed, and the errors. */
interface FieldsProps {
  ctx: PageContext;
  values: Values;
  errors?: FieldErrors | undefined;
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
    voucherEnabled: r.voucher.enabled,
    voucherAnyVendor: r.voucher.anyVendor,
    retentionMonths: p.privacy.retentionMonths,
    legalBasis: p.privacy.legalBasis,
    privacyContact: p.privacy.contact ?? '',
    citizenSignIn: p.signIn.citizenWays,
    changeAssurance: p.signIn.changeAssurance,
  };
}

export function ProgrammeRulesForm({
  ctx,
  programme,
  values,
  errors,
  mitId,
}: {
  ctx: PageContext;
  programme: Programme;
  values: Values;
  errors?: FieldErrors | undefined;
  /** The server knows MitID (OIDC_CITIZEN_ISSUER): the citizens' ways in may be chosen. */
  mitId: boolean;
}) {
  const { t, actor } = ctx;
  const f: FieldsProps = { ctx, values, errors };
  return (
    <Layout ctx={ctx} title={t('programme.edit')} authority={actor?.municipalityName} hasErrors={!!errors}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('programme.edit')}</h1>
      <Form ctx={ctx} action={`/ordning/${programme.id}/regler`}>
        <BasicsFields {...f} />
        <MoneyFields {...f} />
        <PeriodFields {...f} />
        <CitizenFields {...f} />
        <TransferFields {...f} />
        <VoucherFields {...f} />
        <CategoryFields {...f} />
        <PrivacyFields {...f} />
        <SignInFields {...f} mitId={mitId} />
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

/** The name, target group and period of the programme. */
function BasicsFields(f: FieldsProps) {
  const { t } = f.ctx;
  return (
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
        type="date"
        width="s"
      />
      <TextField
        {...f}
        name="periodEnd"
        label={t('programme.periodEnd')}
        hint={t('programme.dateHint')}
        type="date"
        width="s"
      />
    </fieldset>
  );
}

/** The money: the pool, the highest budget, the support person's approval limit, receipts, the account. */
function MoneyFields(f: FieldsProps) {
  const { t } = f.ctx;
  const { values } = f;
  const kr = t('programme.kr');
  return (
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
  );
}

/** A case's length and its longest lead-in. */
function PeriodFields(f: FieldsProps) {
  const { t } = f.ctx;
  return (
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
  );
}

/** What the citizen sees, and what happens to unused funds (spec: Unused funds). */
function CitizenFields(f: FieldsProps) {
  const { t } = f.ctx;
  const { values } = f;
  return (
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
  );
}

/** Transfers straight to the citizen, and their limits (spec: Direct transfers). */
function TransferFields(f: FieldsProps) {
  const { t } = f.ctx;
  const { values } = f;
  const kr = t('programme.kr');
  return (
    <fieldset>
      <legend class="h2">{t('programme.section.transfer')}</legend>
      <Checkbox name="directTransferEnabled" label={t('programme.directTransferEnabled')} values={values} />
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
  );
}

/** Vouchers: the citizen buys it themselves in a shop on the vendor list (spec: Vouchers). */
function VoucherFields(f: FieldsProps) {
  const { t } = f.ctx;
  const { values } = f;
  return (
    <fieldset>
      <legend class="h2">{t('voucherStaff.programme.section')}</legend>
      <p class="form-hint">{t('voucherStaff.programme.intro')}</p>
      <Checkbox name="voucherEnabled" label={t('voucherStaff.programme.enabled')} values={values} />
      <Checkbox
        name="voucherAnyVendor"
        label={t('voucherStaff.programme.anyVendor')}
        hint={t('voucherStaff.programme.anyVendorHint')}
        values={values}
      />
    </fieldset>
  );
}

/** Each expense category's rule and guideline, and whether it may be bought with a voucher. */
function CategoryFields(f: FieldsProps) {
  const { t } = f.ctx;
  return (
    <fieldset>
      <legend class="h2">{t('programme.section.categories')}</legend>
      {EXPENSE_CATEGORIES.map((c) => (
        <fieldset class="category-rule">
          <legend class="h4">{t(EXPENSE_CATEGORY_LABELS[c])}</legend>
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
          <Checkbox
            name={`categoryRules.${c}.voucher`}
            label={t('voucherStaff.programme.categoryVoucher')}
            values={f.values}
          />
        </fieldset>
      ))}
    </fieldset>
  );
}
