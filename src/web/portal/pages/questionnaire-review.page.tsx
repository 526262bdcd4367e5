import type { ItemDefinition } from '../../../domain/questionnaire/instrument.ts';
import type { QuestionnaireView } from '../../../services/evaluation/questionnaire.service.ts';
import { Alert } from '../../components/alert.tsx';
import { Form } from '../../components/form.tsx';
import type { PageContext } from '../../context.ts';
import { formatDate, labelOf } from '../../format.ts';
import { PortalLayout } from '../portal-layout.tsx';
import {
  definitionOf,
  PORTAL_QUESTIONNAIRES,
  REVIEW_STEP,
  stepPath,
  titleKey,
} from './questionnaire.page.tsx';

// The last page of a citizen's questionnaire (spec: Portal questionnaires): every answer to check, each
// with a way back to its step, and the button that sends them as complete; after that, the answers as
// sent.

function answerText(
  ctx: PageContext,
  item: ItemDefinition,
  value: string | number | string[] | undefined,
): string {
  if (value === undefined) return ctx.t('portalSelf.q.review.notAnswered');
  const { t } = ctx;
  if (item.kind === 'rating') return labelOf(t, item.labels[Number(value)]) ?? String(value);
  const label = (c: string) => labelOf(t, item.scale.labels[c]) ?? c;
  return Array.isArray(value) ? value.map(label).join(', ') : label(String(value));
}

/** The error summary's links go to the steps themselves, where the answer is given. */
function MissingSummary({ ctx, q, steps }: { ctx: PageContext; q: QuestionnaireView; steps: number[] }) {
  if (steps.length === 0) return null;
  return (
    <div class="alert alert-error mt-0 mb-8" role="alert" tabindex={-1} data-module="error-summary">
      <div class="alert-body">
        <h2 class="alert-heading">{ctx.t('error.summary')}</h2>
        <ul class="alert-text nobullet-list">
          {steps.map((step) => (
            <li>
              <a class="function-link" href={stepPath(q.instrument, step)}>
                {ctx.t('portalSelf.q.review.answerMissing', { step })}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function QuestionReviewPage({
  ctx,
  q,
  refused,
}: {
  ctx: PageContext;
  q: QuestionnaireView;
  /** Set when "Send" was refused: the steps still without an answer. */
  refused?: number[] | undefined;
}) {
  const { t, lang } = ctx;
  const def = definitionOf(q);
  const done = q.completedAt !== null;
  const missing = def.items.flatMap((item, i) => (q.answers[item.id] === undefined ? [i + 1] : []));
  const title = done ? t(titleKey(q.instrument)) : t('portalSelf.q.review.title');
  return (
    <PortalLayout ctx={ctx} title={title} hasErrors={!!refused}>
      {refused ? <MissingSummary ctx={ctx} q={q} steps={refused} /> : null}
      <h1>{title}</h1>
      {done ? (
        <p>{t('portalSelf.q.review.done', { date: formatDate(q.answeredOn ?? '', lang) })}</p>
      ) : (
        <p>{t('portalSelf.q.review.intro')}</p>
      )}
      {!done && missing.length > 0 && !refused ? (
        <Alert kind="warning" iconLabel={t('portalSelf.q.review.notAnswered')}>
          <p>{t('portalSelf.q.review.missing', { count: missing.length })}</p>
        </Alert>
      ) : null}
      <ol class="portal-answers">
        {def.items.map((item, i) => (
          <li class="mb-5">
            <p class="mb-1">{t(item.text)}</p>
            <p class="mt-0 mb-1">
              <strong>{answerText(ctx, item, q.answers[item.id])}</strong>
            </p>
            {done ? null : (
              <a
                href={stepPath(q.instrument, i + 1)}
                aria-label={t('portalSelf.q.review.editLabel', { step: i + 1 })}
              >
                {t('portalSelf.q.review.edit')}
              </a>
            )}
          </li>
        ))}
      </ol>
      {done ? null : (
        <Form ctx={ctx} action={stepPath(q.instrument, REVIEW_STEP)}>
          <button type="submit" class="button button-primary">
            {t('portalSelf.q.review.send')}
          </button>
        </Form>
      )}
      <p class="mt-6">
        <a href={PORTAL_QUESTIONNAIRES}>{t('portalSelf.q.review.toList')}</a>
      </p>
    </PortalLayout>
  );
}
