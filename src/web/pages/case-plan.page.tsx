import type { FieldErrors } from '../../domain/errors.ts';
import type { PlanRevisionView, PlanView } from '../../services/cases/plan.service.ts';
import { Alert } from '../components/alert.tsx';
import { DataTable } from '../components/data-table.tsx';
import { ErrorSummary, Form, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';
import { actorText, formatDateTime } from '../format.ts';
import { isMessageKey } from '../../i18n/index.ts';
import { Goals, SubGoals } from './case-plan-goals.page.tsx';

// The plan editor (spec: Goal plan): the dream in the citizen's own words, long-term goals, sub-goals
// with activities, the idea list, and the revision history: who changed what, when.

export function PlanPage({
  ctx,
  plan,
  history,
  values = {},
  errors,
}: {
  ctx: PageContext;
  plan: PlanView;
  history: PlanRevisionView[];
  values?: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t, actor } = ctx;
  const dreamValues = { dream: { dream: plan.dream }, ...values };
  return (
    <Layout ctx={ctx} title={t('plan.title')} authority={actor?.municipalityName} hasErrors={!!errors}>
      <p>
        <a href={`/forloeb/${plan.caseId}`}>{t('plan.back')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('plan.title')}</h1>
      {plan.editable ? null : (
        <Alert kind="info" iconLabel={t('referral.info')}>
          <p>{t('plan.readOnly')}</p>
        </Alert>
      )}
      <section class="mt-6">
        <h2>{t('plan.dream')}</h2>
        {plan.editable ? (
          <Form ctx={ctx} action={`/forloeb/${plan.caseId}/plan/droem`}>
            <TextField
              ctx={ctx}
              name="dream.dream"
              label={t('plan.dream.label')}
              hint={t('plan.dream.hint')}
              multiline
              values={dreamValues}
              errors={errors}
            />
            <button type="submit" class="button button-primary">
              {t('plan.dream.save')}
            </button>
          </Form>
        ) : (
          <p class="note-body">{plan.dream || t('plan.dream.none')}</p>
        )}
      </section>
      <Goals ctx={ctx} plan={plan} values={values} errors={errors} />
      <SubGoals ctx={ctx} plan={plan} values={values} errors={errors} />
      <Ideas ctx={ctx} plan={plan} values={values} errors={errors} />
      <History ctx={ctx} history={history} />
    </Layout>
  );
}

function Ideas({
  ctx,
  plan,
  values,
  errors,
}: {
  ctx: PageContext;
  plan: PlanView;
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  return (
    <section class="mt-7">
      <h2>{t('plan.ideas')}</h2>
      {plan.ideas.length === 0 ? <p>{t('plan.ideas.none')}</p> : null}
      <ul>
        {plan.ideas.map((i) => (
          <li>{i.text}</li>
        ))}
      </ul>
      {plan.editable ? (
        <Form ctx={ctx} action={`/forloeb/${plan.caseId}/plan/ideer`}>
          <TextField ctx={ctx} name="idea.text" label={t('plan.idea.text')} values={values} errors={errors} />
          <button type="submit" class="button button-secondary">
            {t('plan.idea.add')}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

/** What the change said, in a few words: the item's text as it was after the change (or before a removal). */
function gist(r: PlanRevisionView): string {
  const snapshot = (r.after ?? r.before) as Record<string, unknown> | null;
  const text = ['description', 'text', 'dream'].map((k) => snapshot?.[k]).find((v) => typeof v === 'string');
  return typeof text === 'string' ? ` – ${text.length > 80 ? `${text.slice(0, 79)}…` : text}` : '';
}

function label(ctx: PageContext, key: string): string {
  return isMessageKey(key) ? ctx.t(key) : key;
}

function History({ ctx, history }: { ctx: PageContext; history: PlanRevisionView[] }) {
  const { t, lang } = ctx;
  const caption = t('plan.history');
  return (
    <section class="mt-7">
      <h2>{caption}</h2>
      {history.length === 0 ? (
        <p>{t('plan.history.none')}</p>
      ) : (
        <DataTable
          caption={caption}
          scroll
          rows={[...history].reverse()}
          columns={[
            { header: t('case.timeline.when'), cell: (r) => formatDateTime(r.at, lang) },
            { header: t('case.timeline.who'), cell: (r) => actorText(ctx, r.actor) },
            {
              header: t('case.timeline.what'),
              cell: (r) =>
                `${label(ctx, `plan.entity.${r.entityType}`)}: ${label(ctx, `plan.change.${r.change}`)}${gist(r)}`,
            },
          ]}
        />
      )}
    </section>
  );
}
