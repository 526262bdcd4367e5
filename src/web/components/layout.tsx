import type { Child } from 'hono/jsx';
import type { Role } from '../../domain/roles.ts';
import { ASSET_URLS } from '../assets.ts';
import type { PageContext } from '../context.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { CsrfField } from './form.tsx';
import { Icon } from './icon.tsx';
import { SettingsLink } from './settings-link.tsx';

/** The privacy notice (spec: Privacy notice), linked from every page's footer and the portal's menu. */
export const PRIVACY_NOTICE = '/privatlivspolitik';

interface NavItem {
  href: string;
  label: MessageKey;
}

/** The main menu of each role; features add their pages here. */
const NAV: Record<Role, NavItem[]> = {
  citizen: [{ href: '/borger', label: 'nav.home' }],
  support: [
    { href: '/', label: 'nav.home' },
    { href: '/forloeb', label: 'nav.cases' },
    { href: '/leverandoerer', label: 'nav.vendors' },
  ],
  coordinator: [
    { href: '/', label: 'nav.home' },
    { href: '/forloeb/oversigt', label: 'nav.overview' },
    { href: '/forloeb', label: 'nav.cases' },
    { href: '/ordning', label: 'nav.programme' },
    { href: '/leverandoerer', label: 'nav.vendors' },
    { href: '/rapport', label: 'nav.report' },
    { href: '/import', label: 'nav.import' },
  ],
  finance: [
    { href: '/', label: 'nav.home' },
    { href: '/betalinger', label: 'nav.payments' },
    { href: '/betalinger/filer', label: 'nav.paymentFiles' },
    { href: '/bogfoering', label: 'nav.bookkeeping' },
    { href: '/leverandoerer', label: 'nav.vendors' },
  ],
  admin: [
    { href: '/', label: 'nav.home' },
    { href: '/brugere', label: 'nav.users' },
    { href: '/api-noegler', label: 'nav.apiTokens' },
    { href: '/udgaaende-e-mails', label: 'mail.nav.outbox' },
  ],
  evaluator: [
    { href: '/', label: 'nav.home' },
    { href: '/rapport', label: 'nav.report' },
  ],
};

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  /** The name of the actor's municipality (or the national agency). */
  authority?: string | undefined;
  /** Prefixes the title with "Fejl: " when the page shows a form with errors (or a refused step). */
  hasErrors?: boolean;
  children: Child;
}

export function Layout({ ctx, title, authority, hasErrors, children }: LayoutProps) {
  const { t, lang } = ctx;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="data:," />
        <title>{`${hasErrors || ctx.refusal ? t('error.prefix') : ''}${title} – ${t('app.name')}`}</title>
        <link rel="stylesheet" href={ASSET_URLS.dkfdsCss} />
        <link rel="stylesheet" href={ASSET_URLS.appCss} />
        <noscript>
          <link rel="stylesheet" href={ASSET_URLS.noJsCss} />
        </noscript>
        <script src={ASSET_URLS.dkfdsJs} nonce={ctx.nonce} defer />
        <script src={ASSET_URLS.appJs} nonce={ctx.nonce} defer />
      </head>
      <body>
        <a class="skipnav" href="#main-content">
          {t('app.skip')}
        </a>
        <Header ctx={ctx} authority={authority} />
        <main id="main-content" class="container page-container">
          {children}
        </main>
        <Footer ctx={ctx} />
        {ctx.actor && ctx.warnInSeconds !== null ? <SessionWarning ctx={ctx} /> : null}
      </body>
    </html>
  );
}

function Header({ ctx, authority }: { ctx: PageContext; authority?: string | undefined }) {
  const { t, actor } = ctx;
  const items = actor ? NAV[actor.role] : [];
  const userLine = actor ? `${actor.name}, ${t(`role.${actor.role}`)}` : null;
  return (
    <header class="header">
      <div class="portal-info">
        <div class="portal-info-inner container">
          <a href="/" class="logo" aria-label={`${t('app.name')}, ${t('app.frontpage')}`}>
            <span>{t('app.name')}</span>
          </a>
          {actor ? (
            <button
              type="button"
              class="function-link button-menu-open js-menu-open ml-auto d-print-none"
              aria-haspopup="dialog"
            >
              <Icon name="menu" />
              {t('app.menu')}
            </button>
          ) : null}
          {actor ? (
            <div class="portal-user">
              <p class="user">{userLine}</p>
              <SettingsLink ctx={ctx} />
              <LogoutForm ctx={ctx} />
            </div>
          ) : null}
        </div>
      </div>
      <div class="solution-info">
        <div class="solution-info-inner container">
          <div class="solution-heading">
            <a href="/">{t('app.name')}</a>
          </div>
          {authority ? (
            <div class="additional-info">
              <p>
                <strong class="authority-name">{authority}</strong>
              </p>
            </div>
          ) : null}
        </div>
      </div>
      {actor ? (
        <>
          <div class="navigation-menu">
            <div class="navigation-menu-inner container">
              <nav class="nav" aria-label={t('app.mainMenu')}>
                <MenuItems ctx={ctx} items={items} />
              </nav>
            </div>
          </div>
          <div class="overlay" />
          <MobileDrawer ctx={ctx} items={items} authority={authority} userLine={userLine} />
        </>
      ) : null}
    </header>
  );
}

