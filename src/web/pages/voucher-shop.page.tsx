import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../../domain/errors.ts';
import { formatKr } from '../../domain/money.ts';
import type { RedemptionConfirmation } from '../../services/money/voucher-redeem.ts';
import { Alert } from '../components/alert.tsx';
import { ErrorSummary, fieldError, Form, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import { SummaryTable } from '../components/summary-table.tsx';
import type { PageContext } from '../context.ts';
import { formatDateTime } from '../format.ts';

// The shop's pages for a voucher, public and without an account: the shop's PIN and the voucher's code,
// a voucher that cannot be used, and the confirmation with the reference for the invoice. The receipt's
// form is in voucher-receipt.page.tsx. Plain words for a shop assistant at the counter, on a phone or a PC.

export const SHOP_PATH = '/indloes';
export const RECEIPT_PATH = '/indloes/kvittering';

/** The public pages' frame: the log-in pages' layout and column. */
export function ShopFrame({
  ctx,
  title,
  errors,
  children,
}: {
  ctx: PageContext;
  title: string;
  errors?: FieldErrors | undefined;
  children: Child;
}) {
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!errors}>
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <ErrorSummary ctx={ctx} errors={errors} />
          {children}
        </div>
      </div>
    </Layout>
  );
}

/**
 * A field written out, for the inputs TextField does not make (the code's keyboard hints, the file):
 * the label, the hint and the error, with the ids the error summary links to.
 */
export function FieldFrame({
  ctx,
  name,
  label,
  hint,
  errors,
  children,
}: {
  ctx: PageContext;
  name: string;
  label: string;
  hint: string;
  errors: FieldErrors | undefined;
  children: (a11y: { id: string; 'aria-describedby': string; 'aria-invalid'?: 'true' }) => Child;
}) {
  const error = fieldError(ctx, errors, name);
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <label class="form-label" for={name}>
        {label}
      </label>
      <span class="form-hint" id={`${name}-hint`}>
        {hint}
      </span>
      {error ? (
        <span class="form-error-message" id={`${name}-error`}>
          <span class="sr-only">{ctx.t('error.prefix')}</span>
          {error}
        </span>
      ) : null}
      {children({
        id: name,
        'aria-describedby': error ? `${name}-hint ${name}-error` : `${name}-hint`,
        ...(error ? { 'aria-invalid': 'true' as const } : {}),
      })}
    </div>
  );
}

/** Step 1: the shop's PIN and the voucher's code (prefilled from the QR code's link). */
export function VoucherCheckPage({
  ctx,
  values = {},
  errors,
}: {
  ctx: PageContext;
  values?: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const code = typeof values.code === 'string' ? values.code : '';
  return (
    <ShopFrame ctx={ctx} title={t('voucherShop.title')} errors={errors}>
      <h1>{t('voucherShop.title')}</h1>
      <p class="font-lead">{t('voucherShop.intro')}</p>
      <Form ctx={ctx} action={SHOP_PATH}>
        {/* The PIN is never shown again after a refusal, and never kept by the browser. */}
        <TextField
          ctx={ctx}
          values={{}}
          errors={errors}
          name="pin"
          label={t('voucherShop.pin')}
          hint={t('voucherShop.pinHint')}
          inputmode="numeric"
          autocomplete="off"
          width="s"
        />
        <FieldFrame
          ctx={ctx}
          name="code"
          label={t('voucherShop.code')}
          hint={t('voucherShop.codeHint')}
          errors={errors}
        >
          {(a11y) => (
            <input
              {...a11y}
              class="form-input input-width-m"
              type="text"
              name="code"
              value={code}
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
            />
          )}
        </FieldFrame>
        <button type="submit" class="button button-primary">
          {t('voucherShop.check')}
        </button>
      </Form>
      <p class="mt-6">{t('voucherShop.help')}</p>
    </ShopFrame>
  );
}

/** A voucher already used, cancelled, past its last day or for another shop: said plainly. */
export function VoucherRefusedPage({ ctx, reason }: { ctx: PageContext; reason: string }) {
  const { t } = ctx;
  return (
    <ShopFrame ctx={ctx} title={t('voucherShop.refused.title')}>
      <h1>{t('voucherShop.refused.title')}</h1>
      <Alert kind="error" iconLabel={t('error.prefix').replace(': ', '')}>
        <p>{reason}</p>
      </Alert>
      <p>{t('voucherShop.refused.help')}</p>
      <p>
        <a href={SHOP_PATH}>{t('voucherShop.refused.again')}</a>
      </p>
    </ShopFrame>
  );
}

/** The voucher is redeemed: the reference for the invoice, large, and who pays. */
export function VoucherRedeemedPage({ ctx, done }: { ctx: PageContext; done: RedemptionConfirmation }) {
  const { t, lang } = ctx;
  return (
    <ShopFrame ctx={ctx} title={t('voucherShop.done.title')}>
      <h1>{t('voucherShop.done.title')}</h1>
      <p class="mb-2">{t('voucherShop.done.reference')}</p>
      <p class="one-time-code mt-0">{done.reference}</p>
      <p class="font-lead">{t('voucherShop.done.writeReference')}</p>
      <p>{t('voucherShop.done.pays', { amount: formatKr(done.amount) })}</p>
      <SummaryTable
        caption={t('voucherShop.done.summary')}
        rows={[
          [t('voucherShop.approved.title'), done.title],
          [t('voucherShop.done.amount'), formatKr(done.amount)],
          [t('voucherShop.approved.shop'), done.shopName],
          [t('voucherShop.done.at'), formatDateTime(done.redeemedAt, lang)],
        ]}
      />
      <p class="mt-6">
        <a href={SHOP_PATH}>{t('voucherShop.done.another')}</a>
      </p>
    </ShopFrame>
  );
}
