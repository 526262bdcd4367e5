import type { AppDeps } from '../http/env.ts';
import type { OidcIssuerKind, RelyingParty } from '../services/access/oidc.ts';
import { MITID_CALLBACK_PATH } from './mitid-paths.ts';

// One OpenID Connect relying party per configured issuer and app (services/access/oidc.ts), shared by the
// routes that need it: the sign-in and its callback, the log-out (RP-initiated logout) and the issuers'
// back-channel logout. Each keeps the issuer's discovery for the process.

/** The redirect URIs registered with the issuers (operations: The municipality's log-in for staff). */
export const OIDC_CALLBACKS = {
  citizen: MITID_CALLBACK_PATH,
  staff: '/log-ind/kommune/retur',
} as const satisfies Record<OidcIssuerKind, string>;

const made = new WeakMap<AppDeps, Partial<Record<OidcIssuerKind, RelyingParty>>>();

/** The issuer's relying party, or undefined when the issuer is not configured. */
export function relyingPartyOf(deps: AppDeps, kind: OidcIssuerKind): RelyingParty | undefined {
  const issuer = deps.config.oidc[kind];
  if (!issuer) return undefined;
  let parties = made.get(deps);
  if (!parties) made.set(deps, (parties = {}));
  parties[kind] ??= deps.services.oidc.relyingParty(
    kind,
    issuer,
    new URL(OIDC_CALLBACKS[kind], deps.config.baseUrl),
  );
  return parties[kind];
}
