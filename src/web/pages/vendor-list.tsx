import type { VendorListing } from '../../services/money/vendor-proposal.service.ts';
import { VENDOR_SORTS } from '../../domain/list-orders.ts';
import { DataTable } from '../components/data-table.tsx';
import { Form, SelectField } from '../components/form.tsx';
import { ListFilter } from '../components/list-filter.tsx';
import { PageCount, Pagination } from '../components/pagination.tsx';
import type { PageContext } from '../context.ts';
import { formatDateTime } from '../format.ts';
import { pageHref, type ListRead } from '../list-query.ts';

// The vendor list of the vendor page (spec: Vendors; spec: Lists), 50 a page: to a support person the vendors
// that may be chosen, with how they are paid; to finance and the coordinator also the proposed ones, and
// the approved ones with their redemption PINs.

/** A vendor as the vendor list and the PIN page show it. */
export interface VendorView {
  id: string;
  name: string;
  cvr: string | null;
  bank_registration: string | null;
  bank_account: string | null;
  iban: string | null;
  ean: string | null;
  /** When the shop's redemption PIN was issued; null: it has none. */
  redemption_pin_set_at: Date | null;
  pays_by_card: boolean;
}

/**
 * The vendor list a page at a time, searched by name or CVR number; finance and the coordinator also see
 * the proposed vendors this way, and the approved ones with their redemption PINs.
 */
export function VendorList({ ctx, list }: { ctx: PageContext; list: ListRead<VendorListing> }) {
  const { t } = ctx;
  const { result, values, errors } = list;
  const { vendors, manages } = result;
  if (vendors.total === 0 && Object.keys(values).length === 0) return <p>{t('vendors.none')}</p>;
  const withPins = manages && values.status !== 'proposed';
  const statuses = (['active', 'proposed'] as const).map((s) => ({
    value: s,
    label: t(`list.vendors.${s}`),
  }));
  return (
    <>
      <ListFilter
        ctx={ctx}
        action="/leverandoerer"
        values={values}
        errors={errors}
        sorts={VENDOR_SORTS.map((s) => ({ value: s, label: t(`list.vendors.sort.${s}`) }))}
        searchHint={t('list.vendors.searchHint')}
        submit={t('list.submit')}
      >
        {manages ? (
          <SelectField
            ctx={ctx}
            name="status"
            label={t('list.status')}
            options={statuses}
            values={values}
            errors={errors}
          />
        ) : null}
      </ListFilter>
      {vendors.items.length === 0 ? (
        <p>{t('list.none')}</p>
      ) : (
        <>
          <PageCount ctx={ctx} info={vendors} shown={vendors.items.length} />
          {withPins ? (
            <VendorTable ctx={ctx} vendors={vendors.items} />
          ) : (
            <PlainVendorTable ctx={ctx} vendors={vendors.items} />
          )}
          <Pagination ctx={ctx} info={vendors} href={(n) => pageHref('/leverandoerer', values, n)} />
          {withPins ? <p>{t('voucherStaff.vendors.pinIntro')}</p> : null}
        </>
      )}
    </>
  );
}

/** The list as a support person chooses from it: who, and how they are paid. */
function PlainVendorTable({ ctx, vendors }: { ctx: PageContext; vendors: VendorView[] }) {
  const { t } = ctx;
  return (
    <DataTable
      caption={t('vendors.title')}
      rows={vendors}
      columns={[
        { header: t('vendors.name'), cell: (v) => v.name },
        { header: 'CVR', nowrap: true, cell: (v) => v.cvr ?? '' },
        { header: t('vendors.payment'), cell: (v) => paymentText(ctx, v) },
      ]}
    />
  );
}

/** Where a vendor's payments go: the Danish account, the IBAN, or the payment card. */
function paymentText(ctx: PageContext, v: VendorView): string {
  if (v.bank_registration && v.bank_account) return `${v.bank_registration} ${v.bank_account}`;
  return v.iban ?? (v.pays_by_card ? ctx.t('vendors.paysByCard') : '');
}

function VendorTable({ ctx, vendors }: { ctx: PageContext; vendors: VendorView[] }) {
  const { t } = ctx;
  return (
    <DataTable
      caption={t('vendors.title')}
      rows={vendors}
      columns={[
        { header: t('vendors.name'), cell: (v) => v.name },
        { header: 'CVR', cell: (v) => v.cvr ?? '' },
        { header: t('finance.account'), cell: (v) => paymentText(ctx, v) },
        { header: 'EAN', cell: (v) => v.ean ?? '' },
        { header: t('voucherStaff.vendors.pin'), cell: (v) => <PinCell ctx={ctx} vendor={v} /> },
      ]}
    />
  );
}

/** Whether the shop has a redemption PIN, and the button that issues a new one. */
function PinCell({ ctx, vendor: v }: { ctx: PageContext; vendor: VendorView }) {
  const { t, lang } = ctx;
  const set = v.redemption_pin_set_at;
  return (
    <>
      <span class="d-block">
        {set
          ? t('voucherStaff.vendors.pinSet', { at: formatDateTime(set, lang) })
          : t('voucherStaff.vendors.pinNone')}
      </span>
      <Form ctx={ctx} action={`/leverandoerer/${v.id}/pin`} class="mt-2">
        <button
          type="submit"
          class="button button-secondary"
          aria-label={t(set ? 'voucherStaff.vendors.reissueLabel' : 'voucherStaff.vendors.issueLabel', {
            name: v.name,
          })}
        >
          {t(set ? 'voucherStaff.vendors.reissue' : 'voucherStaff.vendors.issue')}
        </button>
      </Form>
    </>
  );
}
