import { danishDateOf } from '../../domain/calendar-date.ts';
import { formatKr } from '../../domain/money.ts';
import type { VoucherView } from '../../services/money/voucher.service.ts';
import type { PageContext } from '../context.ts';
import { formatDate } from '../format.ts';
import { shopText, VoucherCode, VoucherFacts, voucherFacts, VoucherQr } from '../components/voucher-code.tsx';
import { PortalLayout } from './portal-layout.tsx';

// "Mine værdibeviser" (spec: Citizen portal): each voucher ready to use as the citizen shows it in the
// shop — a large QR code that a cheap phone's screen still shows sharply, the code in large type, the
// shop, what it buys, the most it may cost and the last day — and below, the ones used, ended or out of
// date, in one line each. Amounts only where the programme lets the citizen see them
// (spec: Hidden amounts).

export const PORTAL_VOUCHERS = '/borger/vaerdibeviser';

/** One voucher ready to use, as a card the shop scans. */
function ReadyVoucher({
  ctx,
  base,
  voucher: v,
  seesAmount,
}: {
  ctx: PageContext;
  base: URL;
  voucher: VoucherView;
  seesAmount: boolean;
}) {
  const { t } = ctx;
  return (
    <li class="card portal-card voucher-card">
      <div class="card-content">
        <h3 class="card-heading">{v.title}</h3>
        <p class="portal-state portal-state--good">{t('label.voucherStatus.issued')}</p>
        <VoucherQr ctx={ctx} base={base} code={v.code} class="qr--phone" />
        <VoucherCode ctx={ctx} code={v.code} />
        <VoucherFacts
          class="portal-facts"
          facts={voucherFacts(ctx, { ...v, maxAmount: seesAmount ? v.maxAmount : null })}
        />
        {seesAmount ? null : <p class="mt-4">{t('voucherPages.portal.maxHidden')}</p>}
      </div>
    </li>
  );
}

/** A used, ended or expired voucher, in one line. */
function pastText(ctx: PageContext, v: VoucherView, seesAmount: boolean): string {
  const { t, lang } = ctx;
  switch (v.status) {
    case 'redeemed': {
      const shop = v.redeemedBy ?? shopText(ctx, v);
      const date = v.redeemedAt ? formatDate(danishDateOf(v.redeemedAt), lang) : '';
      return seesAmount && v.redeemedAmount !== null
        ? t('voucherPages.portal.used', { date, shop, amount: formatKr(v.redeemedAmount) })
        : t('voucherPages.portal.usedNoAmount', { date, shop });
    }
    case 'expired':
      return t('voucherPages.portal.expired', { date: formatDate(v.expiresOn, lang) });
    case 'cancelled':
      return t('voucherPages.portal.cancelled');
    case 'issued':
      return t('label.voucherStatus.issued');
  }
}

export function PortalVouchersPage({
  ctx,
  base,
  vouchers,
  seesAmount,
}: {
  ctx: PageContext;
  /** The app's address, for the link in the QR code. */
  base: URL;
  vouchers: VoucherView[];
  seesAmount: boolean;
}) {
  const { t } = ctx;
  const title = t('portal.nav.vouchers');
  const ready = vouchers.filter((v) => v.status === 'issued');
  const past = vouchers.filter((v) => v.status !== 'issued');
  return (
    <PortalLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="font-lead">{t('voucherPages.portal.lede')}</p>
      {vouchers.length === 0 ? (
        <>
          <p>
            <strong>{t('voucherPages.portal.none')}</strong>
          </p>
          <p>{t('voucherPages.portal.noneHint')}</p>
        </>
      ) : null}
      {ready.length > 0 ? (
        <section aria-labelledby="vouchers-ready">
          <h2 id="vouchers-ready">{t('voucherPages.portal.ready')}</h2>
          <p>{t('voucherPages.portal.how')}</p>
          <p>{t('voucherPages.portal.screen')}</p>
          <ul class="unstyled-list portal-cards">
            {ready.map((v) => (
              <ReadyVoucher ctx={ctx} base={base} voucher={v} seesAmount={seesAmount} />
            ))}
          </ul>
        </section>
      ) : null}
      {past.length > 0 ? (
        <section aria-labelledby="vouchers-past">
          <h2 id="vouchers-past">{t('voucherPages.portal.past')}</h2>
          <ul class="unstyled-list portal-ideas">
            {past.map((v) => (
              <li>
                <strong>{v.title}</strong>
                <br />
                {pastText(ctx, v, seesAmount)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p class="mt-6">{t('voucherPages.portal.help')}</p>
    </PortalLayout>
  );
}
