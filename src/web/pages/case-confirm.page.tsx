import type { Child } from 'hono/jsx';
import type { CasePhase } from '../../domain/case-lifecycle.ts';
import type { FieldErrors } from '../../domain/errors.ts';
import { formatKr } from '../../domain/money.ts';
import type { UnusedFundsRule } from '../../domain/programme-rules.ts';
import { DUE_STATUS_LABELS } from '../../domain/questionnaire/due.ts';
import { findInstrument } from '../../domain/questionnaire/instrument.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { CaseDetail } from '../../services/cases/case-detail.service.ts';
import type { CaseQuestionnaires } from '../../services/evaluation/questionnaire.service.ts';
import type { BudgetOverview } from '../../services/money/budget.service.ts';
import { Alert } from '../components/alert.tsx';
import { ErrorSummary, Form, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';
import { formatDate } from '../format.ts';
import { DateField } from './case-actions.page.tsx';
import { CASE_STEP_PATHS, CASE_STEPS, type CaseStepKind } from './case-steps.ts';

// The steps that end or halt a case's period ask first, on a page of their own (spec: Refused steps):
// what will happen — money back to the pool, reservations that stand in the way, questionnaires still
// to answer, sub-goals not reached, the end date that moves — and then the form that does it. A step
// the case's phase does not allow is explained in words, with no button.

/** What the page needs to know about the case to say what the step will do. */
export interface StepFacts {
  detail: CaseDetail;
  overview: BudgetOverview;
  questionnaires: CaseQuestionnaires;
  /** Sub-goals neither achieved nor dropped. */
  openSubGoals: string[];
  unusedFunds: UnusedFundsRule;
}

/** Why the step cannot start from the case's phase, in the domain's own words. */
function notNow(kind: CaseStepKind, phase: CasePhase): MessageKey {
  if (phase === 'closed') return 'case.refused.case_closed';
  if (kind === 'complete') return phase === 'paused' ? 'case.refused.paused' : 'case.refused.not_started';
  if (kind === 'pause') return phase === 'paused' ? 'case.refused.already_paused' : 'case.refused.not_active';
  if (kind === 'resume') return 'case.refused.not_paused';
  return 'case.refused.not_granted';
}

export function CaseStepPage({
  ctx,
  kind,
  facts,
  values = {},
  errors,
}: {
  ctx: PageContext;
  kind: CaseStepKind;
  facts: StepFacts;
  values?: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t, actor } = ctx;
  const { detail } = facts;
  const step = CASE_STEPS[kind];
  const title = t(step.title);
  const back = `/forloeb/${detail.id}`;
  const possible = step.from.includes(detail.phase);
  return (
    <Layout ctx={ctx} title={title} authority={actor?.municipalityName} hasErrors={!!errors}>
      <p>
        <a href={back}>{t('plan.back')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      <p class="font-lead">{t('case.title', { number: detail.caseNumber, name: detail.citizen.name })}</p>
      {possible ? (
        <>
          <h2>{t('confirm.whatHappens')}</h2>
          {kind === 'complete' || kind === 'terminate' ? (
            <CloseEffects ctx={ctx} facts={facts} />
          ) : (
            <PauseEffects ctx={ctx} kind={kind} facts={facts} />
          )}
          <StepForm ctx={ctx} kind={kind} facts={facts} values={values} errors={errors} />
        </>
      ) : (
        <Alert kind="info" iconLabel={t('confirm.notNow')}>
          <p>{t(notNow(kind, detail.phase))}</p>
        </Alert>
      )}
      <p class="mt-6">
        <a href={back}>{t('confirm.cancel')}</a>
      </p>
    </Layout>
  );
}

/** Closing: the money's way back to the pool, what blocks it, questionnaires and sub-goals still open. */
function CloseEffects({ ctx, facts }: { ctx: PageContext; facts: StepFacts }) {
  const { t } = ctx;
  const { overview, detail } = facts;
  const { reserved, available } = overview.balance;
  const holding = overview.requests.filter((r) => r.reserved > 0);
  return (
    <>
      <section class="mt-5">
        <h3>{t('confirm.money')}</h3>
        <p>
          {available > 0
            ? t('confirm.money.return', { amount: formatKr(available) })
            : t('confirm.money.nothingLeft')}{' '}
          {t(`confirm.unusedFunds.${facts.unusedFunds}`)}
        </p>
        {reserved > 0 ? (
          <Alert
            kind="warning"
            heading={t('confirm.reserved.heading')}
            iconLabel={t('confirm.reserved.heading')}
          >
            <p>{t('confirm.reserved.text', { amount: formatKr(reserved) })}</p>
            <ul>
              {holding.map((r) => (
                <li>
                  <a href={`/forloeb/${detail.id}/anmodninger/${r.id}`}>
                    #{r.number} {r.title}
                  </a>
                  : {formatKr(r.reserved)}
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
      </section>
      <OpenQuestionnaires ctx={ctx} data={facts.questionnaires} />
      {facts.openSubGoals.length > 0 ? (
        <section class="mt-5">
          <h3>{t('confirm.subGoals')}</h3>
          <p>{t('confirm.subGoals.text', { count: facts.openSubGoals.length })}</p>
          <ul>
            {facts.openSubGoals.map((g) => (
              <li>{g}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** The questionnaires not answered yet; the end ones become due when the case closes (spec: Due dates). */
function OpenQuestionnaires({ ctx, data }: { ctx: PageContext; data: CaseQuestionnaires }) {
  const { t } = ctx;
  const open = data.questionnaires.filter((q) => q.status !== 'done');
  return (
    <section class="mt-5">
      <h3>{t('questionnaires.title')}</h3>
      {open.length === 0 ? (
        <p>{t('confirm.questionnaires.allDone')}</p>
      ) : (
        <>
          <p>{t('confirm.questionnaires.open')}</p>
          <ul>
            {open.map((q) => {
              const def = findInstrument(q.instrument, q.version);
              return (
                <li>
                  <a href={`/forloeb/${data.caseId}/spoergeskemaer/${q.instrument}`}>
                    {def ? t(def.title) : q.instrument}
                  </a>
                  : {t(DUE_STATUS_LABELS[q.status])}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

/** Pausing and resuming move the end date; money stays as it is. */
function PauseEffects({
  ctx,
  kind,
  facts,
}: {
  ctx: PageContext;
  kind: 'pause' | 'resume';
  facts: StepFacts;
}) {
  const { t, lang } = ctx;
  const { detail, overview } = facts;
  const open = detail.pauses.at(-1);
  return (
    <ul>
      {detail.lastDay ? <li>{t('confirm.lastDayNow', { date: formatDate(detail.lastDay, lang) })}</li> : null}
      {kind === 'pause' ? (
        <>
          <li>{t('confirm.pause.endMoves')}</li>
          <li>{t('confirm.pause.noRequests')}</li>
          {overview.balance.reserved > 0 ? (
            <li>{t('confirm.pause.reservedStays', { amount: formatKr(overview.balance.reserved) })}</li>
          ) : null}
        </>
      ) : (
        <li>{t('confirm.resume.endMoves', { date: open ? formatDate(open.from, lang) : '–' })}</li>
      )}
      <li>{t('confirm.questionnairesMove')}</li>
    </ul>
  );
}

/** The step's own fields and its button; the field names carry the step's prefix, as the case page's did. */
function StepForm({
  ctx,
  kind,
  facts,
  values,
  errors,
}: {
  ctx: PageContext;
  kind: CaseStepKind;
  facts: StepFacts;
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const { detail, overview } = facts;
  // Closing with money reserved is refused (spec: Return to the pool): no button, the way is above.
  if ((kind === 'complete' || kind === 'terminate') && overview.balance.reserved > 0) {
    return <p class="mt-6">{t('confirm.blocked')}</p>;
  }
  const dateLabel: Record<CaseStepKind, MessageKey> = {
    complete: 'case.action.closeDate',
    terminate: 'case.action.closeDate',
    pause: 'case.action.pauseFrom',
    resume: 'case.action.resumeDate',
  };
  const dateName = kind === 'pause' ? 'pause.from' : `${kind}.date`;
  const fields: Child[] = [
    <DateField ctx={ctx} name={dateName} label={t(dateLabel[kind])} values={values} errors={errors} />,
  ];
  if (kind === 'pause' || kind === 'terminate') {
    fields.push(
      <TextField
        ctx={ctx}
        name={`${kind}.reason`}
        label={t('case.action.reason')}
        multiline
        values={values}
        errors={errors}
      />,
    );
  }
  return (
    <Form ctx={ctx} action={`/forloeb/${detail.id}/${CASE_STEP_PATHS[kind]}`} class="mt-6">
      {fields}
      <button type="submit" class={`button button-${CASE_STEPS[kind].button}`}>
        {t(CASE_STEPS[kind].title)}
      </button>
    </Form>
  );
}
