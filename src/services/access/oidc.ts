import * as client from 'openid-client';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { OidcIssuerConfig } from '../../config.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import {
  deleteExpiredOidcSignIns,
  insertOidcSignIn,
  takeOidcSignIn,
} from '../../db/repositories/oidc-sign-in.repository.ts';
import type { Clock, ServiceDeps } from '../context.ts';
import { keyedHash, newToken, safeEqual } from './tokens.ts';

// The OpenID Connect relying party (spec: Citizen log-in; operations: Registering with a NemLog-in broker),
// one per configured issuer: the citizens' (MitID through a NemLog-in broker) and the municipalities'.
// The authorization code flow with PKCE (S256), `state` and `nonce`; the ID token's signature, issuer,
// audience, expiry and nonce are checked by openid-client. A started sign-in is kept in the database
// (oidc_sign_in): used once, for ten minutes, and only by the browser that started it, which holds a random
// cookie whose keyed hash is stored with it. The ID token is never stored: it may carry a CPR number.
// Errors from openid-client may carry the token's claims: they are never logged, only their code.

/** How long the issuer may keep the browser before it comes back. */
export const OIDC_SIGN_IN_VALID_MS = 10 * 60_000;

export type OidcIssuerKind = 'citizen' | 'staff';

/** The verified claims of a finished sign-in: checked by openid-client before they get here. */
export interface VerifiedIdentity {
  /** The issuer's subject: stable per user and issuer. */
  subject: string;
  /** The issuer's session id (`sid`), if it gives one: its back-channel logout names the session by it. */
  sid: string | undefined;
  claims: Readonly<Record<string, unknown>>;
}

/** A started sign-in: send the browser to `url` with `browserToken` in its sign-in cookie. */
export interface StartedSignIn {
  url: URL;
  browserToken: string;
}

/** The sub or sid a verified back-channel logout token names (at least one of them). */
export interface LogoutRequest {
  subject: string | undefined;
  sid: string | undefined;
}

/**
 * A sign-in that cannot finish: unknown, used, expired or foreign `state`, an error from the issuer, or a
 * token that fails a check. The reason is for the log (never the token or its claims); the user sees one
 * plain message whatever it was.
 */
export class OidcSignInFailed extends Error {
  constructor(readonly reason: string) {
    super(`OpenID Connect sign-in failed: ${reason}`);
    this.name = 'OidcSignInFailed';
  }
}

/** A back-channel logout token that fails a check (OpenID Connect Back-Channel Logout 1.0 §2.6). */
export class LogoutTokenRejected extends Error {
  constructor(readonly reason: string) {
    super(`Back-channel logout token rejected: ${reason}`);
    this.name = 'LogoutTokenRejected';
  }
}

export interface RelyingPartyDeps {
  database: DatabaseHandle;
  clock: Clock;
  /** The session secret: keys the stored hashes of `state` and of the browser's cookie. */
  secret: Buffer;
}

export interface RelyingParty {
  readonly kind: OidcIssuerKind;
  /** Starts a sign-in: stores the attempt and gives the issuer's authorization URL. */
  start(): Promise<StartedSignIn>;
  /**
   * Finishes a sign-in at the redirect URI: `callback` is the URL the browser came back to, `browserToken`
   * its sign-in cookie. The attempt is used up whatever the outcome. OidcSignInFailed when anything is wrong.
   */
  finish(callback: URL, browserToken: string | undefined): Promise<VerifiedIdentity>;
  /**
   * The issuer's end-session URL for RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0), with
   * our client id and where to come back to; undefined when the issuer has no end_session_endpoint.
   */
  endSessionUrl(postLogoutRedirectUri: URL): Promise<URL | undefined>;
  /** Verifies a back-channel logout token (signature by the issuer's JWKS, iss, aud, iat, jti, events). */
  verifyLogoutToken(token: string): Promise<LogoutRequest>;
}

/** The relying parties' maker, for the routes: they know the issuers' configuration and the redirect URIs. */
export function createOidcService(deps: ServiceDeps) {
  return {
    /** A relying party for one issuer: made once, when the routes are registered, and kept for the process. */
    relyingParty: (kind: OidcIssuerKind, issuer: OidcIssuerConfig, redirectUri: URL): RelyingParty =>
      createRelyingParty(kind, issuer, redirectUri, {
        database: deps.database,
        clock: deps.clock,
        secret: deps.secrets.session,
      }),
  };
}

/** A relying party for one issuer; its discovery is fetched on first use and kept for the process. */
export function createRelyingParty(
  kind: OidcIssuerKind,
  issuer: OidcIssuerConfig,
  redirectUri: URL,
  deps: RelyingPartyDeps,
): RelyingParty {
  let discovered: Promise<client.Configuration> | undefined;
  // The issuer's keys for logout tokens, fetched on first use; jose fetches again for a new key id.
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  const party: Party = {
    kind,
    issuer,
    redirectUri,
    deps,
    configuration: () =>
      (discovered ??= discover(issuer).catch((error: unknown) => {
        // Not kept: the next sign-in asks the issuer again.
        discovered = undefined;
        throw error;
      })),
    hashOf: (purpose, value) => keyedHash(deps.secret, `oidc-${purpose}:${value}`),
  };
  return {
    kind,
    start: () => startSignIn(party),
    finish: (callback, browserToken) => finishSignIn(party, callback, browserToken),
    async endSessionUrl(postLogoutRedirectUri) {
      const config = await party.configuration();
      if (!config.serverMetadata().end_session_endpoint) return undefined;
      return client.buildEndSessionUrl(config, { post_logout_redirect_uri: postLogoutRedirectUri.href });
    },
    async verifyLogoutToken(token) {
      const metadata = (await party.configuration()).serverMetadata();
      if (!metadata.jwks_uri) throw new LogoutTokenRejected('the issuer has no jwks_uri');
      jwks ??= createRemoteJWKSet(new URL(metadata.jwks_uri));
      return verifyLogout(token, jwks, metadata.issuer, issuer.clientId);
    },
  };
}

