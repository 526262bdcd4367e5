import type { FieldErrors } from '../../domain/errors.ts';
import type { CaseDetail } from '../../services/cases/case-detail.service.ts';
import { Form, SelectField, TextField, type Values } from '../components/form.tsx';
import type { PageContext } from '../context.ts';
import { CaseFrame } from './case-frame.page.tsx';

// Assign or change the support person (spec: Support assignment). A change needs a reason: the
// citizen may ask for someone else, and the previous support person loses access from the date.

export function AssignSupportPage({
  ctx,
  detail,
  options,
  values = {},
  errors,
}: {
  ctx: PageContext;
  detail: CaseDetail;
  options: { value: string; label: string }[];
  values?: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const changing = detail.support.current !== null;
  const title = changing ? t('case.action.changeSupport') : t('case.action.assign');
  return (
    <CaseFrame
      ctx={ctx}
      title={title}
      back={`/forloeb/${detail.id}`}
      caseNumber={detail.caseNumber}
      citizenName={detail.citizen.name}
      errors={errors}
    >
      <h1>{title}</h1>
      {changing ? (
        <p class="font-lead">
          {t('case.assign.current', { name: detail.support.current?.supportName ?? '' })}
        </p>
      ) : null}
      <AssignForm ctx={ctx} detail={detail} options={options} title={title} values={values} errors={errors} />
    </CaseFrame>
  );
}

/** The support person, the reason for a change, and the date it takes effect. */
function AssignForm({
  ctx,
  detail,
  options,
  title,
  values,
  errors,
}: {
  ctx: PageContext;
  detail: CaseDetail;
  options: { value: string; label: string }[];
  /** The page's title, which the button repeats. */
  title: string;
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const changing = detail.support.current !== null;
  return (
    <Form ctx={ctx} action={`/forloeb/${detail.id}/stoetteperson`}>
      <SelectField
        ctx={ctx}
        name="supportUserId"
        label={t('case.support')}
        options={[{ value: '', label: '' }, ...options]}
        values={values}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name="reason"
        label={changing ? t('case.assign.reason') : t('case.assign.reasonOptional')}
        hint={changing ? t('case.assign.reasonHint') : undefined}
        multiline
        values={values}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name="from"
        label={t('case.supportHistory.from')}
        hint={t('case.action.dateHint')}
        type="date"
        width="s"
        values={values}
        errors={errors}
      />
      <div class="button-group">
        <button type="submit" class="button button-primary">
          {title}
        </button>
        <a href={`/forloeb/${detail.id}`} class="button button-secondary">
          {t('programme.cancel')}
        </a>
      </div>
    </Form>
  );
}
