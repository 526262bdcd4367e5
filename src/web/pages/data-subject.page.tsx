import type { FieldErrors } from '../../domain/errors.ts';
import type { HandledRequest } from '../../services/privacy/data-subject-requests.ts';
import type { PrivacyView } from '../../services/privacy/data-subject.service.ts';
import { translate, type Message, type MessageKey } from '../../i18n/index.ts';
import { Alert, DoneNotice } from '../components/alert.tsx';
import { DataTable } from '../components/data-table.tsx';
import { Form, TextField, type Values } from '../components/form.tsx';
import { RestrictedTag } from '../components/restricted-tag.tsx';
import type { PageContext } from '../context.ts';
import { actorText, formatDate, formatDateTime } from '../format.ts';
import { CaseFrame } from './case-frame.page.tsx';

// The case's page about the citizen's personal data (spec: Data-subject requests), for the coordinator:
// when the data is anonymised, the legal hold, the full copy, restriction, erasure and the requests
// handled. Each form is one command; its errors come back under its prefix (hold., copy., restrict., lift.).

export const privacyPath = (caseId: string) => `/forloeb/${caseId}/persondata`;

const REQUEST_KIND_LABELS: Record<HandledRequest['kind'], MessageKey> = {
  access: 'dataSubject.kind.access',
  restriction: 'dataSubject.kind.restriction',
  restriction_lifted: 'dataSubject.kind.restriction_lifted',
  erasure: 'dataSubject.kind.erasure',
};

const BASIS_LABELS: Record<PrivacyView['legalBasis'], MessageKey> = {
  public_task: 'dataSubject.basis.public_task',
  consent: 'dataSubject.basis.consent',
};

interface PageProps {
  ctx: PageContext;
  view: PrivacyView;
  values?: Values;
  errors?: FieldErrors | undefined;
  /** What was just done (after a 303). */
  notice?: string | undefined;
  /** A request not possible now (a double post from another tab). */
  refused?: Message | undefined;
}

export function PrivacyPage({ ctx, view, values = {}, errors, notice, refused }: PageProps) {
  const { t } = ctx;
  const title = t('dataSubject.title');
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
      {view.restriction ? (
        <p>
          <RestrictedTag ctx={ctx} />
        </p>
      ) : null}
      <DoneNotice notice={notice} iconLabel={t('dataSubject.done')} />
      {refused ? (
        <Alert kind="error" iconLabel={t('error.prefix').replace(': ', '')}>
          <p>{translate(t, refused)}</p>
        </Alert>
      ) : null}
      <p class="font-lead">{t('dataSubject.intro')}</p>
      <RetentionSection ctx={ctx} view={view} values={values} errors={errors} />
      <CopySection ctx={ctx} view={view} values={values} errors={errors} />
      <RestrictionSection ctx={ctx} view={view} values={values} errors={errors} />
      <ErasureSection ctx={ctx} view={view} />
      <RequestsSection ctx={ctx} requests={view.requests} />
    </CaseFrame>
  );
}

type SectionProps = { ctx: PageContext; view: PrivacyView; values: Values; errors: FieldErrors | undefined };

/** When the personal data goes, under which rule, and the legal hold that stops it. */
function RetentionSection({ ctx, view, values, errors }: SectionProps) {
  const { t, lang } = ctx;
  const a = view.anonymisation;
  const when =
    a.state === 'anonymised'
      ? t('dataSubject.retention.anonymised', { date: formatDate(a.at.toISOString().slice(0, 10), lang) })
      : a.state === 'due'
        ? t('dataSubject.retention.due', { date: formatDate(a.on, lang) })
        : t('dataSubject.retention.open', { months: view.retentionMonths });
  // What stops the anonymisation on its date (spec: Retention).
  const stopped = view.legalHold
    ? t('dataSubject.retention.stoppedByHold')
    : view.restriction
      ? t('dataSubject.retention.stoppedByRestriction')
      : null;
  return (
    <section class="mt-7" aria-labelledby="privacy-retention">
      <h2 id="privacy-retention">{t('dataSubject.retention.title')}</h2>
      <p>
        <strong>{when}</strong>
        {stopped ? ` ${stopped}` : ''}
      </p>
      <p>
        {t('dataSubject.retention.rule', {
          months: view.retentionMonths,
          basis: t(BASIS_LABELS[view.legalBasis]),
        })}
      </p>
      {a.state === 'anonymised' ? null : <LegalHold ctx={ctx} view={view} values={values} errors={errors} />}
    </section>
  );
}

