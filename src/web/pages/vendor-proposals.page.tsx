import type { FieldErrors } from '../../domain/errors.ts';
import { VENDOR_STATUS_LABELS } from '../../domain/vendor.ts';
import type { VendorListing, VendorProposalView } from '../../services/money/vendor-proposal.service.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorSummary, Form, RadioGroup, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import { PageCount, Pagination } from '../components/pagination.tsx';
import { SummaryTable } from '../components/summary-table.tsx';
import type { PageContext } from '../context.ts';
import { formatDateOf } from '../format.ts';
import { pageHref, type ListRead } from '../list-query.ts';

// Vendor proposals (spec: Vendors): the support person's form and their proposals with finance's
// answer; the proposals finance approves or rejects, and the page where a rejection gets its reason. The
// proposals are the vendor page's second list, 50 a page (spec: Lists), open ones first, under a page
// number of their own, so paging one list keeps the other's page.

/** The address's name of the proposals' page number (the vendor list's is `side`). */
export const PROPOSAL_PAGE = 'forslagsside';

/** The page of proposals with its count and page links; `decide`: the buttons on the open ones. */
export function ProposalList({
  ctx,
  list,
  decide,
}: {
  ctx: PageContext;
  list: ListRead<VendorListing>;
  decide: boolean;
}) {
  const { proposals } = list.result;
  return (
    <>
      <PageCount ctx={ctx} info={proposals} shown={proposals.items.length} />
      <ProposalTable ctx={ctx} proposals={proposals.items} decide={decide} />
      <Pagination
        ctx={ctx}
        info={proposals}
        label={ctx.t('list.vendors.proposalPages')}
        href={(n) => pageHref('/leverandoerer', list.values, n, PROPOSAL_PAGE)}
      />
    </>
  );
}

/** How a proposed vendor is paid: its IBAN, or the payment card. */
function proposalPayment(ctx: PageContext, p: Pick<VendorProposalView, 'iban' | 'paysByCard'>): string {
  return p.paysByCard ? ctx.t('vendors.paysByCard') : (p.iban ?? '');
}

/** The proposals: to finance with the buttons that decide an open one, to a support person their own. */
function ProposalTable({
  ctx,
  proposals,
  decide,
}: {
  ctx: PageContext;
  proposals: VendorProposalView[];
  decide: boolean;
}) {
  const { t, lang } = ctx;
  const caption = t(decide ? 'vendors.proposals.title' : 'vendors.proposals.mine');
  return (
    <DataTable
      caption={caption}
      rows={proposals}
      columns={[
        { header: t('vendors.name'), cell: (p) => p.name },
        { header: 'CVR', nowrap: true, cell: (p) => p.cvr ?? '' },
        { header: t('vendors.payment'), cell: (p) => proposalPayment(ctx, p) },
        ...(decide
          ? [{ header: t('vendors.proposals.proposedBy'), cell: (p: VendorProposalView) => p.proposedBy }]
          : []),
        {
          header: t('vendors.proposals.proposedAt'),
          nowrap: true,
          cell: (p) => formatDateOf(p.proposedAt, lang),
        },
        {
          header: t('vendors.status'),
          cell: (p) =>
            decide && p.status === 'proposed' ? (
              <DecideButtons ctx={ctx} proposal={p} />
            ) : (
              <>
                {t(VENDOR_STATUS_LABELS[p.status])}
                {p.rejectionReason ? <span class="d-block">{p.rejectionReason}</span> : null}
              </>
            ),
        },
      ]}
    />
  );
}

function DecideButtons({ ctx, proposal: p }: { ctx: PageContext; proposal: VendorProposalView }) {
  const { t } = ctx;
  return (
    <>
      <Form ctx={ctx} action={`/leverandoerer/${p.id}/godkend`} class="d-inline-block mr-4 mb-2">
        <button
          type="submit"
          class="button button-primary"
          aria-label={t('vendors.proposals.approveLabel', { name: p.name })}
        >
          {t('vendors.proposals.approve')}
        </button>
      </Form>
      <a
        href={`/leverandoerer/${p.id}/afvis`}
        class="button button-secondary"
        aria-label={t('vendors.proposals.rejectLabel', { name: p.name })}
      >
        {t('vendors.proposals.reject')}
      </a>
    </>
  );
}

/** The support person's proposal: name, CVR number, and an IBAN or the payment card. */
export function ProposeForm({
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
    <section aria-labelledby="forslag">
      <h2 id="forslag" class="mt-7">
        {t('vendors.propose.title')}
      </h2>
      <p>{t('vendors.propose.intro')}</p>
      <Form ctx={ctx} action="/leverandoerer/forslag">
        <TextField ctx={ctx} name="name" label={t('vendors.name')} values={values} errors={errors} />
        <TextField
          ctx={ctx}
          name="cvr"
          label={t('vendors.propose.cvr')}
          hint={t('vendors.propose.cvrHint')}
          inputmode="numeric"
          width="s"
          values={values}
          errors={errors}
        />
        <RadioGroup
          ctx={ctx}
          name="payWith"
          label={t('vendors.propose.payWith')}
          values={{ payWith: 'iban', ...values }}
          errors={errors}
          options={[
            { value: 'iban', label: t('vendors.propose.payWith.iban') },
            { value: 'card', label: t('vendors.propose.payWith.card') },
          ]}
        />
        <TextField
          ctx={ctx}
          name="iban"
          label={t('vendors.propose.iban')}
          hint={t('vendors.propose.ibanHint')}
          width="l"
          values={values}
          errors={errors}
        />
        <button type="submit" class="button button-primary">
          {t('vendors.propose.submit')}
        </button>
      </Form>
    </section>
  );
}

/** Finance rejects a proposal, with the reason the support person reads. */
export function RejectVendorPage({
  ctx,
  proposal: p,
  values = {},
  errors,
}: {
  ctx: PageContext;
  proposal: VendorProposalView;
  values?: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t, actor, lang } = ctx;
  const title = t('vendors.reject.title', { name: p.name });
  return (
    <Layout ctx={ctx} title={title} authority={actor?.municipalityName} hasErrors={!!errors}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      <SummaryTable
        caption={title}
        rows={[
          [t('vendors.name'), p.name],
          ['CVR', p.cvr ?? ''],
          [t('vendors.payment'), proposalPayment(ctx, p)],
          [t('vendors.proposals.proposedBy'), p.proposedBy],
          [t('vendors.proposals.proposedAt'), formatDateOf(p.proposedAt, lang)],
        ]}
      />
      <p class="mt-7">{t('vendors.reject.intro')}</p>
      <Form ctx={ctx} action={`/leverandoerer/${p.id}/afvis`}>
        <TextField
          ctx={ctx}
          name="reason"
          label={t('vendors.reject.reason')}
          multiline
          values={values}
          errors={errors}
        />
        <button type="submit" class="button button-primary mr-4">
          {t('vendors.reject.submit')}
        </button>
        <a href="/leverandoerer" class="button button-secondary">
          {t('vendors.reject.back')}
        </a>
      </Form>
    </Layout>
  );
}
