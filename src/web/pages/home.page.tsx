import { formatKr } from '../../domain/money.ts';
import { auditSentence } from '../../services/audit-actions.ts';
import type { AuditLine } from '../../services/cases/overview.service.ts';
import type { Programme } from '../../services/cases/programme.service.ts';
import { EXPIRING_SOON_DAYS, type ExpiringVoucher } from '../../services/money/voucher.service.ts';
import type { WorkGroup } from '../../services/work/work-item.ts';
import { DataTable } from '../components/data-table.tsx';
import { Layout } from '../components/layout.tsx';
import { SummaryTable } from '../components/summary-table.tsx';
import { WorkList } from '../components/work-list.tsx';
import type { PageContext } from '../context.ts';
import { formatDate, formatDateTime } from '../format.ts';
import type { MessageKey } from '../../i18n/index.ts';

export interface HomeData {
  /** What waits for the user, first on the page (spec: Work lists). */
  work?: readonly WorkGroup[];
  programmes?: Programme[];
  recentChanges?: AuditLine[];
  expiringVouchers?: ExpiringVoucher[];
  municipalities?: { id: number; name: string }[];
}

export function HomePage({ ctx, data }: { ctx: PageContext; data: HomeData }) {
  const { t, actor } = ctx;
  if (!actor) return null;
  const programme = data.programmes?.[0];
  return (
    <Layout ctx={ctx} title={t('home.title')} authority={actor.municipalityName}>
      <h1>{t('home.welcome', { name: actor.name })}</h1>
      <p class="font-lead">{t(`home.${actor.role}.text`)}</p>
      {data.work ? <WorkList ctx={ctx} groups={data.work} /> : null}
      {actor.role === 'admin' ? (
        <p>
          <a href="/brugere" class="button button-primary">
            {t('nav.users')}
          </a>
        </p>
      ) : null}
      {actor.role === 'support' || actor.role === 'coordinator' ? (
        <div class="button-group mb-6">
          {actor.role === 'coordinator' ? (
            <a href="/forloeb/oversigt" class="button button-primary">
              {t('nav.overview')}
            </a>
          ) : null}
          <a
            href="/forloeb"
            class={`button ${actor.role === 'support' ? 'button-primary' : 'button-secondary'}`}
          >
            {t('nav.cases')}
          </a>
          {actor.role === 'coordinator' ? (
            <a href="/forloeb/ny" class="button button-secondary">
              {t('nav.refer')}
            </a>
          ) : null}
        </div>
      ) : null}
      {data.expiringVouchers?.length ? <ExpiringVouchers ctx={ctx} vouchers={data.expiringVouchers} /> : null}
      {programme ? <ProgrammeSummary ctx={ctx} programme={programme} /> : null}
      {data.recentChanges ? <RecentChanges ctx={ctx} lines={data.recentChanges} /> : null}
      {data.municipalities ? (
        <>
          <h2>{t('home.municipalities')}</h2>
          <ul>
            {data.municipalities.map((m) => (
              <li>
                {m.name} ({m.id})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

function ProgrammeSummary({ ctx, programme }: { ctx: PageContext; programme: Programme }) {
  const { t, lang } = ctx;
  const r = programme.rules;
  const rows: [string, string][] = [
    [t('programme.maxGrant'), formatKr(r.maxGrant)],
    [t('programme.durationMonths'), String(r.durationMonths)],
    [t('programme.singleApprovalLimit'), formatKr(r.singleApprovalLimit)],
    [t('programme.unusedFunds'), t(`programme.unusedFunds.${r.unusedFunds}`)],
  ];
  return (
    <section class="mt-7">
      <h2>{t('home.programme')}</h2>
      <p>
        <strong>{programme.name}</strong>
        {programme.periodStart && programme.periodEnd
          ? ` · ${formatDate(programme.periodStart, lang)} – ${formatDate(programme.periodEnd, lang)}`
          : null}
      </p>
      <p>{programme.targetGroup}</p>
      <SummaryTable caption={t('home.programme')} rows={rows} />
      {ctx.actor?.role === 'coordinator' ? (
        <p>
          <a href="/ordning">{t('programme.title')}</a>
        </p>
      ) : null}
    </section>
  );
}

/** Unused vouchers about to expire, each linked to its request (spec: Vouchers). */
function ExpiringVouchers({ ctx, vouchers }: { ctx: PageContext; vouchers: ExpiringVoucher[] }) {
  const { t, lang } = ctx;
  return (
    <section class="mt-7">
      <h2>{t('voucherPages.home.heading')}</h2>
      <p>{t('voucherPages.home.lead', { days: EXPIRING_SOON_DAYS })}</p>
      <ul>
        {vouchers.map((v) => (
          <li>
            <a href={`/forloeb/${v.caseId}/anmodninger/${v.requestId}`}>
              {t('voucherPages.home.item', {
                caseNumber: v.caseNumber,
                number: v.requestNumber,
                title: v.title,
                date: formatDate(v.expiresOn, lang),
              })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RecentChanges({ ctx, lines }: { ctx: PageContext; lines: AuditLine[] }) {
  const { t, lang } = ctx;
  return (
    <section class="mt-7">
      <h2>{t('home.recentChanges')}</h2>
      {lines.length === 0 ? (
        <p>{t('home.noChanges')}</p>
      ) : (
        <DataTable
          caption={t('home.recentChanges')}
          rows={lines}
          columns={[
            { header: t('audit.when'), cell: (l) => formatDateTime(l.at, lang) },
            {
              header: t('audit.what'),
              cell: (l) => (
                <>
                  {auditLabel(ctx, l.action)}
                  {l.case ? (
                    <>
                      {' '}
                      <a href={`/forloeb/${l.case.id}`}>
                        {t('home.recentChanges.inCase', { number: l.case.number })}
                      </a>
                    </>
                  ) : null}
                </>
              ),
            },
            {
              header: t('audit.who'),
              cell: (l) => (l.actorRole ? t(`role.${l.actorRole}` as MessageKey) : t('audit.system')),
            },
          ]}
        />
      )}
    </section>
  );
}

/** An audit event's action in words, or its code for an action no writer records any more. */
export function auditLabel(ctx: PageContext, action: string): string {
  const key = auditSentence(action);
  return key ? ctx.t(key) : action;
}
