import { PREFERRED_LANGUAGE_LABELS } from '../../domain/case-intake.ts';
import { formatKr, type Ore } from '../../domain/money.ts';
import { VOUCHER_STATUS_LABELS } from '../../domain/voucher.ts';
import type { FullCopy } from '../../services/privacy/data-subject-copy.ts';
import { DataTable } from '../components/data-table.tsx';
import { Layout } from '../components/layout.tsx';
import { SummaryTable } from '../components/summary-table.tsx';
import type { PageContext } from '../context.ts';
import { actorText, formatDateTime } from '../format.ts';
import { purposeText, whenText, whoText } from '../portal/pages/access-log.page.tsx';
import { date, label } from '../portal/pages/personal-data-case.page.tsx';
import { CaseSection } from '../portal/pages/personal-data.page.tsx';
import { RequestsSection, privacyPath } from './data-subject.page.tsx';
import { auditLabel } from './home.page.tsx';

// The full copy of a citizen's data as a page to read and print (spec: Full copy). It is written to the
// citizen, in the words of their own "Mine data", and holds what that withholds: internal notes, the
// support person's questionnaires, every staff member's name in the access log, the audit events. On
// paper the header, menu and footer are left out (app.css), and so are the page's own links.

export function FullCopyPage({ ctx, copy, caseId }: { ctx: PageContext; copy: FullCopy; caseId: string }) {
  const { t, actor } = ctx;
  const title = t('dataSubject.copy.pageTitle', { name: copy.person.name });
  return (
    <Layout ctx={ctx} title={title} authority={actor?.municipalityName}>
      <div class="full-copy">
        <p class="d-print-none">
          <a href={privacyPath(caseId)}>{t('dataSubject.back')}</a>
        </p>
        <h1>{title}</h1>
        <p class="font-lead">
          {t('dataSubject.copy.made', {
            authority: actor?.municipalityName ?? '',
            when: whenText(ctx, copy.exportedAt),
            by: actorText(ctx, copy.producedBy),
          })}
        </p>
        <p class="d-print-none">{t('dataSubject.copy.print')}</p>
        <PersonSection ctx={ctx} copy={copy} />
        {copy.cases.map((c) => (
          <CaseSection ctx={ctx} c={c} />
        ))}
        <VoucherSection ctx={ctx} copy={copy} />
        <AccessLogSection ctx={ctx} copy={copy} />
        <AuditSection ctx={ctx} copy={copy} />
        <RequestsSection ctx={ctx} requests={copy.requests} />
      </div>
    </Layout>
  );
}

function PersonSection({ ctx, copy }: { ctx: PageContext; copy: FullCopy }) {
  const { t } = ctx;
  const p = copy.person;
  const caption = t('portalSelf.data.person');
  return (
    <section class="mt-6" aria-labelledby="copy-person">
      <h2 id="copy-person">{caption}</h2>
      <SummaryTable
        caption={caption}
        rows={[
          [t('portalSelf.data.name'), p.name],
          [t('portalSelf.data.cpr'), p.cpr ?? t('dataSubject.copy.cprGone')],
          [t('portalSelf.data.birthDate'), date(ctx, p.birthDate)],
          [t('portalSelf.data.phone'), p.phone ?? t('portalSelf.data.none')],
          [t('portalSelf.data.email'), p.email ?? t('portalSelf.data.none')],
          [t('portalSelf.data.language'), label(ctx, PREFERRED_LANGUAGE_LABELS, p.preferredLanguage)],
          [t('portalSelf.data.login'), p.login ?? t('portalSelf.data.none')],
        ]}
      />
    </section>
  );
}

function VoucherSection({ ctx, copy }: { ctx: PageContext; copy: FullCopy }) {
  const { t, lang } = ctx;
  const caption = t('dataSubject.copy.vouchers');
  return (
    <section class="mt-8">
      <h2 id="copy-vouchers">{caption}</h2>
      {copy.vouchers.length === 0 ? (
        <p>{t('portalSelf.data.empty')}</p>
      ) : (
        <DataTable
          caption={caption}
          scroll
          rows={copy.vouchers}
          columns={[
            {
              header: t('dataSubject.copy.voucherFor'),
              cell: (v) => t('dataSubject.copy.voucherRequest', { number: v.requestNumber, title: v.title }),
            },
            {
              header: t('dataSubject.copy.voucherStatus'),
              cell: (v) => label(ctx, VOUCHER_STATUS_LABELS, v.status),
            },
            { header: t('dataSubject.copy.voucherMax'), cell: (v) => formatKr(v.maxAmountOre as Ore) },
            { header: t('dataSubject.copy.voucherExpires'), cell: (v) => date(ctx, v.expiresOn) },
            {
              header: t('dataSubject.copy.voucherRedeemed'),
              cell: (v) =>
                v.redeemedAt
                  ? `${formatDateTime(v.redeemedAt, lang)}, ${v.redeemedBy ?? ''}, ${formatKr((v.redeemedAmountOre ?? 0) as Ore)}`
                  : '–',
            },
          ]}
        />
      )}
    </section>
  );
}

/** Every staff read, with the staff member's name (the portal names only the support person). */
function AccessLogSection({ ctx, copy }: { ctx: PageContext; copy: FullCopy }) {
  const { t } = ctx;
  const caption = t('portalSelf.data.accessLog');
  return (
    <section class="mt-8">
      <h2 id="copy-log">{caption}</h2>
      {copy.accessLog.length === 0 ? (
        <p>{t('portalSelf.data.empty')}</p>
      ) : (
        <DataTable
          caption={caption}
          scroll
          rows={copy.accessLog}
          columns={[
            { header: t('dataSubject.copy.when'), cell: (e) => whenText(ctx, e.at) },
            { header: t('dataSubject.copy.who'), cell: (e) => whoText(ctx, e) },
            { header: t('dataSubject.copy.what'), cell: (e) => purposeText(ctx, e) },
          ]}
        />
      )}
    </section>
  );
}

/** What was done on the citizen's cases and by whom, from the audit log (ids and codes, never words). */
function AuditSection({ ctx, copy }: { ctx: PageContext; copy: FullCopy }) {
  const { t } = ctx;
  const caption = t('dataSubject.copy.audit');
  return (
    <section class="mt-8">
      <h2 id="copy-audit">{caption}</h2>
      <p>{t('dataSubject.copy.auditIntro')}</p>
      {copy.auditEvents.length === 0 ? (
        <p>{t('portalSelf.data.empty')}</p>
      ) : (
        <DataTable
          caption={caption}
          scroll
          rows={copy.auditEvents}
          columns={[
            { header: t('dataSubject.copy.when'), cell: (e) => whenText(ctx, e.at) },
            { header: t('dataSubject.copy.what'), cell: (e) => auditLabel(ctx, e.action) },
            {
              header: t('dataSubject.copy.who'),
              cell: (e) => (e.by.role === null ? t('audit.system') : actorText(ctx, e.by)),
            },
          ]}
        />
      )}
    </section>
  );
}
