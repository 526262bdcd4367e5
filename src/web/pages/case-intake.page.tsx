import { TARGET_GROUP_LABELS, TARGET_GROUPS } from '../../domain/case-intake.ts';
import type { FieldErrors } from '../../domain/errors.ts';
import { EDUCATION, INCOME_SOURCE, type Scale } from '../../domain/report/scales.ts';
import type { CaseDetail } from '../../services/cases/case-detail.service.ts';
import { Alert } from '../components/alert.tsx';
import { Checkbox, CheckboxGroup, Form, SelectField, type Values } from '../components/form.tsx';
import type { PageContext } from '../context.ts';
import { CaseFrame } from './case-frame.page.tsx';

// The intake baseline (spec: Intake baseline; 2020 evaluation report, §5.1): target groups, income and
// education, only with the citizen's consent, for the evaluation. Data minimisation: no diagnoses, no
// criminal records.

export function intakeValues(detail: CaseDetail): Values {
  const i = detail.intake;
  return {
    baselineConsent: i.baselineConsent,
    targetGroups: i.targetGroups,
    incomeSource: i.incomeSource ?? '',
    highestEducation: i.highestEducation ?? '',
  };
}

export function IntakePage({
  ctx,
  detail,
  values,
  errors,
  saved,
}: {
  ctx: PageContext;
  detail: CaseDetail;
  values: Values;
  errors?: FieldErrors | undefined;
  saved?: boolean;
}) {
  const { t } = ctx;
  return (
    <CaseFrame
      ctx={ctx}
      title={t('case.intake.title')}
      back={`/forloeb/${detail.id}`}
      caseNumber={detail.caseNumber}
      citizenName={detail.citizen.name}
      errors={errors}
    >
      {saved ? (
        <Alert kind="success" iconLabel={t('common.saved')}>
          <p>{t('case.intake.saved')}</p>
        </Alert>
      ) : null}
      <h1>{t('case.intake.title')}</h1>
      <p class="font-lead">{t('case.intake.intro')}</p>
      <IntakeForm ctx={ctx} caseId={detail.id} values={values} errors={errors} />
    </CaseFrame>
  );
}

/** The baseline's fields; the consent first, as nothing else is kept without it. */
function IntakeForm({
  ctx,
  caseId,
  values,
  errors,
}: {
  ctx: PageContext;
  caseId: string;
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const choices = <C extends string>(scale: Scale<C>) => [
    { value: '', label: t('case.intake.notRecorded') },
    ...scale.codes.map((c) => ({ value: c, label: t(scale.labels[c]) })),
  ];
  return (
    <Form ctx={ctx} action={`/forloeb/${caseId}/baggrund`}>
      <Checkbox
        ctx={ctx}
        name="baselineConsent"
        label={t('case.intake.consent')}
        values={values}
        errors={errors}
      />
      <CheckboxGroup
        ctx={ctx}
        name="targetGroups"
        label={t('case.intake.targetGroups')}
        options={TARGET_GROUPS.map((g) => ({ value: g, label: t(TARGET_GROUP_LABELS[g]) }))}
        values={values}
        errors={errors}
      />
      <SelectField
        ctx={ctx}
        name="incomeSource"
        label={t('case.intake.incomeSource')}
        options={choices(INCOME_SOURCE)}
        values={values}
        errors={errors}
      />
      <SelectField
        ctx={ctx}
        name="highestEducation"
        label={t('case.intake.education')}
        options={choices(EDUCATION)}
        values={values}
        errors={errors}
      />
      <button type="submit" class="button button-primary">
        {t('case.intake.save')}
      </button>
    </Form>
  );
}
