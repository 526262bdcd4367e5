import type { Context, Hono } from 'hono';
import { decodeJwt } from 'jose';
import { Conflict, type FieldErrors } from '../domain/errors.ts';
import { writeCookie } from '../http/cookies.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { nestForm, readForm, text } from '../http/form.ts';
import { message } from '../i18n/index.ts';
import { LogoutTokenRejected, OidcSignInFailed, type RelyingParty } from '../services/access/oidc.ts';
import type { Actor } from '../services/context.ts';
import { pageContext } from './context.ts';
import { submitForm } from './form-route.ts';
import { identityAtCallback, redirectToIssuer } from './oidc-sign-in.ts';
import {
  STAFF_SSO_PATH,
  StaffSsoPage,
  StaffSsoRefusedPage,
  type StaffSsoRefusal,
  type Typed,
} from './pages/staff-sso.page.tsx';
import { OIDC_CALLBACKS, relyingPartyOf } from './relying-parties.ts';
import { doneNotice, requireActor, seeOther } from './request.ts';

// The municipality's own log-in for staff (spec: Staff log-in with the municipality's log-in): the
// administrator's page, the sign-in through the staff issuer, and the issuers' back-channel logout.

const STAFF_SSO_START = '/log-ind/kommune';
/** The issuers' back-channel logout: a POST from the issuer's server, with no cookie and no CSRF token. */
const BACK_CHANNEL_LOGOUT = '/log-ud/bagkanal';
/** Where the issuer sends the browser after its own log-out. */
const LOGGED_OUT = '/log-ind?besked=logget-af';

/** The public paths the issuers call: no session, no command, no CSRF token (app.ts; command.ts). */
export const ISSUER_CALLS = [OIDC_CALLBACKS.staff, BACK_CHANNEL_LOGOUT] as const;

const NOTICES = { gemt: 'sso.saved', grupper: 'sso.mappingSaved' } as const;

export function registerStaffSsoRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  registerSettingsRoutes(app, deps);
  registerSignInRoutes(app, deps);
  registerBackChannelLogout(app, deps);
}

/** The administrator's page: on or off, the claim value, and the groups' roles. */
function registerSettingsRoutes(app: Hono<AppEnv>, { services, config }: AppDeps): void {
  const staff = config.oidc.staff;
  const server = staff && {
    issuer: staff.issuer.href,
    municipalityClaim: staff.municipalityClaim,
    groupsClaim: staff.groupsClaim,
  };
  const render = async (c: Context<AppEnv>, actor: Actor, typed?: Typed, errors?: FieldErrors) => {
    const view = await services.staffSso.view(actor);
    const notice = doneNotice(c, 'besked', NOTICES);
    const page = pageContext(c);
    return c.html(
      <StaffSsoPage ctx={page} view={view} server={server} typed={typed} errors={errors} notice={notice} />,
      errors ? 422 : 200,
    );
  };
  /** The settings are read-only until the server knows the staff issuer. */
  const requireServer = (actor: Actor) => {
    services.staffSso.assertMayManage(actor);
    if (!server) throw new Conflict(message('error.sso.notConfigured'));
  };

  app.get(STAFF_SSO_PATH, (c) => render(c, requireActor(c)));

  app.post(STAFF_SSO_PATH, async (c) => {
    const actor = requireActor(c);
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        requireServer(actor);
        await services.staffSso.updateSettings(actor, form);
        return seeOther(c, `${STAFF_SSO_PATH}?besked=gemt`);
      },
      { invalid: (error) => render(c, actor, { form: 'settings', values: form }, error.fields) },
    );
  });

  app.post(`${STAFF_SSO_PATH}/grupper`, async (c) => {
    const actor = requireActor(c);
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        requireServer(actor);
        await services.staffSso.setGroupRole(actor, form);
        return seeOther(c, `${STAFF_SSO_PATH}?besked=grupper`);
      },
      { invalid: (error) => render(c, actor, { form: 'group', values: form }, error.fields) },
    );
  });

  app.post(`${STAFF_SSO_PATH}/grupper/fjern`, async (c) => {
    const actor = requireActor(c);
    const group = text(await readForm(c), 'group');
    return submitForm(
      async () => {
        requireServer(actor);
        await services.staffSso.removeGroupRole(actor, group);
        return seeOther(c, `${STAFF_SSO_PATH}?besked=grupper`);
      },
      { invalid: () => render(c, actor) },
    );
  });
}

