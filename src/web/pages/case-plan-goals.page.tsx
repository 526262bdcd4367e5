import type { FieldErrors } from '../../domain/errors.ts';
import { formatKr } from '../../domain/money.ts';
import {
  GOAL_CATEGORIES,
  GOAL_CATEGORY_LABELS,
  SUB_GOAL_STATUS_LABELS,
  SUB_GOAL_STATUSES,
} from '../../domain/plan.ts';
import type { PlanView } from '../../services/cases/plan.service.ts';
import { CheckboxGroup, Form, SelectField, TextField, type Values } from '../components/form.tsx';
import type { PageContext } from '../context.ts';

// The plan's goals: long-term goals with goal categories, and at most five sub-goals with a status and
// planned activities with an estimated cost (spec: Goal plan). Forms prefix their fields ("goal.…",
// "sub_<id>.…") so several forms share one page without sharing an id.

export interface PlanFormProps {
  ctx: PageContext;
  plan: PlanView;
  values: Values;
  errors?: FieldErrors | undefined;
}

/**
 * The eight goal categories (spec: Goal categories) as checkboxes in one fieldset; at least one is needed.
 */
function CategoryBoxes({ ctx, values, errors }: Omit<PlanFormProps, 'plan'>) {
  const { t } = ctx;
  return (
    <CheckboxGroup
      ctx={ctx}
      name="goal.categories"
      label={t('plan.goal.categories')}
      options={GOAL_CATEGORIES.map((c) => ({ value: c, label: t(GOAL_CATEGORY_LABELS[c]) }))}
      values={values}
      errors={errors}
    />
  );
}