/** What the steps of a sign-in share: the issuer, its discovered configuration and the keyed hash. */
interface Party {
  kind: OidcIssuerKind;
  issuer: OidcIssuerConfig;
  redirectUri: URL;
  deps: RelyingPartyDeps;
  configuration: () => Promise<client.Configuration>;
  hashOf: (purpose: 'state' | 'browser', value: string) => string;
}

function discover(issuer: OidcIssuerConfig): Promise<client.Configuration> {
  return client.discovery(
    issuer.issuer,
    issuer.clientId,
    undefined,
    client.ClientSecretBasic(issuer.clientSecret),
    {
      // The ID token's signature too, not only TLS to the token endpoint.
      execute: [
        client.enableNonRepudiationChecks,
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- the tests' issuer only; production refuses it (config.ts)
        ...(issuer.allowHttp ? [client.allowInsecureRequests] : []),
      ],
    },
  );
}

async function startSignIn(party: Party): Promise<StartedSignIn> {
  const { deps, hashOf } = party;
  const config = await party.configuration();
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const browserToken = newToken();
  const now = deps.clock.now();
  await deps.database.transaction('all', async (tx) => {
    await deleteExpiredOidcSignIns(tx, now);
    await insertOidcSignIn(tx, {
      state_hash: hashOf('state', state),
      browser_hash: hashOf('browser', browserToken),
      issuer: party.kind,
      code_verifier: codeVerifier,
      nonce,
      created_at: now,
      expires_at: new Date(now.getTime() + OIDC_SIGN_IN_VALID_MS),
    });
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: party.redirectUri.href,
    scope: party.issuer.scope,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, browserToken };
}

async function finishSignIn(
  party: Party,
  callback: URL,
  browserToken: string | undefined,
): Promise<VerifiedIdentity> {
  const { deps, hashOf } = party;
  const state = callback.searchParams.get('state');
  if (!state) throw new OidcSignInFailed('no state');
  const now = deps.clock.now();
  // Taken (deleted) at once and committed: a replay finds nothing, whatever happens next.
  const attempt = await deps.database.transaction('all', (tx) => takeOidcSignIn(tx, hashOf('state', state)));
  if (!attempt || attempt.issuer !== party.kind) throw new OidcSignInFailed('unknown or used state');
  if (attempt.expires_at <= now) throw new OidcSignInFailed('expired state');
  if (!browserToken || !safeEqual(attempt.browser_hash, hashOf('browser', browserToken))) {
    throw new OidcSignInFailed('state from another browser');
  }
  const config = await party.configuration();
  // The callback as registered: the app may sit behind a proxy that changes the host or the scheme.
  const current = new URL(party.redirectUri);
  current.search = callback.search;
  const tokens = await client
    .authorizationCodeGrant(config, current, {
      pkceCodeVerifier: attempt.code_verifier,
      expectedState: state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    })
    .catch((error: unknown) => {
      throw new OidcSignInFailed(failureCode(error));
    });
  const claims = tokens.claims();
  if (!claims) throw new OidcSignInFailed('no ID token');
  return { subject: claims.sub, sid: typeof claims['sid'] === 'string' ? claims['sid'] : undefined, claims };
}

async function verifyLogout(
  token: string,
  jwks: ReturnType<typeof createRemoteJWKSet>,
  issuer: string,
  audience: string,
): Promise<LogoutRequest> {
  const verified = await jwtVerify(token, jwks, {
    issuer,
    audience,
    requiredClaims: ['iat', 'jti', 'events'],
    maxTokenAge: '5 minutes',
    // The issuer's times against the real clock, as openid-client checks the ID token's.
    clockTolerance: 30,
  }).catch((error: unknown) => {
    throw new LogoutTokenRejected(failureCode(error));
  });
  return logoutRequestOf(verified.payload);
}

const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** The claims a logout token must and must not have (OpenID Connect Back-Channel Logout 1.0 §2.4). */
function logoutRequestOf(payload: JWTPayload): LogoutRequest {
  const events = payload['events'];
  if (typeof events !== 'object' || events === null || !(BACKCHANNEL_LOGOUT_EVENT in events)) {
    throw new LogoutTokenRejected('no back-channel logout event');
  }
  if ('nonce' in payload) throw new LogoutTokenRejected('a nonce, which a logout token must not have');
  const subject = typeof payload.sub === 'string' ? payload.sub : undefined;
  const sid = typeof payload['sid'] === 'string' ? payload['sid'] : undefined;
  if (subject === undefined && sid === undefined) throw new LogoutTokenRejected('neither sub nor sid');
  return { subject, sid };
}

/**
 * What went wrong, for the log: the codes and messages down the chain of causes (openid-client wraps
 * oauth4webapi's error) and the name of a claim that failed a check, never the rest of a cause: it may hold
 * the token's claims.
 */
function failureCode(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e !== undefined && e !== null; e = (e as { cause?: unknown }).cause) {
    if (!(e instanceof Error)) {
      const claim = (e as { claim?: unknown }).claim;
      if (typeof claim === 'string') parts.push(`claim ${claim}`);
      break;
    }
    const { code, error: oauthError } = e as { code?: unknown; error?: unknown };
    for (const part of [code, oauthError, e.message]) if (typeof part === 'string') parts.push(part);
  }
  return parts.join(': ') || 'unknown error';
}
