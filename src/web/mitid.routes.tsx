import type { Context, Hono } from 'hono';
import { MitIdRefused } from '../domain/errors.ts';
import { writeCookie } from '../http/cookies.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { OidcSignInFailed } from '../services/access/oidc.ts';
import { PORTAL_HOME } from './citizen-login.routes.tsx';
import { pageContext } from './context.ts';
import { MITID_CALLBACK_PATH, MITID_START_PATH } from './mitid-paths.ts';
import { identityAtCallback, redirectToIssuer } from './oidc-sign-in.ts';
import { relyingPartyOf } from './relying-parties.ts';
import { MitIdRefusedPage, type MitIdRefusal } from './pages/mitid.page.tsx';

// The citizen's log-in with MitID through the NemLog-in broker (spec: Citizen log-in): the start sends the
// browser to the broker; the broker sends it back to the callback, the redirect URI registered with it
// (BASE_URL + MITID_CALLBACK_PATH, web/mitid-paths.ts). Without OIDC_CITIZEN_ISSUER there are no such routes (404).

/** The sign-in routes, looked up outside a request's transaction as the sign-in forms are (command.ts). */
export const MITID_SIGN_IN_PATHS = [MITID_START_PATH, MITID_CALLBACK_PATH] as const;

export function registerMitIdRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const { services, config, logger } = deps;
  const issuer = config.oidc.citizen;
  if (!issuer) return;
  const rp = relyingPartyOf(deps, 'citizen');
  if (!rp) return;
  const refused = (c: Context<AppEnv>, reason: MitIdRefusal, status: 400 | 403) =>
    c.html(<MitIdRefusedPage ctx={pageContext(c)} reason={reason} />, status);

  app.get(MITID_START_PATH, (c) => redirectToIssuer(c, config, rp));

  app.get(MITID_CALLBACK_PATH, async (c) => {
    const identity = await identityAtCallback(c, config, rp).catch((error: unknown) => {
      if (!(error instanceof OidcSignInFailed)) throw error;
      // The reason names the check that failed, never a claim.
      logger.warn({ requestId: c.get('requestId'), reason: error.reason }, 'MitID log-in failed');
      return null;
    });
    if (!identity) return refused(c, 'failed', 400);
    try {
      const { token } = await services.citizenMitId.signIn(identity, issuer);
      writeCookie(c, config, 'session', token);
      return c.redirect(PORTAL_HOME, 303);
    } catch (error) {
      if (error instanceof MitIdRefused) return refused(c, error.reason, 403);
      throw error;
    }
  });
}