export function Goals({ ctx, plan, values, errors }: PlanFormProps) {
  const { t } = ctx;
  return (
    <section class="mt-7">
      <h2>{t('plan.goals')}</h2>
      {plan.goals.length === 0 ? <p>{t('plan.goals.none')}</p> : null}
      <ul>
        {plan.goals.map((g) => (
          <li class="mb-3">
            {g.description}
            <br />
            {g.categories.map((c) => (
              <span class="badge badge-info mr-2">{t(GOAL_CATEGORY_LABELS[c])}</span>
            ))}
          </li>
        ))}
      </ul>
      {plan.editable ? (
        <Form ctx={ctx} action={`/forloeb/${plan.caseId}/plan/maal`}>
          <h3>{t('plan.goal.add')}</h3>
          <TextField
            ctx={ctx}
            name="goal.description"
            label={t('plan.goal.description')}
            multiline
            values={values}
            errors={errors}
          />
          <CategoryBoxes ctx={ctx} values={values} errors={errors} />
          <button type="submit" class="button button-primary">
            {t('plan.goal.add')}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

const statusOptions = (ctx: PageContext) =>
  SUB_GOAL_STATUSES.map((s) => ({ value: s, label: ctx.t(SUB_GOAL_STATUS_LABELS[s]) }));

export function SubGoals({ ctx, plan, values, errors }: PlanFormProps) {
  const { t } = ctx;
  return (
    <section class="mt-7">
      <h2>{t('plan.subGoals', { count: plan.activeSubGoals, max: plan.maxSubGoals })}</h2>
      {plan.subGoals.length === 0 ? <p>{t('plan.subGoals.none')}</p> : null}
      <ol>
        {plan.subGoals.map((s) => (
          <li class="mb-6 sub-goal">
            <p class="mb-2">
              <strong>{s.description}</strong>{' '}
              <span class="badge">{ctx.t(SUB_GOAL_STATUS_LABELS[s.status])}</span>
            </p>
            {s.activities.length > 0 ? (
              <ul>
                {s.activities.map((a) => (
                  <li>
                    {a.description}
                    {a.estimatedCost === null ? '' : ` – ${formatKr(a.estimatedCost)}`}
                  </li>
                ))}
              </ul>
            ) : null}
            {plan.editable ? (
              <SubGoalForms ctx={ctx} plan={plan} sub={s} values={values} errors={errors} />
            ) : null}
          </li>
        ))}
      </ol>
      <p>{t('plan.estimatedTotal', { amount: formatKr(plan.estimatedTotal) })}</p>
      {plan.editable ? <NewSubGoalForm ctx={ctx} plan={plan} values={values} errors={errors} /> : null}
    </section>
  );
}

function SubGoalForms({ ctx, plan, sub, values, errors }: SubGoalProps) {
  const { t } = ctx;
  const edit = `sub_${sub.id}`;
  const act = `act_${sub.id}`;
  return (
    <details
      class="details"
      open={Object.keys(errors ?? {}).some((k) => k.startsWith(`${edit}.`) || k.startsWith(`${act}.`))}
    >
      <summary class="details-summary">{t('plan.subGoal.edit', { name: sub.description })}</summary>
      <div class="details-text">
        <StatusForm ctx={ctx} plan={plan} sub={sub} values={values} errors={errors} />
        <ActivityForm ctx={ctx} plan={plan} sub={sub} values={values} errors={errors} />
      </div>
    </details>
  );
}

/** A new sub-goal, with its status and the long-term goal it serves. */
function NewSubGoalForm({ ctx, plan, values, errors }: PlanFormProps) {
  const { t } = ctx;
  const goalOptions = [
    { value: '', label: '' },
    ...plan.goals.map((g) => ({ value: g.id, label: g.description })),
  ];
  return (
    <Form ctx={ctx} action={`/forloeb/${plan.caseId}/plan/delmaal`}>
      <h3>{t('plan.subGoal.add')}</h3>
      <TextField
        ctx={ctx}
        name="subGoal.description"
        label={t('plan.subGoal.description')}
        values={values}
        errors={errors}
      />
      <SelectField
        ctx={ctx}
        name="subGoal.status"
        label={t('plan.subGoal.status')}
        options={statusOptions(ctx)}
        values={values}
        errors={errors}
      />
      <SelectField
        ctx={ctx}
        name="subGoal.longTermGoalId"
        label={t('plan.subGoal.goal')}
        options={goalOptions}
        values={values}
        errors={errors}
      />
      <button type="submit" class="button button-primary">
        {t('plan.subGoal.add')}
      </button>
    </Form>
  );
}

type SubGoalProps = PlanFormProps & { sub: PlanView['subGoals'][number] };

/** A sub-goal's new status (its description and goal are sent along unchanged). */
function StatusForm({ ctx, plan, sub, values, errors }: SubGoalProps) {
  const { t } = ctx;
  const edit = `sub_${sub.id}`;
  const current = { [edit]: { status: sub.status }, ...values };
  return (
    <Form ctx={ctx} action={`/forloeb/${plan.caseId}/plan/delmaal/${sub.id}`}>
      <input type="hidden" name={`${edit}.description`} value={sub.description} />
      <input type="hidden" name={`${edit}.longTermGoalId`} value={sub.longTermGoalId ?? ''} />
      <SelectField
        ctx={ctx}
        name={`${edit}.status`}
        label={t('plan.subGoal.status')}
        options={statusOptions(ctx)}
        values={current}
        errors={errors}
      />
      <button type="submit" class="button button-secondary">
        {t('plan.subGoal.saveStatus')}
      </button>
    </Form>
  );
}

/** A planned activity of the sub-goal, with its estimated cost. */
function ActivityForm({ ctx, plan, sub, values, errors }: SubGoalProps) {
  const { t } = ctx;
  const act = `act_${sub.id}`;
  return (
    <Form ctx={ctx} action={`/forloeb/${plan.caseId}/plan/delmaal/${sub.id}/aktiviteter`}>
      <h3 class="h4">{t('plan.activity.add')}</h3>
      <TextField
        ctx={ctx}
        name={`${act}.description`}
        label={t('plan.activity.description')}
        values={values}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name={`${act}.estimatedCostKr`}
        label={t('plan.activity.cost')}
        hint={t('plan.activity.costHint')}
        inputmode="decimal"
        width="s"
        suffix={t('programme.kr')}
        values={values}
        errors={errors}
      />
      <button type="submit" class="button button-secondary">
        {t('plan.activity.add')}
      </button>
    </Form>
  );
}
