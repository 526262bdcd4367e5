import type { Child } from 'hono/jsx';
import { Icon } from '../components/icon.tsx';
import { Layout, PRIVACY_NOTICE } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';
import type { MessageKey } from '../../i18n/index.ts';

// The frame of the citizen's portal (spec: Citizen portal): mobile first. The page's one thing comes first;
// under it, the citizen's pages as a short list of big links (DKFDS side menu), the same on every page, so a
// citizen on a small phone never needs the header's menu.

export interface PortalLink {
  href: string;
  label: MessageKey;
}

/** The portal's pages, in the order a citizen meets them. */
const PORTAL_LINKS: readonly PortalLink[] = [
  { href: '/borger', label: 'portal.nav.home' },
  { href: '/borger/maal', label: 'portal.nav.goals' },
  { href: '/borger/budget', label: 'portal.nav.budget' },
  { href: '/borger/koeb', label: 'portal.nav.purchases' },
  { href: '/borger/koeb/nyt', label: 'portal.nav.propose' },
  { href: '/borger/bekraeft', label: 'portal.nav.confirm' },
  { href: '/borger/vaerdibeviser', label: 'portal.nav.vouchers' },
  { href: '/borger/ideer', label: 'portal.nav.ideas' },
  { href: '/borger/spoergeskemaer', label: 'portal.nav.questionnaires' },
  { href: '/borger/log', label: 'portal.nav.accessLog' },
  { href: '/borger/mine-data', label: 'portal.nav.myData' },
  { href: PRIVACY_NOTICE, label: 'privacy.citizen.title' },
];

export interface PortalLayoutProps {
  ctx: PageContext;
  title: string;
  /** Prefixes the title with "Fejl: " when the page shows a form with errors. */
  hasErrors?: boolean;
  children: Child;
}

export function PortalLayout({ ctx, title, hasErrors, children }: PortalLayoutProps) {
  const home = ctx.path === '/borger';
  return (
    <Layout ctx={ctx} title={title} authority={ctx.actor?.municipalityName} hasErrors={hasErrors}>
      <div class="portal">
        {home ? null : (
          <p class="portal-back d-print-none">
            <a href="/borger" class="back-link">
              <Icon name="chevron-left" />
              {ctx.t('portal.back')}
            </a>
          </p>
        )}
        {children}
        <PortalNav ctx={ctx} />
        {/* How the citizen logged in, where it is MitID (spec: Citizen log-in). */}
        {ctx.actor?.signIn?.method === 'mitid' ? (
          <p class="portal-signed-in small-text mt-6">{ctx.t('mitid.signedIn')}</p>
        ) : null}
      </div>
    </Layout>
  );
}

/** The big links to the citizen's pages; `notes` adds a short line under a link (e.g. "2 venter"). */
function PortalNav({ ctx, notes }: { ctx: PageContext; notes?: Partial<Record<string, string>> }) {
  const { t } = ctx;
  return (
    <nav class="portal-nav d-print-none" aria-labelledby="portal-nav-heading">
      <h2 id="portal-nav-heading" class="h3">
        {t('portal.nav.heading')}
      </h2>
      <ul class="sidemenu">
        {PORTAL_LINKS.map((link) => {
          const current = ctx.path === link.href;
          const note = notes?.[link.href];
          return (
            <li class={current ? 'active current' : undefined}>
              <a href={link.href} class="nav-link" aria-current={current ? 'page' : undefined}>
                {note ? (
                  <div>
                    <span>{t(link.label)}</span>
                    <span class="sidenav-information">{note}</span>
                  </div>
                ) : (
                  <span>{t(link.label)}</span>
                )}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
