import type { FieldErrors } from '../../domain/errors.ts';
import type { PrivacyView } from '../../services/privacy/data-subject.service.ts';
import { translate, type MessageKey } from '../../i18n/index.ts';
import { Alert } from '../components/alert.tsx';
import { Checkbox, Form, type Values } from '../components/form.tsx';
import type { PageContext } from '../context.ts';
import { CaseFrame } from './case-frame.page.tsx';
import { privacyPath } from './data-subject.page.tsx';

// Erasure on the citizen's request (spec: Erasure), confirmed on a page of its own: what is deleted, what
// is kept, and a box to tick. Where erasure is not possible, the page says why instead.

const DELETED: readonly MessageKey[] = [
  'dataSubject.erase.deleted.person',
  'dataSubject.erase.deleted.words',
  'dataSubject.erase.deleted.files',
  'dataSubject.erase.deleted.login',
];

const KEPT: readonly MessageKey[] = [
  'dataSubject.erase.kept.money',
  'dataSubject.erase.kept.phases',
  'dataSubject.erase.kept.answers',
  'dataSubject.erase.kept.logs',
];

export function ErasePage({
  ctx,
  view,
  values = {},
  errors,
}: {
  ctx: PageContext;
  view: PrivacyView;
  values?: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const title = t('dataSubject.erase.title');
  const back = privacyPath(view.caseId);
  return (
    <CaseFrame
      ctx={ctx}
      title={title}
      back={`/forloeb/${view.caseId}`}
      caseNumber={view.caseNumber}
      citizenName={view.citizenName}
      errors={errors}
    >
      <h1>{title}</h1>
      {view.erasure ? (
        <>
          <Alert kind="warning" iconLabel={t('dataSubject.erase.notPossible')}>
            <p>{translate(t, view.erasure.message)}</p>
          </Alert>
          <p>
            <a href={back}>{t('dataSubject.back')}</a>
          </p>
        </>
      ) : (
        <EraseForm ctx={ctx} view={view} values={values} errors={errors} />
      )}
    </CaseFrame>
  );
}

/** What goes, what stays, and the confirmation. */
function EraseForm({
  ctx,
  view,
  values,
  errors,
}: {
  ctx: PageContext;
  view: PrivacyView;
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const back = privacyPath(view.caseId);
  return (
    <>
      <p class="font-lead">{t('dataSubject.erase.intro')}</p>
      <h2>{t('dataSubject.erase.deleted')}</h2>
      <ul>
        {DELETED.map((key) => (
          <li>{t(key)}</li>
        ))}
      </ul>
      <h2>{t('dataSubject.erase.kept')}</h2>
      <ul>
        {KEPT.map((key) => (
          <li>{t(key)}</li>
        ))}
      </ul>
      <Form ctx={ctx} action={`${back}/sletning`}>
        <Checkbox
          ctx={ctx}
          name="confirm"
          label={t('dataSubject.erase.confirm')}
          values={values}
          errors={errors}
        />
        <div class="button-group">
          <button type="submit" class="button button-primary">
            {t('dataSubject.erase.submit')}
          </button>
          <a href={back} class="button button-secondary">
            {t('dataSubject.erase.cancel')}
          </a>
        </div>
      </Form>
    </>
  );
}
