import type { Context, Hono } from 'hono';
import { localRedirectTarget } from '../domain/redirect-target.ts';
import { writeCookie } from '../http/cookies.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import type { Actor } from '../services/context.ts';
import type { Services } from '../services/index.ts';
import { purposeOf, requireActor } from './request.ts';
import { registerAttachmentRoutes } from './attachments.tsx';
import { registerCaseRoutes } from './case.routes.tsx';
import { ACTIVATION_PATH, PORTAL_HOME, registerCitizenLoginRoutes } from './citizen-login.routes.tsx';
import { registerFinanceRoutes } from './finance.routes.tsx';
import { registerImportRoutes } from './import.routes.tsx';
import { registerMailRoutes } from './mail.routes.tsx';
import { registerProgrammeRoutes } from './programme.routes.tsx';
import { registerPortalRoutes } from './portal/portal.routes.tsx';
import { registerPortalSelfRoutes } from './portal/portal-self.routes.tsx';
import { registerPrivacyNoticeRoutes } from './privacy-notice.routes.tsx';
import { registerPrivacyRoutes } from './privacy.routes.tsx';
import { registerReportRoutes } from './report.routes.tsx';
import { registerSignInRoutes } from './sign-in.routes.tsx';
import { MITID_SIGN_IN_PATHS, registerMitIdRoutes } from './mitid.routes.tsx';
import {
  registerSecondFactorRoutes,
  SECOND_FACTOR_OWN_FORMS,
  SECOND_FACTOR_SIGN_IN_FORMS,
} from './second-factor.routes.tsx';
import { ISSUER_CALLS, registerStaffSsoRoutes } from './staff-sso.routes.tsx';
import { registerApiTokenRoutes, registerUserRoutes } from './users.routes.tsx';
import { registerVoucherShopRoutes, VOUCHER_SHOP_FORMS } from './voucher-shop.routes.tsx';
import { pageContext } from './context.ts';
import { isLang } from '../i18n/index.ts';
import { AccessibilityPage } from './pages/accessibility.page.tsx';
import { HomePage, type HomeData } from './pages/home.page.tsx';

// The pages: each route parses the request, calls one service and renders. No rules live here.

/** The public forms that check a password, a one-time code or a shop's PIN (see middleware/command.ts). */
export const SIGN_IN_FORMS = [
  '/log-ind',
  '/adgangskode',
  ACTIVATION_PATH,
  ...VOUCHER_SHOP_FORMS,
  ...SECOND_FACTOR_SIGN_IN_FORMS,
  // The issuers' calls: the sign-in's callback and the back-channel logout make or end sessions themselves.
  ...ISSUER_CALLS,
  ...MITID_SIGN_IN_PATHS,
] as const;

export { ISSUER_CALLS };

/** The forms that change the actor's own sign-in, open at any sign-in level (middleware/command.ts). */
export const OWN_SIGN_IN_FORMS = ['/log-ud', '/session/forny', ...SECOND_FACTOR_OWN_FORMS] as const;

export function registerWebRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const { services, config } = deps;
  const page = (c: Context<AppEnv>) => pageContext(c);

  app.get('/', async (c) => {
    const actor = requireActor(c);
    // The citizen's front page is the portal's (spec: Staff pages).
    if (actor.role === 'citizen') return c.redirect(PORTAL_HOME, 303);
    const work = await services.work.forActor(actor, purposeOf(c));
    return c.html(<HomePage ctx={page(c)} data={{ work, ...(await homeData(services, actor)) }} />);
  });

  registerSignInRoutes(app, deps);
  registerSecondFactorRoutes(app, deps);

  app.get('/sprog/:lang', (c) => {
    const lang = c.req.param('lang');
    if (isLang(lang)) writeCookie(c, config, 'lang', lang, 365 * 24 * 3600);
    return c.redirect(localRedirectTarget(c.req.query('tilbage')), 303);
  });

  app.get('/tilgaengelighedserklaering', (c) => c.html(<AccessibilityPage ctx={page(c)} />));
  registerPrivacyNoticeRoutes(app, deps);

  registerUserRoutes(app, deps);
  registerStaffSsoRoutes(app, deps);
  registerApiTokenRoutes(app, deps);
  registerMailRoutes(app, deps);
  registerProgrammeRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerPrivacyRoutes(app, deps);
  registerCitizenLoginRoutes(app, deps);
  registerMitIdRoutes(app, deps);
  registerVoucherShopRoutes(app, deps);
  registerFinanceRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerAttachmentRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerPortalRoutes(app, deps);
  registerPortalSelfRoutes(app, deps);
}

/** The front page's data for the actor's role. */
async function homeData(services: Services, actor: Actor): Promise<HomeData> {
  switch (actor.role) {
    case 'coordinator':
      return {
        programmes: await services.programmes.list(actor),
        recentChanges: await services.overview.recentChanges(actor),
        expiringVouchers: await services.vouchers.expiringSoon(actor),
      };
    case 'support':
      return {
        programmes: await services.programmes.list(actor),
        expiringVouchers: await services.vouchers.expiringSoon(actor),
      };
    case 'finance':
      return { programmes: await services.programmes.list(actor) };
    case 'evaluator':
      return { municipalities: await services.overview.municipalities(actor) };
    case 'admin':
    case 'citizen':
      return {};
  }
}
