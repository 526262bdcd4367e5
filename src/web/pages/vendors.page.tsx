import type { FieldErrors } from '../../domain/errors.ts';
import { DoneNotice } from '../components/alert.tsx';
import { DataTable } from '../components/data-table.tsx';
import { ErrorSummary, Form, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';

// The municipality's vendor list (spec: Vendors): finance and the
// coordinator add to it; vendors never have accounts in the system.

export interface VendorView {
  id: string;
  name: string;
  cvr: string | null;
  bank_registration: string | null;
  bank_account: string | null;
  iban: string | null;
  ean: string | null;
}

export function VendorsPage({
  ctx,
  vendors,
  values = {},
  errors,
  notice,
}: {
  ctx: PageContext;
  vendors: VendorView[];
  values?: Values;
  errors?: FieldErrors | undefined;
  notice?: string | undefined;
}) {
  const { t, actor } = ctx;
  return (
    <Layout ctx={ctx} title={t('vendors.title')} authority={actor?.municipalityName} hasErrors={!!errors}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <DoneNotice notice={notice} iconLabel={t('finance.done')} />
      <h1>{t('vendors.title')}</h1>
      <p>{t('vendors.intro')}</p>
      {vendors.length === 0 ? <p>{t('vendors.none')}</p> : <VendorTable ctx={ctx} vendors={vendors} />}
      <h2 class="mt-7">{t('vendors.new')}</h2>
      <NewVendorForm ctx={ctx} values={values} errors={errors} />
    </Layout>
  );
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
        {
          header: t('finance.account'),
          cell: (v) =>
            v.bank_registration && v.bank_account
              ? `${v.bank_registration} ${v.bank_account}`
              : (v.iban ?? ''),
        },
        { header: 'EAN', cell: (v) => v.ean ?? '' },
      ]}
    />
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
