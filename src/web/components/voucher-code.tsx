import { formatVoucherCode } from '../../domain/voucher.ts';
import type { Ore } from '../../domain/money.ts';
import { formatKr } from '../../domain/money.ts';
import type { VoucherView } from '../../services/money/voucher.service.ts';
import type { PageContext } from '../context.ts';
import { formatDate } from '../format.ts';
import { QrCode } from './qr.tsx';

// What every view of a voucher shares — the citizen's page, the printed sheet, the staff's section: the
// shop's address, the QR code that holds it, and the code as people read it (three groups of four).

/** Where a shop redeems vouchers (the shop's own pages). */
const REDEEM_PATH = '/indloes';

/** The shop's address for redeeming, as printed for the shop to type. */
export function redeemAddress(base: URL): string {
  return new URL(REDEEM_PATH, base).href;
}

/** The link a voucher's QR code holds: the shop's page with the code filled in. */
export function redeemLink(base: URL, code: string): string {
  return new URL(`${REDEEM_PATH}/${code}`, base).href;
}

/**
 * The code in large type. A screen reader gets it spelled out, group by group, so "ABCD" is not read
 * as a word.
 */
export function VoucherCode({
  ctx,
  code,
  class: className,
}: {
  ctx: PageContext;
  code: string;
  class?: string;
}) {
  const groups = formatVoucherCode(code).split(' ');
  // The code's characters are all ASCII (VOUCHER_ALPHABET).
  const spelled = groups.map((g) => g.split('').join(' ')).join(', ');
  return (
    <p class={className ? `voucher-code ${className}` : 'voucher-code'}>
      <span class="sr-only">{`${ctx.t('voucherPages.fact.code')}: ${spelled}`}</span>
      <span aria-hidden="true">{groups.join(' ')}</span>
    </p>
  );
}

/** The voucher's QR code, labelled for a screen reader. */
export function VoucherQr({
  ctx,
  base,
  code,
  class: className,
}: {
  ctx: PageContext;
  base: URL;
  code: string;
  class?: string;
}) {
  return (
    <QrCode
      text={redeemLink(base, code)}
      label={ctx.t('voucherPages.qrLabel')}
      {...(className ? { class: className } : {})}
    />
  );
}

/** The shop named on the voucher, or any shop on the municipality's list. */
export function shopText(ctx: PageContext, v: Pick<VoucherView, 'shopName'>): string {
  return v.shopName ?? ctx.t('voucherPages.anyShop');
}

/** What the voucher says, as label–value pairs: shop, what it buys, the maximum, the last day. */
export function voucherFacts(
  ctx: PageContext,
  v: Pick<VoucherView, 'shopName' | 'title' | 'expiresOn'> & { maxAmount: Ore | null },
): [string, string][] {
  const { t, lang } = ctx;
  const facts: [string, string][] = [
    [t('voucherPages.fact.shop'), shopText(ctx, v)],
    [t('voucherPages.fact.buys'), v.title],
  ];
  if (v.maxAmount !== null) facts.push([t('voucherPages.fact.max'), formatKr(v.maxAmount)]);
  facts.push([t('voucherPages.fact.lastDay'), formatDate(v.expiresOn, lang)]);
  return facts;
}

/** The same as a description list. */
export function VoucherFacts({ facts, class: className }: { facts: [string, string][]; class: string }) {
  return (
    <dl class={className}>
      {facts.map(([label, value]) => (
        <>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}
