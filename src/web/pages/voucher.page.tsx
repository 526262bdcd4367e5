import { formatKr } from '../../domain/money.ts';
import { formatVoucherCode, VOUCHER_STATUS_LABELS, type VoucherStatus } from '../../domain/voucher.ts';
import type { VoucherView } from '../../services/money/voucher.service.ts';
import { Alert } from '../components/alert.tsx';
import { Layout } from '../components/layout.tsx';
import { SummaryTable } from '../components/summary-table.tsx';
import {
  redeemAddress,
  redeemLink,
  VoucherCode,
  VoucherFacts,
  voucherFacts,
  VoucherQr,
} from '../components/voucher-code.tsx';
import type { PageContext } from '../context.ts';
import { formatDate, formatDateTime } from '../format.ts';

// A voucher as staff see it: the section on its purchase request's page, and the sheet to print and
// hand to the citizen, who takes it to the shop. The sheet carries what the shop needs and nothing about
// the citizen — no name, no CPR number — since it passes through the shop's hands.

const TAG: Record<VoucherStatus, string> = {
  issued: 'badge-success',
  redeemed: 'badge-info',
  cancelled: '',
  expired: 'badge-warning',
};

function VoucherTag({ ctx, status }: { ctx: PageContext; status: VoucherStatus }) {
  return <span class={`badge ${TAG[status]}`.trim()}>{ctx.t(VOUCHER_STATUS_LABELS[status])}</span>;
}

/** The address of the printable sheet of a request's voucher. */
function voucherSheetPath(caseId: string, requestId: string): string {
  return `/forloeb/${caseId}/anmodninger/${requestId}/vaerdibevis`;
}

/** On the purchase request's page: the voucher's state, and the link to print it while it can be used. */
export function VoucherSection({
  ctx,
  caseId,
  voucher: v,
}: {
  ctx: PageContext;
  caseId: string;
  voucher: VoucherView;
}) {
  const { t, lang } = ctx;
  const rows: [string, string][] = [
    [t('voucherPages.fact.code'), formatVoucherCode(v.code)],
    ...voucherFacts(ctx, v),
    [t('voucherPages.staff.issued'), formatDateTime(v.issuedAt, lang)],
  ];
  if (v.redeemedAt) rows.push([t('voucherPages.staff.redeemedAt'), formatDateTime(v.redeemedAt, lang)]);
  if (v.redeemedAmount !== null)
    rows.push([t('voucherPages.staff.redeemedAmount'), formatKr(v.redeemedAmount)]);
  if (v.redeemedBy) rows.push([t('voucherPages.staff.redeemedBy'), v.redeemedBy]);
  if (v.reference) rows.push([t('voucherPages.staff.reference'), v.reference]);
  return (
    <section class="mt-6" id="vaerdibevis" aria-labelledby="voucher-heading">
      <h2 id="voucher-heading">{t('voucherPages.staff.heading')}</h2>
      <p>
        <VoucherTag ctx={ctx} status={v.status} />
      </p>
      <SummaryTable caption={t('voucherPages.staff.heading')} rows={rows} />
      {v.status === 'issued' ? (
        <p>
          <a href={voucherSheetPath(caseId, v.requestId)}>{t('voucherPages.staff.print')}</a>
        </p>
      ) : null}
    </section>
  );
}

/**
 * The printable voucher: on paper only the sheet itself, sized to be cut out as an A6 card from one A4
 * page (app.css, `.voucher-sheet`). A voucher that can no longer be used is not shown as one.
 */
export function VoucherSheetPage({
  ctx,
  caseId,
  base,
  voucher: v,
}: {
  ctx: PageContext;
  caseId: string;
  /** The app's address: the shop's address and the QR code's link. */
  base: URL;
  voucher: VoucherView;
}) {
  const { t, actor } = ctx;
  const title = t('voucherPages.sheet.title', { number: v.requestNumber });
  const usable = v.status === 'issued';
  return (
    <Layout ctx={ctx} title={title} authority={actor?.municipalityName}>
      <div class="d-print-none">
        <p>
          <a href={`/forloeb/${caseId}/anmodninger/${v.requestId}`}>{t('voucherPages.sheet.back')}</a>
        </p>
        <h1>{title}</h1>
        <p>
          <VoucherTag ctx={ctx} status={v.status} />
        </p>
        {usable ? (
          <p class="font-lead">{t('voucherPages.sheet.print')}</p>
        ) : (
          <Alert kind="warning" iconLabel={t('voucherPages.staff.heading')}>
            <p>{t('voucherPages.sheet.notUsable', { status: t(VOUCHER_STATUS_LABELS[v.status]) })}</p>
          </Alert>
        )}
      </div>
      {usable ? <Sheet ctx={ctx} base={base} voucher={v} /> : null}
    </Layout>
  );
}

function Sheet({ ctx, base, voucher: v }: { ctx: PageContext; base: URL; voucher: VoucherView }) {
  const { t, lang, actor } = ctx;
  const lastDay = formatDate(v.expiresOn, lang);
  return (
    <article class="voucher-sheet mt-6" aria-labelledby="voucher-sheet-heading">
      <p class="voucher-sheet-from">{actor?.municipalityName}</p>
      <h2 id="voucher-sheet-heading" class="voucher-sheet-heading">
        {t('voucherPages.sheet.heading')}
      </h2>
      <div class="voucher-sheet-top">
        <VoucherQr ctx={ctx} base={base} code={v.code} class="qr--sheet" />
        <div>
          <VoucherCode ctx={ctx} code={v.code} class="voucher-code--sheet" />
          <VoucherFacts class="voucher-facts" facts={voucherFacts(ctx, v)} />
        </div>
      </div>
      <h3 class="voucher-sheet-subheading">{t('voucherPages.sheet.howTo')}</h3>
      <ol class="voucher-sheet-steps">
        <li>
          {v.shopName
            ? t('voucherPages.sheet.step1', { shop: v.shopName, date: lastDay })
            : t('voucherPages.sheet.step1.anyShop', { date: lastDay })}
        </li>
        <li>{t('voucherPages.sheet.step2')}</li>
        <li>{t('voucherPages.sheet.step3', { max: formatKr(v.maxAmount) })}</li>
        <li>{t('voucherPages.sheet.step4')}</li>
      </ol>
      <p class="voucher-sheet-shop">
        <strong>{t('voucherPages.sheet.shop', { address: redeemAddress(base) })}</strong>
      </p>
      <p class="voucher-sheet-link">{t('voucherPages.sheet.link', { link: redeemLink(base, v.code) })}</p>
    </article>
  );
}
