import { formatKr, ZERO_ORE } from '../../domain/money.ts';
import type {
  PortalBudget,
  PortalRequest,
  RequestState,
} from '../../services/portal/portal-money.service.ts';
import { Form } from '../components/form.tsx';
import type { PageContext } from '../context.ts';
import { formatDate } from '../format.ts';
import { Notice } from './portal-home.page.tsx';
import { PortalLayout } from './portal-layout.tsx';

// The citizen's money: "Mit budget", "Mine køb" and "Bekræft" ("Foreslå et køb" is in
// portal-propose.page.tsx). Amounts only where the programme lets the citizen see them; otherwise words
// without kroner (spec: Hidden amounts).

export function PortalBudgetPage({ ctx, budget }: { ctx: PageContext; budget: PortalBudget }) {
  const { t } = ctx;
  const title = t('portal.nav.budget');
  const totals = budget.totals;
  return (
    <PortalLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {!budget.hasGrant ? (
        <p class="font-lead">{t('portal.budget.noGrant')}</p>
      ) : totals ? (
        <>
          <BudgetTotals ctx={ctx} totals={totals} />
          <p class="form-hint">{t('portal.budget.reservedHint')}</p>
        </>
      ) : (
        <>
          <p class="font-lead">
            {t(budget.moneyLeft ? 'portal.budget.hiddenLeft' : 'portal.budget.hiddenNoneLeft')}
          </p>
          <p>{t('portal.budget.hidden')}</p>
        </>
      )}

      <SubGoalSpending ctx={ctx} budget={budget} />

      <h2>{t('portal.budget.rule')}</h2>
      <p>{t(`portal.budget.rule.${budget.unusedFunds}`)}</p>
      <p>{t('portal.budget.noCash')}</p>
    </PortalLayout>
  );
}

