import { EXPENSE_CATEGORY_LABELS } from '../../domain/expense-category.ts';
import type { FieldErrors } from '../../domain/errors.ts';
import { formatKr } from '../../domain/money.ts';
import { PAYMENT_METHOD_LABELS } from '../../domain/purchase-request.ts';
import type { BudgetOverview, PurchaseRequestView } from '../../services/money/budget.service.ts';
import type { VoucherView } from '../../services/money/voucher.service.ts';
import { AttachmentsSection } from '../attachments.tsx';
import { Alert } from '../components/alert.tsx';
import { ErrorSummary, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import { SummaryTable } from '../components/summary-table.tsx';
import type { PageContext } from '../context.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { DoneAlert, flagsOf, StatusTag, type Done } from './case-budget.page.tsx';

// A purchase request's own page (spec: Request lifecycle): its details, its attachments and the steps allowed
// now.

import { Steps } from './purchase-request-steps.page.tsx';
import { VoucherSection } from './voucher.page.tsx';
export function RequestPage({
  ctx,
  overview,
  request: r,
  voucher,
  done,
  values,
  errors,
}: {
  ctx: PageContext;
  overview: BudgetOverview;
  request: PurchaseRequestView;
  /** The request's voucher, when it is paid by one and approved. */
  voucher?: VoucherView | null | undefined;
  done?: Done | undefined;
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t, actor } = ctx;
  const title = t('money.request.title', { number: r.number, title: r.title });
  const base = `/forloeb/${overview.caseId}/anmodninger/${r.id}`;
  const rows = requestRows(ctx, r);
  const flags = flagsOf(ctx, r);
  return (
    <Layout ctx={ctx} title={title} authority={actor?.municipalityName} hasErrors={!!errors}>
      <p>
        <a href={`/forloeb/${overview.caseId}/budget`}>{t('money.back')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      <p>
        <StatusTag ctx={ctx} status={r.status} />
      </p>
      {done ? <DoneAlert ctx={ctx} done={done} /> : null}
      <FlagsAlert ctx={ctx} flags={flags} />
      <section class="mt-6">
        <h2>{t('money.request.details')}</h2>
        <SummaryTable caption={t('money.request.details')} rows={rows} />
      </section>
      {voucher ? <VoucherSection ctx={ctx} caseId={overview.caseId} voucher={voucher} /> : null}
      {/* The next step before the attachments: on a phone it is what the page is for. */}
      <Steps ctx={ctx} overview={overview} request={r} base={base} values={values} errors={errors} />
      {/* The attachments' slot (id "bilag"): list, download and upload are attachments.tsx's. */}
      <div class="mt-7">
        <AttachmentsSection
          ctx={ctx}
          requestId={r.id}
          attachments={r.attachments}
          canUpload={r.status !== 'rejected' && r.status !== 'cancelled'}
        />
      </div>
    </Layout>
  );
}

/** The request's details, as label–value rows; what is not there is left out. */
function requestRows(ctx: PageContext, r: PurchaseRequestView): [string, string][] {
  const { t, lang } = ctx;
  const rows: [string, string][] = [
    [t('money.amount'), formatKr(r.amount)],
    [t('money.field.purpose'), r.purpose],
    [t('money.category'), t(EXPENSE_CATEGORY_LABELS[r.category])],
  ];
  if (r.justification) rows.push([t('money.field.justification'), r.justification]);
  rows.push(
    [t('money.subGoal'), r.subGoal?.description ?? t('money.noSubGoal')],
    [
      t('money.field.vendor'),
      r.vendor ? `${r.vendor.name}${r.vendor.cvr ? ` (CVR ${r.vendor.cvr})` : ''}` : '–',
    ],
    [t('money.field.paymentMethod'), t(PAYMENT_METHOD_LABELS[r.paymentMethod])],
  );
  if (r.links) rows.push([t('money.field.links'), r.links]);
  rows.push(
    [
      t('money.confirmed'),
      r.citizenConfirmed
        ? t('money.confirmed.yes', {
            date: formatDate(r.citizenConfirmed.on, lang),
            how: t(`money.how.${r.citizenConfirmed.how}`),
          })
        : r.citizenDeclined
          ? declinedText(ctx, r.citizenDeclined)
          : t('money.confirmed.no'),
    ],
    [
      t('money.createdBy'),
      `${r.createdByCitizen ? t('portal.staff.proposedBy', { name: r.createdBy }) : r.createdBy}, ${formatDateTime(r.createdAt, lang)}`,
    ],
  );
  if (r.decidedBy && r.decidedAt)
    rows.push([t('money.decidedBy'), `${r.decidedBy}, ${formatDateTime(r.decidedAt, lang)}`]);
  if (r.rejectionReason) rows.push([t('money.rejectionReason'), r.rejectionReason]);
  if (r.cancellationReason) rows.push([t('money.cancellationReason'), r.cancellationReason]);
  if (r.reserved > 0) rows.push([t('money.reserved'), formatKr(r.reserved)]);
  if (r.paid > 0) rows.push([t('money.paid'), formatKr(r.paid)]);
  if (r.refunded > 0) rows.push([t('money.refunded'), formatKr(r.refunded)]);
  return rows;
}

/** The citizen's "no" in the portal: when, and their reason if they gave one. */
function declinedText(ctx: PageContext, declined: { at: Date; reason: string | null }): string {
  const { t, lang } = ctx;
  const said = t('money.declined.when', { at: formatDateTime(declined.at, lang) });
  const reason = declined.reason
    ? t('money.declined.reason', { reason: declined.reason })
    : t('money.declined.noReason');
  return `${said} ${reason}`;
}

/** What needs attention on the request, as a warning above its details. */
function FlagsAlert({ ctx, flags }: { ctx: PageContext; flags: string[] }) {
  const { t } = ctx;
  if (flags.length === 0) return null;
  return (
    <Alert kind="warning" heading={t('money.flags')} iconLabel={t('money.flags')}>
      <ul class="nobullet-list">
        {flags.map((f) => (
          <li>{f}</li>
        ))}
      </ul>
    </Alert>
  );
}
