import type { Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/env.ts';
import type { PrivacyNotice } from '../services/privacy/privacy-notice.service.ts';
import { PRIVACY_NOTICE } from './components/layout.tsx';
import { pageContext } from './context.ts';
import { PrivacyNoticePage } from './pages/privacy-notice.page.tsx';
import { PortalPrivacyPage } from './portal/portal-privacy.page.tsx';

// The privacy notice (spec: Privacy notice), public like the accessibility statement. /privatlivspolitik is
// the reader's own: a citizen's in the portal's words, a member of staff's municipality's, and for a
// visitor the general notice with every municipality. /privatlivspolitik/<code> is one municipality's
// notice for anyone, the address a municipality can link to from its own site.

export function registerPrivacyNoticeRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  const render = (c: Context<AppEnv>, notice: PrivacyNotice) =>
    c.html(<PrivacyNoticePage ctx={pageContext(c)} notice={notice} />);

  app.get(PRIVACY_NOTICE, async (c) => {
    const actor = c.get('actor');
    const notice = await services.privacy.notice(actor);
    if (actor?.role === 'citizen' && notice.kind === 'municipality') {
      return c.html(<PortalPrivacyPage ctx={pageContext(c)} municipality={notice.municipality} />);
    }
    return render(c, notice);
  });

  app.get(`${PRIVACY_NOTICE}/:kommune`, async (c) =>
    render(c, await services.privacy.notice(c.get('actor'), c.req.param('kommune'))),
  );
}
