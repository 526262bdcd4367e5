import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS } from '../../domain/expense-category.ts';
import { formatKr } from '../../domain/money.ts';
import type { Programme } from '../../services/cases/programme.service.ts';
import { Alert } from '../components/alert.tsx';
import { Layout } from '../components/layout.tsx';
import { SummaryTable } from '../components/summary-table.tsx';
import type { PageContext } from '../context.ts';
import { formatDate } from '../format.ts';
import { signInRows } from './programme-sign-in.fields.tsx';

// The municipality's programme and its rules (spec: Programme rules); the coordinator's form to change
// them is in programme-rules.page.tsx.

export function ProgrammePage({
  ctx,
  programme,
  saved,
  mitId,
}: {
  ctx: PageContext;
  programme: Programme;
  saved: boolean;
  /** The server knows MitID: the citizens' ways in are shown. */
  mitId: boolean;
}) {
  const { t, actor } = ctx;
  const rows = [...programmeRows(ctx, programme), ...signInRows(ctx, programme, mitId)];
  return (
    <Layout ctx={ctx} title={t('programme.title')} authority={actor?.municipalityName}>
      {saved ? (
        <Alert kind="success" iconLabel={t('common.saved')}>
          <p>{t('programme.saved')}</p>
        </Alert>
      ) : null}
      <h1>{t('programme.title')}</h1>
      {actor?.role === 'coordinator' ? (
        <p>
          <a href={`/ordning/${programme.id}/regler`} class="button button-primary">
            {t('programme.edit')}
          </a>
        </p>
      ) : null}
      <SummaryTable caption={t('programme.title')} rows={rows} />
      <h2>{t('programme.section.categories')}</h2>
      <CategoryRulesTable ctx={ctx} programme={programme} />
    </Layout>
  );
}

/** The programme's rules as label–value rows. */
function programmeRows(ctx: PageContext, programme: Programme): [string, string][] {
  const { t, lang } = ctx;
  const r = programme.rules;
  const yesNo = (b: boolean) => (b ? t('programme.yes') : t('programme.no'));
  return [
    [t('programme.name'), programme.name],
    [t('programme.targetGroup'), programme.targetGroup],
    [t('programme.periodStart'), programme.periodStart ? formatDate(programme.periodStart, lang) : '–'],
    [t('programme.periodEnd'), programme.periodEnd ? formatDate(programme.periodEnd, lang) : '–'],
    [t('programme.pool'), formatKr(programme.pool)],
    [t('programme.maxGrant'), formatKr(r.maxGrant)],
    [t('programme.singleApprovalLimit'), formatKr(r.singleApprovalLimit)],
    [t('programme.receiptsRequired'), yesNo(r.receiptsRequired)],
    [t('programme.accountString'), r.accountString || '–'],
    [t('programme.durationMonths'), String(r.durationMonths)],
    [t('programme.maxLeadInMonths'), String(r.maxLeadInMonths)],
    [t('programme.citizenSeesAmount'), yesNo(r.citizenSeesAmount)],
    [t('programme.unusedFunds'), t(`programme.unusedFunds.${r.unusedFunds}`)],
    [
      t('programme.directTransferEnabled'),
      r.directTransfer.enabled
        ? `${yesNo(true)} · ${formatKr(r.directTransfer.maxPerTransfer)} / ${formatKr(r.directTransfer.maxTotal)}`
        : yesNo(false),
    ],
    [t('voucherStaff.programme.enabled'), yesNo(r.voucher.enabled)],
    ...(r.voucher.enabled
      ? [[t('voucherStaff.programme.anyVendor'), yesNo(r.voucher.anyVendor)] as [string, string]]
      : []),
    [
      t('programme.retentionMonths'),
      t('programme.retentionValue', { months: programme.privacy.retentionMonths }),
    ],
    [t('programme.legalBasis'), t(`programme.legalBasis.${programme.privacy.legalBasis}`)],
    [t('programme.privacyContact'), programme.privacy.contact ?? '–'],
  ];
}

/** Each expense category's rule and guideline, and whether it may be bought with a voucher. */
function CategoryRulesTable({ ctx, programme }: { ctx: PageContext; programme: Programme }) {
  const { t } = ctx;
  const r = programme.rules;
  const vouchers = r.voucher.enabled;
  return (
    <table class="table table--zebra table--responsive-headers">
      <caption class="sr-only">{t('programme.section.categories')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('programme.category')}</th>
          <th scope="col">{t('programme.categoryRule')}</th>
          <th scope="col">{t('programme.guideline')}</th>
          {vouchers ? <th scope="col">{t('voucherStaff.programme.categoryVoucher')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {EXPENSE_CATEGORIES.map((c) => (
          <tr>
            <td data-title={t('programme.category')}>{t(EXPENSE_CATEGORY_LABELS[c])}</td>
            <td data-title={t('programme.categoryRule')}>{t(`programme.rule.${r.categoryRules[c].rule}`)}</td>
            <td data-title={t('programme.guideline')}>{r.categoryRules[c].guideline || '–'}</td>
            {vouchers ? (
              <td data-title={t('voucherStaff.programme.categoryVoucher')}>
                {t(r.categoryRules[c].voucher ? 'programme.yes' : 'programme.no')}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
