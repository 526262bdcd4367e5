import type { FieldErrors } from '../../domain/errors.ts';
import type { PortalIdea, PortalPlan } from '../../services/portal/portal.service.ts';
import { ErrorSummary, Form, TextField, type Values } from '../components/form.tsx';
import type { PageContext } from '../context.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { Notice } from './portal-home.page.tsx';
import { PortalLayout } from './portal-layout.tsx';

// "Min drøm og mine mål" and the idea list: the citizen's plan in their own words. The dream and the
// ideas are theirs to write; the goals and sub-goals are made with the support person and shown here.

interface FormProps {
  ctx: PageContext;
  values?: Values | undefined;
  errors?: FieldErrors | undefined;
  notice?: string | undefined;
}

export function PortalGoalsPage({ ctx, plan, values, errors, notice }: FormProps & { plan: PortalPlan }) {
  const { t } = ctx;
  const title = t('portal.nav.goals');
  return (
    <PortalLayout ctx={ctx} title={title} hasErrors={Boolean(errors)}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Notice ctx={ctx} text={notice} />
      <h1>{title}</h1>

      <h2>{t('portal.goals.dream')}</h2>
      {plan.editable ? (
        <Form ctx={ctx} action="/borger/maal/droem">
          <TextField
            ctx={ctx}
            name="dream"
            label={t('portal.goals.dreamLabel')}
            hint={t('portal.goals.dreamHint')}
            values={values ?? { dream: plan.dream }}
            errors={errors}
            multiline
          />
          <button type="submit" class="button button-primary">
            {t('portal.goals.saveDream')}
          </button>
        </Form>
      ) : (
        <>
          {plan.dream ? <p class="portal-own-words">{plan.dream}</p> : <p>{t('portal.goals.noDream')}</p>}
          <p>{t('portal.goals.closed')}</p>
        </>
      )}

      <h2>{t('portal.goals.goal')}</h2>
      {plan.goals.length === 0 ? (
        <p>{t('portal.goals.noGoal')}</p>
      ) : (
        <ul class="portal-list">
          {plan.goals.map((g) => (
            <li>{g.description}</li>
          ))}
        </ul>
      )}

      <h2>{t('portal.goals.subGoals')}</h2>
      <p>{t('portal.goals.subGoalsHint')}</p>
      {plan.subGoals.length === 0 ? (
        <p>{t('portal.goals.noSubGoals')}</p>
      ) : (
        <ol class="portal-list">
          {plan.subGoals.map((s) => (
            <li>
              <span>{s.description}</span>{' '}
              <span class={`badge${s.status === 'achieved' ? ' badge-success' : ''}`}>
                <span class="sr-only">{t('portal.goals.status')}: </span>
                {t(`portal.goals.status.${s.status}` as MessageKey)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </PortalLayout>
  );
}

export function PortalIdeasPage({
  ctx,
  ideas,
  editable,
  values,
  errors,
  notice,
}: FormProps & { ideas: PortalIdea[]; editable: boolean }) {
  const { t } = ctx;
  const title = t('portal.nav.ideas');
  return (
    <PortalLayout ctx={ctx} title={title} hasErrors={Boolean(errors)}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Notice ctx={ctx} text={notice} />
      <h1>{title}</h1>
      <p class="font-lead">{t('portal.ideas.lede')}</p>
      {editable ? (
        <Form ctx={ctx} action="/borger/ideer">
          <TextField
            ctx={ctx}
            name="text"
            label={t('portal.ideas.new')}
            values={values ?? {}}
            errors={errors}
            multiline
          />
          <button type="submit" class="button button-primary">
            {t('portal.ideas.add')}
          </button>
        </Form>
      ) : (
        <p>{t('portal.goals.closed')}</p>
      )}

      <h2>{t('portal.ideas.list')}</h2>
      {ideas.length === 0 ? (
        <p>{t('portal.ideas.none')}</p>
      ) : (
        <IdeaList ctx={ctx} ideas={ideas} editable={editable} />
      )}
    </PortalLayout>
  );
}

/** The ideas, the citizen's own and the support person's; the citizen may remove their own. */
function IdeaList({ ctx, ideas, editable }: { ctx: PageContext; ideas: PortalIdea[]; editable: boolean }) {
  const { t } = ctx;
  return (
    <ul class="unstyled-list portal-ideas">
      {ideas.map((idea) => (
        <li>
          <p class="portal-own-words">{idea.text}</p>
          {idea.status === 'chosen' || idea.status === 'set_aside' ? (
            <p>
              <span class="badge">{t(`portal.ideas.status.${idea.status}`)}</span>
            </p>
          ) : null}
          {idea.mine && editable ? (
            <Form ctx={ctx} action={`/borger/ideer/${idea.id}/fjern`} class="portal-inline-form">
              <button
                type="submit"
                class="button button-secondary"
                aria-label={t('portal.ideas.removeLabel', { text: idea.text.slice(0, 60) })}
              >
                {t('portal.ideas.remove')}
              </button>
            </Form>
          ) : idea.mine ? null : (
            <p class="form-hint">{t('portal.ideas.fromSupport')}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
