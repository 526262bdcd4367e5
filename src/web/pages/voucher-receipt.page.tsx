import type { FieldErrors } from '../../domain/errors.ts';
import { EXPENSE_CATEGORY_LABELS, type ExpenseCategory } from '../../domain/expense-category.ts';
import { formatKr } from '../../domain/money.ts';
import { formatVoucherCode } from '../../domain/voucher.ts';
import type { ShopVoucherView } from '../../services/money/voucher-redeem.ts';
import { Form, TextField, type Values } from '../components/form.tsx';
import { SummaryTable } from '../components/summary-table.tsx';
import type { PageContext } from '../context.ts';
import { formatDate, labelOf } from '../format.ts';
import { FieldFrame, RECEIPT_PATH, ShopFrame } from './voucher-shop.page.tsx';

// Step 2 of redeeming a voucher: what was approved — the purchase, its category, the maximum, the last
// day and the shop — never anything about the citizen; then the receipt's amount, number and file. The
// form's own key (`_idem`) is the redemption's: the same form sent again gets the same confirmation.

interface ReceiptProps {
  ctx: PageContext;
  /** The signed ticket from the PIN and the code, carried to the redemption. */
  ticket: string;
  voucher: ShopVoucherView;
  values?: Values;
  errors?: FieldErrors | undefined;
}

export function VoucherReceiptPage(props: ReceiptProps) {
  const { ctx, voucher, errors } = props;
  const { t } = ctx;
  return (
    <ShopFrame ctx={ctx} title={t('voucherShop.title')} errors={errors}>
      <h1>{t('voucherShop.title')}</h1>
      <p class="font-lead">{t('voucherShop.approved.lead', { max: formatKr(voucher.maxAmount) })}</p>
      <h2>{t('voucherShop.approved.heading')}</h2>
      <Approved ctx={ctx} voucher={voucher} />
      <h2>{t('voucherShop.receipt.heading')}</h2>
      <ReceiptForm {...props} />
    </ShopFrame>
  );
}

/** What was approved, and for which shop. */
function Approved({ ctx, voucher }: { ctx: PageContext; voucher: ShopVoucherView }) {
  const { t, lang } = ctx;
  return (
    <SummaryTable
      caption={t('voucherShop.approved.heading')}
      rows={[
        [t('voucherShop.approved.title'), voucher.title],
        [
          t('voucherShop.approved.category'),
          labelOf(t, EXPENSE_CATEGORY_LABELS[voucher.category as ExpenseCategory]) ?? voucher.category,
        ],
        [t('voucherShop.approved.max'), formatKr(voucher.maxAmount)],
        [t('voucherShop.approved.lastDay'), formatDate(voucher.expiresOn, lang)],
        [t('voucherShop.approved.shop'), voucher.shopName],
        [t('voucherShop.approved.code'), formatVoucherCode(voucher.code)],
      ]}
    />
  );
}

function ReceiptForm({ ctx, ticket, voucher, values = {}, errors }: ReceiptProps) {
  const { t } = ctx;
  const f = { ctx, values, errors };
  return (
    <Form ctx={ctx} action={RECEIPT_PATH} enctype="multipart/form-data">
      <input type="hidden" name="ticket" value={ticket} />
      <TextField
        {...f}
        name="amountKr"
        label={t('voucherShop.receipt.amount')}
        hint={t('voucherShop.receipt.amountHint', { max: formatKr(voucher.maxAmount) })}
        inputmode="decimal"
        autocomplete="off"
        width="s"
        suffix="kr."
      />
      <TextField
        {...f}
        name="receiptNumber"
        label={t('voucherShop.receipt.number')}
        autocomplete="off"
        width="m"
      />
      <FieldFrame
        ctx={ctx}
        name="file"
        label={t('voucherShop.receipt.file')}
        hint={t('voucherShop.receipt.fileHint')}
        errors={errors}
      >
        {(a11y) => (
          <input
            {...a11y}
            class="form-file-input"
            type="file"
            name="file"
            accept="application/pdf,image/jpeg,image/png"
          />
        )}
      </FieldFrame>
      <button type="submit" class="button button-primary">
        {t('voucherShop.receipt.submit')}
      </button>
    </Form>
  );
}
