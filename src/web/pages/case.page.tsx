import { ACKNOWLEDGEMENT_METHOD_LABELS, REFERRAL_SOURCE_LABELS } from '../../domain/case-intake.ts';
import { CLOSE_OUTCOME_LABELS } from '../../domain/case-lifecycle.ts';
import { NEXT_STEP_LABELS } from '../../domain/case-next-step.ts';
import type { CaseDetail, ConditionsSheet, TimelineEntry } from '../../services/cases/case-detail.service.ts';
import type { FieldErrors } from '../../domain/errors.ts';
import type { NoteView } from '../../services/cases/note.service.ts';
import type { CaseQuestionnaires } from '../../services/evaluation/questionnaire.service.ts';
import { Alert } from '../components/alert.tsx';
import { DataTable } from '../components/data-table.tsx';
import { Fold } from '../components/fold.tsx';
import { ErrorSummary, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import { RestrictedTag } from '../components/restricted-tag.tsx';
import { SummaryTable } from '../components/summary-table.tsx';
import type { PageContext } from '../context.ts';
import { actorText, formatDate, formatDateOf } from '../format.ts';
import { translate, translator } from '../../i18n/index.ts';
import { ActivationCodeSection } from './activation.page.tsx';
import { CaseActions, Notes } from './case-actions.page.tsx';
import { PhaseBadge } from './case-list.page.tsx';
import { QuestionnaireSection } from './questionnaire.page.tsx';

// The case page (spec: Staff pages): the citizen with the CPR number masked, the phase and its dates, the
// support person with history, the conditions, and a timeline of every event in the case.

export function CasePage({
  ctx,
  detail,
  notes,
  questionnaires,
  values = {},
  errors,
}: {
  ctx: PageContext;
  detail: CaseDetail;
  notes: NoteView[];
  /** Absent for a page that does not show them. */
  questionnaires?: CaseQuestionnaires | undefined;
  values?: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t, actor } = ctx;
  const title = t('case.title', { number: detail.caseNumber, name: detail.citizen.name });
  const back = actor?.role === 'coordinator' ? '/forloeb/oversigt' : '/forloeb';
  return (
    <Layout ctx={ctx} title={title} authority={actor?.municipalityName} hasErrors={!!errors}>
      <p>
        <a href={back}>{t('case.back')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      <CaseStatus ctx={ctx} detail={detail} />
      <div class="mt-6">
        <Fold title={t('case.facts')} open>
          <SummaryTable caption={t('case.facts')} rows={factRows(ctx, detail)} />
          <CaseLinks ctx={ctx} detail={detail} />
        </Fold>
        <FoldedSections
          ctx={ctx}
          detail={detail}
          notes={notes}
          questionnaires={questionnaires}
          values={values}
          errors={errors}
        />
      </div>
    </Layout>
  );
}

/**
 * The sections below the facts, each folded (a phone shows their headings one under the other; spec:
 * Staff pages). The next steps are open, the daily work; a form that came back with a message is open,
 * so the message is seen where it is.
 */
function FoldedSections({
  ctx,
  detail,
  notes,
  questionnaires,
  values,
  errors,
}: {
  ctx: PageContext;
  detail: CaseDetail;
  notes: NoteView[];
  questionnaires?: CaseQuestionnaires | undefined;
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const refused = errors !== undefined;
  const actions = CaseActions({ ctx, detail, values, errors });
  const activation = ActivationCodeSection({
    ctx,
    caseId: detail.id,
    ways: detail.programme.citizenSignIn,
  });
  return (
    <>
      {actions ? (
        <Fold title={t('case.actions')} open>
          {actions}
        </Fold>
      ) : null}
      <Fold title={t('case.notes')} open={refused}>
        <Notes ctx={ctx} detail={detail} notes={notes} values={values} errors={errors} />
      </Fold>
      {questionnaires ? (
        <Fold title={t('questionnaires.title')}>
          <QuestionnaireSection ctx={ctx} data={questionnaires} />
        </Fold>
      ) : null}
      {activation ? <Fold title={t('citizenLogin.case.heading')}>{activation}</Fold> : null}
      {detail.support.history.length > 0 ? (
        <Fold title={t('case.supportHistory')}>
          <SupportHistory ctx={ctx} detail={detail} />
        </Fold>
      ) : null}
      <Fold title={t('case.timeline')}>
        <Timeline ctx={ctx} entries={detail.timeline} />
      </Fold>
    </>
  );
}

/** The phase, the "Begrænset" tag of a restricted case (spec: Restriction), and what needs attention. */
function CaseStatus({ ctx, detail }: { ctx: PageContext; detail: CaseDetail }) {
  const { t } = ctx;
  return (
    <>
      <p>
        <PhaseBadge ctx={ctx} phase={detail.phase} />
        {detail.restricted ? (
          <>
            {' '}
            <RestrictedTag ctx={ctx} />
          </>
        ) : null}
      </p>
      {detail.restricted ? (
        <Alert kind="warning" iconLabel={t('dataSubject.tag.restricted')}>
          <p>{t('dataSubject.error.restricted')}</p>
        </Alert>
      ) : null}
      {detail.leadInOverdue ? (
        <Alert kind="warning" iconLabel={t('cases.overdue')}>
          <p>{t('case.overdue')}</p>
        </Alert>
      ) : null}
    </>
  );
}

/** The case's other pages; its personal data and the citizen's requests are the coordinator's. */
function CaseLinks({ ctx, detail }: { ctx: PageContext; detail: CaseDetail }) {
  const { t, actor } = ctx;
  return (
    <ul class="unstyled-list mt-4">
      <li>
        <a href={`/forloeb/${detail.id}/plan`}>{t('case.plan.link')}</a>
      </li>
      <li>
        <a href={`/forloeb/${detail.id}/budget`}>{t('money.link')}</a>
      </li>
      <li>
        <a href={`/forloeb/${detail.id}/betingelser`}>{t('case.conditions.print')}</a>
      </li>
      <li>
        <a href={`/forloeb/${detail.id}/baggrund`}>{t('case.intake.link')}</a>
      </li>
      {actor?.role === 'coordinator' ? (
        <li>
          <a href={`/forloeb/${detail.id}/persondata`}>{t('dataSubject.link')}</a>
        </li>
      ) : null}
    </ul>
  );
}

function factRows(ctx: PageContext, d: CaseDetail): [string, string][] {
  const { t, lang } = ctx;
  const date = (iso: string | null) => (iso ? formatDate(iso, lang) : '–');
  const rows: [string, string][] = [
    [t('case.citizen'), d.citizen.name],
    [t('case.cpr'), d.citizen.maskedCpr],
    [t('case.age'), String(d.citizen.age)],
    [t('case.programme'), d.programme.name],
    [t('case.referredOn'), date(d.referral.referredOn)],
    [t('case.referralSource'), t(REFERRAL_SOURCE_LABELS[d.referral.source])],
    [t('case.referralReason'), d.referral.reason],
  ];
  if (d.leadInStartedOn) rows.push([t('case.leadInStartedOn'), date(d.leadInStartedOn)]);
  if (d.startDate) rows.push([t('case.startDate'), date(d.startDate)]);
  if (d.lastDay) rows.push([t('case.lastDay'), date(d.lastDay)]);
  if (d.daysLeft !== null) rows.push([t('case.daysLeft'), String(d.daysLeft)]);
  if (d.closeOutcome) {
    rows.push([t('case.closed'), `${t(CLOSE_OUTCOME_LABELS[d.closeOutcome])} ${date(d.closedOn)}`]);
    if (d.closeReason) rows.push([t('case.closeReason'), d.closeReason]);
  }
  rows.push([t('case.support'), d.support.current?.supportName ?? t('cases.noSupport')]);
  if (d.support.current?.coordinatorName) {
    rows.push([t('case.coordinator'), d.support.current.coordinatorName]);
  }
  rows.push([
    t('case.conditions'),
    d.conditions
      ? t('case.conditions.acknowledged', {
          date: date(d.conditions.acknowledgedOn),
          method: t(ACKNOWLEDGEMENT_METHOD_LABELS[d.conditions.method]),
          name: d.conditions.recordedBy,
        })
      : t('case.conditions.missing'),
  ]);
  rows.push([t('case.nextStep'), t(NEXT_STEP_LABELS[d.nextStep])]);
  return rows;
}

function SupportHistory({ ctx, detail }: { ctx: PageContext; detail: CaseDetail }) {
  const { t, lang } = ctx;
  const caption = t('case.supportHistory');
  return (
    <section class="mt-6">
      <h2>{caption}</h2>
      <DataTable
        caption={caption}
        scroll
        rows={detail.support.history}
        columns={[
          { header: t('case.support'), cell: (a) => a.supportName },
          { header: t('case.supportHistory.from'), cell: (a) => formatDate(a.from, lang) },
          { header: t('case.supportHistory.to'), cell: (a) => (a.to ? formatDate(a.to, lang) : '–') },
          { header: t('case.supportHistory.reason'), cell: (a) => a.reason ?? '' },
        ]}
      />
    </section>
  );
}

function Timeline({ ctx, entries }: { ctx: PageContext; entries: TimelineEntry[] }) {
  const { t, lang } = ctx;
  const caption = t('case.timeline');
  if (entries.length === 0) {
    return (
      <section class="mt-6">
        <h2>{caption}</h2>
        <p>{t('case.timeline.none')}</p>
      </section>
    );
  }
  return (
    <section class="mt-6">
      <h2>{caption}</h2>
      <DataTable
        caption={caption}
        scroll
        rows={entries}
        columns={[
          {
            header: t('case.timeline.when'),
            cell: (e) => (e.date ? formatDate(e.date, lang) : formatDateOf(e.at, lang)),
          },
          { header: t('case.timeline.what'), cell: (e) => t(e.sentence) },
          { header: t('case.timeline.who'), cell: (e) => actorText(ctx, e.actor) },
          { header: t('case.timeline.reason'), cell: (e) => e.reason ?? '' },
        ]}
      />
    </section>
  );
}

/**
 * The printable conditions, generated from the programme's rules (spec: Conditions). Danish: the legal text.
 */
const DANISH = translator('da');

export function ConditionsPage({
  ctx,
  sheet,
  caseId,
}: {
  ctx: PageContext;
  sheet: ConditionsSheet;
  caseId: string;
}) {
  const { t, lang, actor } = ctx;
  const title = t('conditions.title', { number: sheet.caseNumber });
  return (
    <Layout ctx={ctx} title={title} authority={actor?.municipalityName}>
      <p class="d-print-none">
        <a href={`/forloeb/${caseId}`}>{t('cases.caseNumber', { number: sheet.caseNumber })}</a>
      </p>
      <h1>{title}</h1>
      <p class="font-lead">
        {t('conditions.intro', { name: sheet.citizenName, programme: sheet.programmeName })}
      </p>
      {/* The conditions are read aloud in plain Danish, whatever the page's language (spec: Conditions). */}
      <ol lang="da">
        {sheet.conditions.map((c) => (
          <li class="mb-4">{translate(DANISH, c.text)}</li>
        ))}
      </ol>
      <p>
        {sheet.acknowledgement
          ? t('case.conditions.acknowledged', {
              date: formatDate(sheet.acknowledgement.acknowledgedOn, lang),
              method: t(ACKNOWLEDGEMENT_METHOD_LABELS[sheet.acknowledgement.method]),
              name: sheet.acknowledgement.recordedBy,
            })
          : t('case.conditions.missing')}
      </p>
      <p class="d-print-none">{t('conditions.print')}</p>
    </Layout>
  );
}
