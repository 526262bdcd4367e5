import { EXPENSE_CATEGORY_LABELS } from '../../domain/expense-category.ts';
import { isCaseOpen } from '../../domain/case-lifecycle.ts';
import type { FieldErrors } from '../../domain/errors.ts';
import { formatKr, type Ore } from '../../domain/money.ts';
import { PURCHASE_STATUS_LABELS, type PurchaseStatus } from '../../domain/purchase-request.ts';
import type { BudgetOverview, PurchaseRequestView } from '../../services/money/budget.service.ts';
import { Alert } from '../components/alert.tsx';
import { DataTable } from '../components/data-table.tsx';
import { ErrorSummary, Form, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import { SummaryTable } from '../components/summary-table.tsx';
import type { PageContext } from '../context.ts';
import { formatDate, formatDateOf } from '../format.ts';
import type { MessageKey } from '../../i18n/index.ts';

// The case's budget (spec: Budget ledger): granted, reserved, paid and available; spending by
// sub-goal and by category; the purchase requests with what needs attention; every posting. The
// coordinator grants here, within the programme's maximum and what is left in the pool.

export function BudgetPage({
  ctx,
  overview,
  done,
  values = {},
  errors,
}: {
  ctx: PageContext;
  overview: BudgetOverview;
  done?: Done | undefined;
  values?: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t, actor } = ctx;
  const b = overview.balance;
  const figures: [string, string][] = [
    [t('money.granted'), formatKr(b.granted)],
    [t('money.reserved'), formatKr(b.reserved)],
    [t('money.spent'), formatKr(b.spent)],
    [t('money.available'), formatKr(b.available)],
  ];
  if (b.refunded > 0) figures.splice(3, 0, [t('money.refunded'), formatKr(b.refunded)]);
  if (b.returned > 0) figures.push([t('money.returned'), formatKr(b.returned)]);
  const open = isCaseOpen(overview.phase);
  return (
    <Layout ctx={ctx} title={t('money.title')} authority={actor?.municipalityName} hasErrors={!!errors}>
      <p>
        <a href={`/forloeb/${overview.caseId}`}>{t('plan.back')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('money.title')}</h1>
      {done ? <DoneAlert ctx={ctx} done={done} /> : null}
      <section class="mt-6">
        <h2>{t('money.figures')}</h2>
        <SummaryTable caption={t('money.figures')} rows={figures} />
      </section>
      {overview.poolRemaining !== null && open ? (
        <GrantForm ctx={ctx} overview={overview} values={values} errors={errors} />
      ) : null}
      <Requests ctx={ctx} overview={overview} open={open} />
      <Spending ctx={ctx} overview={overview} />
      <Postings ctx={ctx} overview={overview} />
    </Layout>
  );
}

/** What a success alert says after the 303, keyed by the `ok` query parameter. */
export const DONE = [
  'bevilget',
  'oprettet',
  'bekraeftet',
  'indsendt',
  'godkendt',
  'afvist',
  'annulleret',
  'bilag',
] as const;
export type Done = (typeof DONE)[number];

export function DoneAlert({ ctx, done }: { ctx: PageContext; done: Done }) {
  return (
    <Alert kind="success" iconLabel={ctx.t('money.done')}>
      <p>{ctx.t(`money.done.${done}` as MessageKey)}</p>
    </Alert>
  );
}

function GrantForm({
  ctx,
  overview,
  values,
  errors,
}: {
  ctx: PageContext;
  overview: BudgetOverview;
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const left = overview.maxGrant - overview.balance.granted;
  return (
    <section class="mt-7">
      <h2>{t('money.grant')}</h2>
      <p>
        {t('money.grant.limits', {
          max: formatKr(overview.maxGrant),
          left: formatKr(Math.max(0, left) as Ore),
          pool: formatKr(overview.poolRemaining ?? (0 as Ore)),
        })}
      </p>
      <Form ctx={ctx} action={`/forloeb/${overview.caseId}/budget/bevilling`}>
        <TextField
          ctx={ctx}
          name="grant.amountKr"
          label={t('money.grant.amount')}
          hint={t('field.amount.hint')}
          inputmode="decimal"
          width="s"
          suffix="kr."
          values={values}
          errors={errors}
        />
        <TextField
          ctx={ctx}
          name="grant.note"
          label={t('money.grant.note')}
          hint={t('money.optional')}
          values={values}
          errors={errors}
        />
        <button type="submit" class="button button-primary">
          {t('money.grant.submit')}
        </button>
      </Form>
    </section>
  );
}

export function StatusTag({ ctx, status }: { ctx: PageContext; status: PurchaseStatus }) {
  const kind: Record<PurchaseStatus, string> = {
    draft: '',
    submitted: 'badge-info',
    approved: 'badge-success',
    rejected: 'badge-error',
    cancelled: '',
    paid: 'badge-success',
    refunded: 'badge-warning',
  };
  return <span class={`badge ${kind[status]}`.trim()}>{ctx.t(PURCHASE_STATUS_LABELS[status])}</span>;
}

/** What needs attention on a request, in words. */
export function flagsOf(ctx: PageContext, r: PurchaseRequestView): string[] {
  const { t } = ctx;
  const flags: string[] = [];
  if (r.needsCoordinator && (r.status === 'draft' || r.status === 'submitted')) {
    flags.push(t('money.flag.coordinator'));
  }
  if (r.citizenDeclined && r.status === 'draft') {
    flags.push(`${t('money.declined.heading')}. ${t('money.declined.next')}`);
  }
  for (const n of r.possibleDuplicates) flags.push(t('money.flag.duplicate', { number: n }));
  if (r.missing.includes('receipt')) flags.push(t('money.flag.receipt'));
  if (r.missing.includes('invoice')) flags.push(t('money.flag.invoice'));
  if (r.voucher?.status === 'issued') {
    flags.push(t('voucherPages.flag.issued', { date: formatDate(r.voucher.expiresOn, ctx.lang) }));
  }
  if (r.voucher?.status === 'redeemed' && r.status === 'approved')
    flags.push(t('voucherPages.flag.redeemed'));
  return flags;
}

function Requests({ ctx, overview, open }: { ctx: PageContext; overview: BudgetOverview; open: boolean }) {
  const { t } = ctx;
  const caption = t('money.requests');
  return (
    <section class="mt-7" id="anmodninger">
      <h2>{caption}</h2>
      {open ? (
        <p>
          <a class="button button-secondary" href={`/forloeb/${overview.caseId}/anmodninger/ny`}>
            {t('money.new')}
          </a>
        </p>
      ) : null}
      {overview.requests.length === 0 ? (
        <p>{t('money.requests.none')}</p>
      ) : (
        <DataTable
          caption={caption}
          scroll
          rows={overview.requests}
          columns={[
            { header: t('money.number'), cell: (r) => `#${r.number}` },
            {
              header: t('money.what'),
              cell: (r) => <a href={`/forloeb/${overview.caseId}/anmodninger/${r.id}`}>{r.title}</a>,
            },
            { header: t('money.amount'), nowrap: true, cell: (r) => formatKr(r.amount) },
            { header: t('money.status'), cell: (r) => <StatusTag ctx={ctx} status={r.status} /> },
            { header: t('money.flags'), cell: (r) => flagsOf(ctx, r).join(' · ') || '–' },
          ]}
        />
      )}
    </section>
  );
}

function SpendingTable({
  ctx,
  caption,
  first,
  rows,
}: {
  ctx: PageContext;
  caption: string;
  first: string;
  rows: [string, Ore, Ore][];
}) {
  const { t } = ctx;
  return (
    <>
      <h3 class="mt-5">{caption}</h3>
      <DataTable
        caption={caption}
        scroll
        rows={rows}
        columns={[
          { header: first, cell: ([label]) => label },
          { header: t('money.reserved'), nowrap: true, cell: ([, reserved]) => formatKr(reserved) },
          { header: t('money.spent'), nowrap: true, cell: ([, , spent]) => formatKr(spent) },
        ]}
      />
    </>
  );
}

function Spending({ ctx, overview }: { ctx: PageContext; overview: BudgetOverview }) {
  const { t } = ctx;
  if (overview.bySubGoal.length === 0 && overview.byCategory.length === 0) return null;
  return (
    <section class="mt-7">
      <h2>{t('money.spending')}</h2>
      <SpendingTable
        ctx={ctx}
        caption={t('money.bySubGoal')}
        first={t('money.subGoal')}
        rows={overview.bySubGoal.map((s) => [s.description ?? t('money.noSubGoal'), s.reserved, s.spent])}
      />
      <SpendingTable
        ctx={ctx}
        caption={t('money.byCategory')}
        first={t('money.category')}
        rows={overview.byCategory.map((s) => [t(EXPENSE_CATEGORY_LABELS[s.category]), s.reserved, s.spent])}
      />
    </section>
  );
}

function Postings({ ctx, overview }: { ctx: PageContext; overview: BudgetOverview }) {
  const { t, lang } = ctx;
  const caption = t('money.postings');
  return (
    <section class="mt-7">
      <h2>{caption}</h2>
      {overview.postings.length === 0 ? (
        <p>{t('money.postings.none')}</p>
      ) : (
        <DataTable
          caption={caption}
          scroll
          rows={[...overview.postings].reverse()}
          columns={[
            {
              header: t('money.posting.date'),
              cell: (p) => (p.paidOn ? formatDate(p.paidOn, lang) : formatDateOf(p.postedAt, lang)),
            },
            { header: t('money.posting.kind'), cell: (p) => t(`money.posting.${p.kind}` as MessageKey) },
            { header: t('money.amount'), nowrap: true, cell: (p) => formatKr(p.amount) },
            {
              header: t('money.number'),
              cell: (p) => (p.requestNumber === null ? '–' : `#${p.requestNumber}`),
            },
            { header: t('money.posting.by'), cell: (p) => p.postedBy ?? t('audit.system') },
            {
              header: t('money.posting.reference'),
              cell: (p) => [p.reference, p.note].filter(Boolean).join(' – ') || '–',
            },
          ]}
        />
      )}
    </section>
  );
}