/** The menu on a small screen: the main menu, the authority and the user, in a dialog of its own. */
function MobileDrawer({
  ctx,
  items,
  authority,
  userLine,
}: {
  ctx: PageContext;
  items: NavItem[];
  authority?: string | undefined;
  userLine: string | null;
}) {
  const { t } = ctx;
  return (
    <div class="mobile-drawer" role="dialog" aria-modal="true" aria-labelledby="menu-heading">
      <div class="menu-top">
        <h2 id="menu-heading" class="menu-heading">
          {t('app.menu')}
        </h2>
        <button
          type="button"
          class="function-link button-menu-close js-menu-close"
          aria-label={t('app.close')}
        >
          <Icon name="close" />
          {t('app.close')}
        </button>
      </div>
      <nav class="navigation-menu-mobile" aria-label={t('app.mainMenuMobile')}>
        <MenuItems ctx={ctx} items={items} />
      </nav>
      {authority ? (
        <div class="solution-info-mobile">
          <h3 class="sr-only">{t('app.authority')}</h3>
          <p class="mb-2">
            <strong class="authority-name">{authority}</strong>
          </p>
        </div>
      ) : null}
      <div class="portal-info-mobile">
        <h3 class="sr-only">{t('app.user')}</h3>
        <p class="user">{userLine}</p>
        <SettingsLink ctx={ctx} />
        <LogoutForm ctx={ctx} />
      </div>
    </div>
  );
}

function MenuItems({ ctx, items }: { ctx: PageContext; items: NavItem[] }) {
  // The longest item that the path starts with is the current one (/forloeb/oversigt, not /forloeb).
  const matches = (href: string) =>
    href === '/' ? ctx.path === '/' : ctx.path === href || ctx.path.startsWith(`${href}/`);
  const best = items
    .filter((i) => matches(i.href))
    .reduce<string | null>((a, i) => (a === null || i.href.length > a.length ? i.href : a), null);
  const current = (href: string) => href === best;
  return (
    <ul class="mainmenu">
      {items.map((item) => (
        <li class={current(item.href) ? 'active current' : undefined}>
          <a href={item.href} class="nav-link" aria-current={current(item.href) ? 'page' : undefined}>
            <span>{ctx.t(item.label)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function LogoutForm({ ctx }: { ctx: PageContext }) {
  return (
    <form method="post" action="/log-ud" class="d-print-none">
      <CsrfField ctx={ctx} />
      <button type="submit" class="function-link log-off">
        <Icon name="lock" />
        {ctx.t('app.logout')}
      </button>
    </form>
  );
}

function Footer({ ctx }: { ctx: PageContext }) {
  const { t, lang } = ctx;
  const other = lang === 'da' ? 'en' : 'da';
  return (
    <footer>
      <div class="footer">
        <div class="container">
          <ul class="unstyled-list inline-list">
            <li>
              <a class="function-link" href="/tilgaengelighedserklaering">
                {t('footer.accessibility')}
              </a>
            </li>
            <li>
              <a class="function-link" href={PRIVACY_NOTICE}>
                {t('privacy.footer')}
              </a>
            </li>
            <li>
              <a
                class="function-link"
                href={`/sprog/${other}?tilbage=${encodeURIComponent(ctx.path)}`}
                lang={other}
                hreflang={other}
                aria-label={t('app.language.switchLabel')}
              >
                {t('app.language.switch')}
              </a>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}

/** The idle warning (spec: Sessions): app.js opens it shortly before the session times out. */
function SessionWarning({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <div class="fds-modal-container">
      <div
        class="fds-modal"
        id="session-warning"
        aria-hidden="true"
        role="dialog"
        aria-modal="true"
        aria-labelledby="session-warning-heading"
        data-modal-forced-action
        data-warn-after={String(ctx.warnInSeconds)}
        data-csrf={ctx.csrfToken}
      >
        <div class="modal-content">
          <div class="modal-header">
            <h2 class="modal-title" id="session-warning-heading">
              {t('session.warning.title')}
            </h2>
          </div>
          <div class="modal-body">
            <p>{t('session.warning.text')}</p>
          </div>
          <div class="modal-footer">
            <button type="button" class="button button-primary" id="session-continue" data-modal-close>
              {t('session.warning.continue')}
            </button>
            <LogoutForm ctx={ctx} />
          </div>
        </div>
      </div>
    </div>
  );
}