/** What is left, reserved, spent and granted, in kroner (only when the citizen may see amounts). */
function BudgetTotals({ ctx, totals }: { ctx: PageContext; totals: NonNullable<PortalBudget['totals']> }) {
  const { t } = ctx;
  return (
    <table class="table structured-list portal-totals">
      <tbody>
        <tr>
          <th scope="row">{t('portal.budget.left')}</th>
          <td class="portal-amount portal-amount--big">{formatKr(totals.available)}</td>
        </tr>
        <tr>
          <th scope="row">{t('portal.budget.reserved')}</th>
          <td class="portal-amount">{formatKr(totals.reserved)}</td>
        </tr>
        <tr>
          <th scope="row">{t('portal.budget.spent')}</th>
          <td class="portal-amount">{formatKr(totals.spent)}</td>
        </tr>
        <tr>
          <th scope="row">{t('portal.budget.granted')}</th>
          <td class="portal-amount">{formatKr(totals.granted)}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** The money by sub-goal: in kroner when the citizen sees amounts, otherwise whether it is used. */
function SubGoalSpending({ ctx, budget }: { ctx: PageContext; budget: PortalBudget }) {
  const { t } = ctx;
  const totals = budget.totals;
  return (
    <>
      <h2>{t('portal.budget.bySubGoal')}</h2>
      {budget.bySubGoal.length === 0 ? (
        <p>{t('portal.budget.noSubGoals')}</p>
      ) : totals ? (
        <div class="table--responsive-scroll" tabindex={0}>
          <table class="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('portal.budget.subGoal')}</th>
                <th scope="col" class="align-text-right portal-amount">
                  {t('portal.budget.reserved')}
                </th>
                <th scope="col" class="align-text-right portal-amount">
                  {t('portal.budget.spent')}
                </th>
              </tr>
            </thead>
            <tbody>
              {budget.bySubGoal.map((line) => (
                <tr>
                  <th scope="row" class="portal-cell-text">
                    {line.description ?? t('portal.budget.noSubGoal')}
                  </th>
                  <td class="align-text-right portal-amount">{formatKr(line.reserved ?? ZERO_ORE)}</td>
                  <td class="align-text-right portal-amount">{formatKr(line.spent ?? ZERO_ORE)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <ul class="portal-list">
          {budget.bySubGoal.map((line) => (
            <li>
              <strong>{line.description ?? t('portal.budget.noSubGoal')}</strong>
              <br />
              {t(line.used ? 'portal.budget.used' : 'portal.budget.notUsed')}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function stateText(ctx: PageContext, state: RequestState): string {
  const { t, lang } = ctx;
  switch (state.kind) {
    case 'confirmed':
      return t('portal.purchases.state.confirmed', { date: formatDate(state.on, lang) });
    case 'rejected':
      return t('portal.purchases.state.rejected', { reason: state.reason });
    case 'paid':
      return state.on
        ? t('portal.purchases.state.paid', { date: formatDate(state.on, lang) })
        : t('portal.purchases.state.paidNoDate');
    default:
      return t(`portal.purchases.state.${state.kind}`);
  }
}

/** One request as the citizen reads it: what, status in words, price, sub-goal. */
export function RequestCard({
  ctx,
  request,
  details,
  children,
}: {
  ctx: PageContext;
  request: PortalRequest;
  details?: boolean;
  children?: unknown;
}) {
  const { t } = ctx;
  const tone =
    request.state.kind === 'rejected'
      ? ' portal-state--bad'
      : request.state.kind === 'paid' || request.state.kind === 'approved'
        ? ' portal-state--good'
        : '';
  return (
    <li class="card portal-card">
      <div class="card-content">
        <h2 class="card-heading h3">{request.title}</h2>
        <p class={`portal-state${tone}`}>
          <span class="sr-only">{t('portal.purchases.status')}: </span>
          {stateText(ctx, request.state)}
        </p>
        <dl class="portal-facts">
          {details ? (
            <>
              <dt>{t('portal.purchases.why')}</dt>
              <dd>{request.purpose}</dd>
            </>
          ) : null}
          {request.amount !== null ? (
            <>
              <dt>{t('portal.purchases.price')}</dt>
              <dd>{formatKr(request.amount)}</dd>
            </>
          ) : null}
          {request.subGoal ? (
            <>
              <dt>{t('portal.purchases.subGoal')}</dt>
              <dd>{request.subGoal}</dd>
            </>
          ) : null}
          {details && request.vendor ? (
            <>
              <dt>{t('portal.purchases.shop')}</dt>
              <dd>{request.vendor}</dd>
            </>
          ) : null}
        </dl>
        {children}
      </div>
    </li>
  );
}

export function PortalPurchasesPage({
  ctx,
  requests,
  notice,
}: {
  ctx: PageContext;
  requests: PortalRequest[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const title = t('portal.nav.purchases');
  return (
    <PortalLayout ctx={ctx} title={title}>
      <Notice ctx={ctx} text={notice} />
      <h1>{title}</h1>
      <p>
        <a href="/borger/koeb/nyt" class="button button-primary">
          {t('portal.nav.propose')}
        </a>
      </p>
      {requests.length === 0 ? (
        <p>{t('portal.purchases.none')}</p>
      ) : (
        <ul class="unstyled-list portal-cards">
          {requests.map((r) => (
            <RequestCard ctx={ctx} request={r}>
              {r.state.kind === 'to_confirm' ? (
                <p>
                  <a href="/borger/bekraeft">{t('portal.purchases.confirmLink')}</a>
                </p>
              ) : null}
            </RequestCard>
          ))}
        </ul>
      )}
    </PortalLayout>
  );
}

export function PortalConfirmPage({
  ctx,
  requests,
  notice,
}: {
  ctx: PageContext;
  requests: PortalRequest[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const title = t('portal.nav.confirm');
  return (
    <PortalLayout ctx={ctx} title={title}>
      <Notice ctx={ctx} text={notice} />
      <h1>{title}</h1>
      {requests.length === 0 ? (
        <p class="font-lead">{t('portal.confirm.none')}</p>
      ) : (
        <>
          <p class="font-lead">{t('portal.confirm.lede')}</p>
          <ul class="unstyled-list portal-cards">
            {requests.map((r) => (
              <RequestCard ctx={ctx} request={r} details>
                <Form ctx={ctx} action={`/borger/bekraeft/${r.id}`} class="portal-inline-form">
                  <button
                    type="submit"
                    class="button button-primary mr-4"
                    aria-label={t('portal.confirm.yesLabel', { title: r.title })}
                  >
                    {t('portal.confirm.yes')}
                  </button>
                  <a
                    href={`/borger/bekraeft/${r.id}/nej`}
                    class="button button-secondary"
                    aria-label={t('portal.confirm.noLabel', { title: r.title })}
                  >
                    {t('portal.confirm.no')}
                  </a>
                </Form>
              </RequestCard>
            ))}
          </ul>
          <p>{t('portal.confirm.notRight')}</p>
        </>
      )}
    </PortalLayout>
  );
}
