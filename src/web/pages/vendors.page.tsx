import type { FieldErrors } from '../../domain/errors.ts';
import { DoneNotice } from '../components/alert.tsx';
import { ErrorSummary, Form, TextField, type Values } from '../components/form.tsx';
import type { ListRead } from '../list-query.ts';
import { VendorList, type VendorView } from './vendor-list.tsx';
import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';
import type { VendorListing } from '../../services/money/vendor-proposal.service.ts';
import { ProposalList, ProposeForm } from './vendor-proposals.page.tsx';

// The municipality's vendor list (spec: Vendors): finance and the coordinator add to it and decide on the
// vendors support persons propose (vendor-proposals.page.tsx); a support person sees the approved list
// and proposes. Vendors never have accounts in the system. A shop redeems the citizens' vouchers with a
// redemption PIN issued here and shown once (spec: Vouchers).

export function VendorsPage({
  ctx,
  list,
  values = {},
  errors,
  notice,
}: {
  ctx: PageContext;
  list: ListRead<VendorListing>;
  values?: Values;
  errors?: FieldErrors | undefined;
  notice?: string | undefined;
}) {
  const { t, actor } = ctx;
  const { proposals, manages } = list.result;
  return (
    <Layout ctx={ctx} title={t('vendors.title')} authority={actor?.municipalityName} hasErrors={!!errors}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <DoneNotice notice={notice} iconLabel={t('finance.done')} />
      <h1>{t('vendors.title')}</h1>
      <p>{t(manages ? 'vendors.intro' : 'vendors.supportIntro')}</p>
      {manages ? (
        <ManagerParts ctx={ctx} list={list} values={values} errors={errors} />
      ) : (
        <>
          {/* The support person's own proposals and the form first; the list, long on a phone, after. */}
          {proposals.total > 0 ? (
            <>
              <h2 class="mt-7">{t('vendors.proposals.mine')}</h2>
              <ProposalList ctx={ctx} list={list} decide={false} />
            </>
          ) : null}
          <ProposeForm ctx={ctx} values={values} errors={errors} />
          <h2 class="mt-7">{t('vendors.approvedList')}</h2>
          <VendorList ctx={ctx} list={list} />
        </>
      )}
    </Layout>
  );
}

/** Finance's and the coordinator's part: the proposals waiting, the list with PINs, adding a vendor. */
function ManagerParts({
  ctx,
  list,
  values,
  errors,
}: {
  ctx: PageContext;
  list: ListRead<VendorListing>;
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const { proposals } = list.result;
  // Open proposals come first, so a page with one opens with them.
  const waiting = proposals.items.some((p) => p.status === 'proposed');
  return (
    <>
      {proposals.total > 0 ? (
        <>
          <h2>{t(waiting ? 'vendors.proposals.waiting' : 'vendors.proposals.title')}</h2>
          <ProposalList ctx={ctx} list={list} decide />
        </>
      ) : null}
      <h2 class={proposals.total > 0 ? 'mt-7' : undefined}>
        {t(list.values.status === 'proposed' ? 'list.vendors.proposedList' : 'vendors.approvedList')}
      </h2>
      <VendorList ctx={ctx} list={list} />
      <h2 class="mt-7">{t('vendors.new')}</h2>
      <NewVendorForm ctx={ctx} values={values} errors={errors} />
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