/** The legal hold that stops the anonymisation (spec: Retention): its reason and lifting, or setting it. */
function LegalHold({ ctx, view, values, errors }: SectionProps) {
  const { t, lang } = ctx;
  return (
    <>
      <h3>{t('dataSubject.hold.title')}</h3>
      {view.legalHold ? (
        <>
          <p>
            {t('dataSubject.hold.since', { date: formatDateTime(view.legalHold.since, lang) })}
            <br />
            <span class="portal-own-words">{view.legalHold.reason}</span>
          </p>
          <Form ctx={ctx} action={`${privacyPath(view.caseId)}/tilbageholdelse/ophaev`}>
            <button type="submit" class="button button-secondary">
              {t('dataSubject.hold.lift')}
            </button>
          </Form>
        </>
      ) : (
        <Form ctx={ctx} action={`${privacyPath(view.caseId)}/tilbageholdelse`}>
          <p>{t('dataSubject.hold.none')}</p>
          <TextField
            ctx={ctx}
            name="hold.reason"
            label={t('dataSubject.hold.reason')}
            hint={t('dataSubject.hold.reasonHint')}
            multiline
            values={values}
            errors={errors}
          />
          <button type="submit" class="button button-secondary">
            {t('dataSubject.hold.set')}
          </button>
        </Form>
      )}
    </>
  );
}

/** The full copy: one form, shown as a page to print or downloaded as JSON. */
function CopySection({ ctx, view, values, errors }: SectionProps) {
  const { t } = ctx;
  return (
    <section class="mt-7" aria-labelledby="privacy-copy">
      <h2 id="privacy-copy">{t('dataSubject.copy.title')}</h2>
      <p>{t('dataSubject.copy.intro')}</p>
      <Form ctx={ctx} action={`${privacyPath(view.caseId)}/kopi`}>
        <TextField
          ctx={ctx}
          name="copy.note"
          label={t('dataSubject.note')}
          hint={t('dataSubject.copy.noteHint')}
          multiline
          values={values}
          errors={errors}
        />
        <div class="button-group">
          <button type="submit" name="format" value="html" class="button button-primary">
            {t('dataSubject.copy.html')}
          </button>
          <button type="submit" name="format" value="json" class="button button-secondary">
            {t('dataSubject.copy.json')}
          </button>
        </div>
      </Form>
    </section>
  );
}

/** Restriction: its reason while it lasts, and the form that sets or lifts it. */
function RestrictionSection({ ctx, view, values, errors }: SectionProps) {
  const { t, lang } = ctx;
  const r = view.restriction;
  return (
    <section class="mt-7" aria-labelledby="privacy-restriction">
      <h2 id="privacy-restriction">{t('dataSubject.restriction.title')}</h2>
      {r ? (
        <>
          <p>{t('dataSubject.restriction.since', { date: formatDateTime(r.since, lang) })}</p>
          <p class="portal-own-words">{r.reason}</p>
          <p>{t('dataSubject.restriction.effect')}</p>
          <Form ctx={ctx} action={`${privacyPath(view.caseId)}/begraensning/ophaev`}>
            <TextField
              ctx={ctx}
              name="lift.note"
              label={t('dataSubject.note')}
              multiline
              values={values}
              errors={errors}
            />
            <button type="submit" class="button button-secondary">
              {t('dataSubject.restriction.lift')}
            </button>
          </Form>
        </>
      ) : view.anonymisation.state === 'anonymised' ? (
        <p>{t('dataSubject.restriction.none')}</p>
      ) : (
        <>
          <p>{t('dataSubject.restriction.intro')}</p>
          <Form ctx={ctx} action={`${privacyPath(view.caseId)}/begraensning`}>
            <TextField
              ctx={ctx}
              name="restrict.reason"
              label={t('dataSubject.restriction.reason')}
              hint={t('dataSubject.restriction.reasonHint')}
              multiline
              values={values}
              errors={errors}
            />
            <button type="submit" class="button button-secondary">
              {t('dataSubject.restriction.set')}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

/** Erasure: the way to its confirmation, or why it is not possible. */
function ErasureSection({ ctx, view }: { ctx: PageContext; view: PrivacyView }) {
  const { t } = ctx;
  return (
    <section class="mt-7" aria-labelledby="privacy-erasure">
      <h2 id="privacy-erasure">{t('dataSubject.erasure.title')}</h2>
      {view.erasure ? (
        <p>{translate(t, view.erasure.message)}</p>
      ) : (
        <>
          <p>{t('dataSubject.erasure.possible')}</p>
          <p>
            <a href={`${privacyPath(view.caseId)}/sletning`}>{t('dataSubject.erasure.link')}</a>
          </p>
        </>
      )}
    </section>
  );
}

/**
 * The requests handled, newest first. The section is not a labelled region: its table scrolls in a region
 * of the same name (DataTable), and two landmarks may not share one.
 */
export function RequestsSection({ ctx, requests }: { ctx: PageContext; requests: HandledRequest[] }) {
  const { t, lang } = ctx;
  const caption = t('dataSubject.requests.title');
  return (
    <section class="mt-7">
      <h2 id="privacy-requests">{caption}</h2>
      {requests.length === 0 ? (
        <p>{t('dataSubject.requests.none')}</p>
      ) : (
        <DataTable
          caption={caption}
          scroll
          rows={requests}
          columns={[
            { header: t('dataSubject.requests.kind'), cell: (r) => t(REQUEST_KIND_LABELS[r.kind]) },
            { header: t('dataSubject.requests.when'), cell: (r) => formatDateTime(r.at, lang) },
            { header: t('dataSubject.requests.by'), cell: (r) => actorText(ctx, r.by) },
            { header: t('dataSubject.note'), cell: (r) => r.note ?? '–' },
          ]}
        />
      )}
    </section>
  );
}
