import type { Role } from '../../../domain/roles.ts';
import type { AccessLogEntry } from '../../../services/portal/portal-access-log.service.ts';
import type { Paged } from '../../../services/paging.ts';
import { PageCount, Pagination } from '../../components/pagination.tsx';
import type { PageContext } from '../../context.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { pageHref } from '../../list-query.ts';
import { PortalLayout } from '../portal-layout.tsx';

// "Hvem har set mine oplysninger" (spec: Who has seen my data; like sundhed.dk's "Min log"): when, who (the
// role; the name of the citizen's own support person) and why, in words, newest first, 50 entries a
// page (spec: Lists). Why names are mostly not shown: services/portal-access-log.service.ts.

export const PORTAL_ACCESS_LOG = '/borger/log';

const ROLE_KEYS: Record<Role, MessageKey> = {
  support: 'portalSelf.role.support',
  coordinator: 'portalSelf.role.coordinator',
  finance: 'portalSelf.role.finance',
  admin: 'portalSelf.role.admin',
  evaluator: 'portalSelf.role.evaluator',
  citizen: 'portalSelf.role.citizen',
};

function roleText(ctx: PageContext, role: Role | null): string {
  return ctx.t(role && role in ROLE_KEYS ? ROLE_KEYS[role] : 'portalSelf.role.unknown');
}

export function whoText(
  ctx: PageContext,
  entry: { role: Role | 'vendor' | null; name: string | null; vendorName?: string | null },
): string {
  if (entry.role === 'vendor') return entry.vendorName ?? ctx.t('portalSelf.role.shop');
  if (entry.name !== null && entry.role === 'support')
    return ctx.t('portalSelf.log.yourSupport', { name: entry.name });
  return entry.name !== null ? `${roleText(ctx, entry.role)}, ${entry.name}` : roleText(ctx, entry.role);
}

export function purposeText(ctx: PageContext, entry: Pick<AccessLogEntry, 'purpose' | 'change'>): string {
  const key = `portalSelf.${entry.change ? 'change' : 'purpose'}.${entry.purpose}` as MessageKey;
  return ctx.t(key);
}

/** "2. marts 2026 kl. 10.05", in Danish time. */
export function whenText(ctx: PageContext, at: Date): string {
  const locale = ctx.lang === 'da' ? 'da-DK' : 'en-GB';
  const zone = 'Europe/Copenhagen';
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(at);
  const time = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(
    at,
  );
  return ctx.t('portalSelf.log.at', { date, time });
}

interface Visit {
  when: string;
  who: string;
  what: string[];
}

/**
 * One page view by staff often reads several things at once (the case, its budget, its purchases):
 * entries by the same person in the same minute are shown as one visit listing what was seen.
 */
function visits(ctx: PageContext, entries: readonly AccessLogEntry[]): Visit[] {
  const out: Visit[] = [];
  for (const entry of entries) {
    const when = whenText(ctx, entry.at);
    const who = whoText(ctx, entry);
    const what = purposeText(ctx, entry);
    const last = out.at(-1);
    if (last && last.when === when && last.who === who) {
      if (!last.what.includes(what)) last.what.push(what);
    } else out.push({ when, who, what: [what] });
  }
  return out;
}

export function AccessLogPageView({ ctx, log }: { ctx: PageContext; log: Paged<AccessLogEntry> }) {
  const { t } = ctx;
  return (
    <PortalLayout ctx={ctx} title={t('portalSelf.log.title')}>
      <h1>{t('portalSelf.log.title')}</h1>
      <p class="font-lead">{t('portalSelf.log.intro')}</p>
      <p>{t('portalSelf.log.names')}</p>
      <p>{t('portalSelf.log.ask')}</p>
      <p>{t('portalSelf.log.self')}</p>
      {log.items.length === 0 ? (
        <p>
          <strong>{t('portalSelf.log.empty')}</strong>
        </p>
      ) : (
        <>
          <h2 class="h3 mt-6">{t('portalSelf.log.caption')}</h2>
          <PageCount ctx={ctx} info={log} shown={log.items.length} />
          <ol class="nobullet-list">
            {visits(ctx, log.items).map((v) => (
              <li class="mb-5">
                <p class="mb-1">
                  <strong>{v.when}</strong>
                </p>
                <p class="mt-0 mb-1">{v.who}</p>
                <ul class="mt-0">
                  {v.what.map((w) => (
                    <li>{w}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}
      <Pagination ctx={ctx} info={log} href={(n) => pageHref(PORTAL_ACCESS_LOG, {}, n)} />
    </PortalLayout>
  );
}
