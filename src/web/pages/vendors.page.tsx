import type { FieldErrors } from '../../domain/errors.ts';
import { DoneNotice } from '../components/alert.tsx';
import { DataTable } from '../components/data-table.tsx';
import { ErrorSummary, Form, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';
import { formatDateTime } from '../format.ts';
import type { VendorListing } from '../../services/money/vendor-proposal.service.ts';
import { ProposalTable, ProposeForm } from './vendor-proposals.page.tsx';

// The municipality's vendor list (spec: Vendors): finance and the coordinator add to it and decide on the
// vendors support persons propose (vendor-proposals.page.tsx); a support person sees the approved list
// and proposes. Vendors never have accounts in the system. A shop redeems the citizens' vouchers with a
// redemption PIN issued here and shown once (spec: Vouchers).

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

export function VendorsPage({
  ctx,
  listing,
  values = {},
  errors,
  notice,
}: {
  ctx: PageContext;
  listing: VendorListing;
  values?: Values;
  errors?: FieldErrors | undefined;
  notice?: string | undefined;
}) {
  const { t, actor } = ctx;
  const { vendors, proposals, manages } = listing;
  return (
    <Layout ctx={ctx} title={t('vendors.title')} authority={actor?.municipalityName} hasErrors={!!errors}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <DoneNotice notice={notice} iconLabel={t('finance.done')} />
      <h1>{t('vendors.title')}</h1>
      <p>{t(manages ? 'vendors.intro' : 'vendors.supportIntro')}</p>
      {manages ? (
        <ManagerParts ctx={ctx} listing={listing} values={values} errors={errors} />
      ) : (
        <>
          {/* The support person's own proposals and the form first; the list, long on a phone, after. */}
          {proposals.length > 0 ? (
            <>
              <h2 class="mt-7">{t('vendors.proposals.mine')}</h2>
              <ProposalTable ctx={ctx} proposals={proposals} decide={false} />
            </>
          ) : null}
          <ProposeForm ctx={ctx} values={values} errors={errors} />
          <h2 class="mt-7">{t('vendors.approvedList')}</h2>
          {vendors.length === 0 ? (
            <p>{t('vendors.none')}</p>
          ) : (
            <PlainVendorTable ctx={ctx} vendors={vendors} />
          )}
        </>
      )}
    </Layout>
  );
}

/** Finance's and the coordinator's part: the proposals waiting, the list with PINs, adding a vendor. */
function ManagerParts({
  ctx,
  listing: { vendors, proposals },
  values,
  errors,
}: {
  ctx: PageContext;
  listing: VendorListing;
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const open = proposals.filter((p) => p.status === 'proposed');
  const decided = proposals.filter((p) => p.status !== 'proposed');
  return (
    <>
      {open.length > 0 ? (
        <>
          <h2>{t('vendors.proposals.waiting')}</h2>
          <ProposalTable ctx={ctx} proposals={open} decide />
        </>
      ) : null}
      <h2 class={open.length > 0 ? 'mt-7' : undefined}>{t('vendors.approvedList')}</h2>
      {vendors.length === 0 ? <p>{t('vendors.none')}</p> : <VendorTable ctx={ctx} vendors={vendors} />}
      {vendors.length > 0 ? <p>{t('voucherStaff.vendors.pinIntro')}</p> : null}
      <h2 class="mt-7">{t('vendors.new')}</h2>
      <NewVendorForm ctx={ctx} values={values} errors={errors} />
      {decided.length > 0 ? (
        <>
          <h2 class="mt-7">{t('vendors.proposals.title')}</h2>
          <ProposalTable ctx={ctx} proposals={decided} decide />
        </>
      ) : null}
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

/** The new redemption PIN, shown once in large type: the page is never kept for a repeat. */
export function VendorPinPage({ ctx, vendor, pin }: { ctx: PageContext; vendor: VendorView; pin: string }) {
  const { t, actor } = ctx;
  const title = t('voucherStaff.pin.title', { name: vendor.name });
  return (
    <Layout ctx={ctx} title={title} authority={actor?.municipalityName}>
      <h1>{title}</h1>
      <p class="font-lead">{t('voucherStaff.pin.text')}</p>
      <p class="one-time-code" id="redemption-pin">
        {pin}
      </p>
      <p>{t('voucherStaff.pin.replaces')}</p>
      <p>
        <a href="/leverandoerer" class="button button-secondary">
          {t('voucherStaff.pin.back')}
        </a>
      </p>
    </Layout>
  );
}

/** A vendor's name and CVR number, and where payments go. */
function NewVendorForm({
  ctx,
  values,
  errors,
}: {
  ctx: PageContext;
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  return (
    <Form ctx={ctx} action="/leverandoerer">
      <TextField ctx={ctx} name="name" label={t('vendors.name')} values={values} errors={errors} />
      <TextField
        ctx={ctx}
        name="cvr"
        label={t('vendors.cvr')}
        inputmode="numeric"
        width="s"
        values={values}
        errors={errors}
      />
      <PaymentFields ctx={ctx} values={values} errors={errors} />
      <button type="submit" class="button button-primary">
        {t('vendors.add')}
      </button>
    </Form>
  );
}

/** How the vendor is paid: bank registration and account or an IBAN, and an EAN (spec: Vendors). */
function PaymentFields({
  ctx,
  values,
  errors,
}: {
  ctx: PageContext;
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  return (
    <>
      <TextField
        ctx={ctx}
        name="bankRegistration"
        label={t('vendors.bankRegistration')}
        inputmode="numeric"
        width="xs"
        values={values}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name="bankAccount"
        label={t('vendors.bankAccount')}
        inputmode="numeric"
        width="m"
        values={values}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name="iban"
        label={t('vendors.iban')}
        hint={t('vendors.ibanHint')}
        width="l"
        values={values}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name="ean"
        label={t('vendors.ean')}
        inputmode="numeric"
        width="m"
        values={values}
        errors={errors}
      />
    </>
  );
}
