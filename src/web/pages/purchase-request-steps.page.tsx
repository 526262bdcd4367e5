import type { FieldErrors } from '../../domain/errors.ts';
import { formatKr } from '../../domain/money.ts';
import type { BudgetOverview, PurchaseRequestView } from '../../services/money/budget.service.ts';
import { Form, RadioGroup, TextField, type Values } from '../components/form.tsx';
import type { PageContext } from '../context.ts';
import { isSpendingPeriod } from '../../domain/case-lifecycle.ts';
import { translate } from '../../i18n/index.ts';

// The steps allowed now on a purchase request (spec: Request lifecycle): the citizen's confirmation and
// submitting a draft, approving or rejecting a submitted request, and cancelling. The services decide;
// these forms leave out what would certainly be refused. The primary button is always the next step
// that can succeed — a draft's confirmation before its submission — and a step that cannot succeed yet
// is said in words, without a button (spec: Refused steps).

export function Steps({
  ctx,
  overview,
  request: r,
  base,
  values,
  errors,
}: {
  ctx: PageContext;
  overview: BudgetOverview;
  request: PurchaseRequestView;
  base: string;
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const draft = r.status === 'draft';
  const submitted = r.status === 'submitted';
  const cancellable = draft || submitted || r.status === 'approved';
  if (!cancellable) return null;
  const active = isSpendingPeriod(overview.phase);
  return (
    <section class="mt-7">
      <h2>{t('money.steps')}</h2>
      {draft && !r.citizenConfirmed ? (
        <ConfirmStep ctx={ctx} base={base} values={values} errors={errors} />
      ) : null}
      {draft && r.citizenConfirmed ? <SubmitStep ctx={ctx} base={base} active={active} /> : null}
      {submitted ? (
        <ApproveStep
          ctx={ctx}
          overview={overview}
          request={r}
          base={base}
          active={active}
          values={values}
          errors={errors}
        />
      ) : null}
      <CancelStep ctx={ctx} request={r} base={base} values={values} errors={errors} />
    </section>
  );
}

/** The citizen's confirmation of the request, in person or in the portal (spec: Request lifecycle). */
function ConfirmStep({
  ctx,
  base,
  values,
  errors,
}: {
  ctx: PageContext;
  base: string;
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const confirmValues = { confirm: { how: 'in_person' }, ...values };
  return (
    <div class="mt-5" id="bekraeft">
      <h3>{t('money.confirm')}</h3>
      <p>{t('confirm.request.confirmFirst')}</p>
      <Form ctx={ctx} action={`${base}/bekraeft`}>
        <RadioGroup
          ctx={ctx}
          name="confirm.how"
          label={t('money.confirm.how')}
          options={[
            { value: 'in_person', label: t('money.how.in_person') },
            { value: 'portal', label: t('money.how.portal') },
          ]}
          values={confirmValues}
          errors={errors}
        />
        <TextField
          ctx={ctx}
          name="confirm.date"
          label={t('money.confirm.date')}
          hint={t('money.confirm.date.hint')}
          type="date"
          width="m"
          values={values}
          errors={errors}
        />
        <button type="submit" class="button button-primary">
          {t('money.confirm.submit')}
        </button>
      </Form>
    </div>
  );
}

/** Sending the confirmed draft for approval; only in the active period (spec: Lead-in; spec: Pauses). */
function SubmitStep({ ctx, base, active }: { ctx: PageContext; base: string; active: boolean }) {
  const { t } = ctx;
  return (
    <div class="mt-6">
      <h3>{t('money.submit')}</h3>
      <p>
        {t('money.submit.ready')} {active ? null : t('confirm.request.submitWhenActive')}
      </p>
      {active ? (
        <Form ctx={ctx} action={`${base}/indsend`}>
          <button type="submit" class="button button-primary">
            {t('money.submit.submit')}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

/** Approving a submitted request (or why it cannot be now), or rejecting it with a reason. */
function ApproveStep({
  ctx,
  overview,
  request: r,
  base,
  active,
  values,
  errors,
}: {
  ctx: PageContext;
  overview: BudgetOverview;
  request: PurchaseRequestView;
  base: string;
  active: boolean;
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  return (
    <div class="mt-5">
      <h3>{t('money.approve')}</h3>
      {!active ? (
        <p>{t('confirm.request.approveWhenActive')}</p>
      ) : r.approval.ok ? (
        <ApproveForm ctx={ctx} overview={overview} request={r} base={base} />
      ) : (
        <p>{translate(t, r.approval.message)}</p>
      )}
      <h3 class="mt-6">{t('money.reject')}</h3>
      <Form ctx={ctx} action={`${base}/afvis`}>
        <TextField
          ctx={ctx}
          name="reject.reason"
          label={t('money.reason')}
          multiline
          values={values}
          errors={errors}
        />
        <button type="submit" class="button button-secondary">
          {t('money.reject.submit')}
        </button>
      </Form>
    </div>
  );
}

/** What approving means now (the limit, what is available, possible duplicates) and its button. */
function ApproveForm({
  ctx,
  overview,
  request: r,
  base,
}: {
  ctx: PageContext;
  overview: BudgetOverview;
  request: PurchaseRequestView;
  base: string;
}) {
  const { t } = ctx;
  return (
    <>
      <p>
        {t('money.approve.fourEyes', { limit: formatKr(overview.singleApprovalLimit) })}{' '}
        {t('money.approve.available', { available: formatKr(overview.balance.available) })}
      </p>
      {r.possibleDuplicates.length > 0 ? (
        <p>
          <strong>
            {t('money.approve.duplicates', {
              numbers: r.possibleDuplicates.map((n) => `#${n}`).join(', '),
            })}
          </strong>
        </p>
      ) : null}
      <Form ctx={ctx} action={`${base}/godkend`}>
        <button type="submit" class="button button-primary">
          {t('money.approve.submit')}
        </button>
      </Form>
    </>
  );
}

/** Cancelling with a reason; an approved request's reservation is released. */
function CancelStep({
  ctx,
  request: r,
  base,
  values,
  errors,
}: {
  ctx: PageContext;
  request: PurchaseRequestView;
  base: string;
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  return (
    <div class="mt-6">
      <h3>{t('money.cancel')}</h3>
      {r.status === 'approved' ? <p>{t('money.cancel.releases')}</p> : null}
      <Form ctx={ctx} action={`${base}/annuller`}>
        <TextField
          ctx={ctx}
          name="cancel.reason"
          label={t('money.reason')}
          multiline
          values={values}
          errors={errors}
        />
        <button type="submit" class="button button-secondary">
          {t('money.cancel.submit')}
        </button>
      </Form>
    </div>
  );
}