/** "Log ind med kommunens log-in": to the issuer and back, then a session or a plain refusal. */
function registerSignInRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const { services, config, logger } = deps;
  const staff = config.oidc.staff;
  const rp = relyingPartyOf(deps, 'staff');
  if (!staff || !rp) return;

  app.get(STAFF_SSO_START, (c) => redirectToIssuer(c, config, rp));

  app.get(OIDC_CALLBACKS.staff, async (c) => {
    const refused = (reason: StaffSsoRefusal) =>
      c.html(<StaffSsoRefusedPage ctx={pageContext(c)} reason={reason} />, 403);
    let claims;
    try {
      claims = (await identityAtCallback(c, config, rp)).claims;
    } catch (error) {
      if (!(error instanceof OidcSignInFailed)) throw error;
      logger.warn({ requestId: c.get('requestId'), reason: error.reason }, 'staff sign-in failed');
      return refused('failed');
    }
    const result = await services.staffSso.signIn(claims, staff);
    if (result.kind === 'refused') return refused(result.reason);
    writeCookie(c, config, 'session', result.token);
    return seeOther(c, '/');
  });
}

/**
 * Where the browser goes after logging out: a session from the municipality's log-in or from MitID ends
 * at its issuer too (RP-initiated logout), which sends the browser back to the log-in page; any other,
 * straight there.
 */
export async function afterLogout(deps: AppDeps, actor: Actor | null | undefined): Promise<string> {
  const method = actor?.signIn?.method;
  const kind = KINDS.find((k) => METHOD[k] === method);
  const rp = kind && relyingPartyOf(deps, kind);
  if (!rp) return LOGGED_OUT;
  // The log-out here never waits on the issuer: an issuer that cannot be reached ends nothing more.
  const url = await rp.endSessionUrl(new URL(LOGGED_OUT, deps.config.baseUrl)).catch((error: unknown) => {
    deps.logger.warn(
      { err: error, issuer: rp.kind },
      'the issuer could not be asked for its end-session endpoint',
    );
    return undefined;
  });
  return url?.href ?? LOGGED_OUT;
}

/**
 * The issuers' back-channel logout (OpenID Connect Back-Channel Logout 1.0, §2.8): a verified logout token
 * ends the sessions it names, answered 200; a missing or bad one ends nothing, answered 400. Never cached.
 */
function registerBackChannelLogout(app: Hono<AppEnv>, deps: AppDeps): void {
  const issuers = KINDS.map((kind) => ({ method: METHOD[kind], rp: relyingPartyOf(deps, kind) })).filter(
    (i): i is { method: (typeof METHOD)[keyof typeof METHOD]; rp: RelyingParty } => !!i.rp,
  );
  if (issuers.length === 0) return;

  app.post(BACK_CHANNEL_LOGOUT, async (c) => {
    c.header('Cache-Control', 'no-store');
    const token = text(await readForm(c), 'logout_token');
    const reasons: string[] = [];
    for (const { method, rp } of token ? issuers : []) {
      // The audience tells the issuers' tokens apart, when both are the same issuer.
      const logout = await rp.verifyLogoutToken(token).catch((error: unknown) => {
        if (error instanceof LogoutTokenRejected) reasons.push(`${rp.kind}: ${error.reason}`);
        else throw error;
      });
      if (!logout) continue;
      // Verified: its `iss` is the issuer's own, as the users it made were stored with.
      const iss = decodeJwt(token).iss ?? '';
      await deps.services.staffSso.issuerLogout(method, { iss, sub: logout.subject, sid: logout.sid });
      return c.body(null, 200);
    }
    deps.logger.warn({ requestId: c.get('requestId'), reasons }, 'back-channel logout refused');
    return c.json({ error: 'invalid_request' }, 400);
  });
}

const METHOD = { staff: 'municipal_sso', citizen: 'mitid' } as const;
const KINDS = ['staff', 'citizen'] as const;
