import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { loadConfig } from '../../src/config.ts';
import {
  createRelyingParty,
  LogoutTokenRejected,
  OIDC_SIGN_IN_VALID_MS,
  OidcSignInFailed,
  type RelyingParty,
} from '../../src/services/access/oidc.ts';
import {
  CPR_CLAIM,
  LOA_CLAIM,
  startTestIssuer,
  TEST_CITIZENS,
  type TestIssuer,
} from '../setup/oidc-provider.ts';
import { createTestContext, TEST_SECRETS, type TestContext } from '../setup/test-db.ts';

// The OpenID Connect relying party against the real test issuer (oidc-provider): the code flow with PKCE,
// state and nonce; a started sign-in is used once, by the browser that started it, within ten minutes;
// the ID token's nonce, audience and expiry are checked; back-channel logout tokens are verified.

const APP = 'http://localhost:3000';
const CALLBACK = new URL('/log-ind/mitid/retur', APP);

let t: TestContext;
let issuer: TestIssuer;
let rp: RelyingParty;
beforeAll(async () => {
  t = await createTestContext();
  issuer = await startTestIssuer(APP);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: tmpdir(),
    BASE_URL: APP,
    ...secrets(),
    ...issuer.env,
  });
  if (!config.oidc.citizen) throw new Error('the citizen issuer is configured');
  rp = createRelyingParty('citizen', config.oidc.citizen, CALLBACK, {
    database: t.database,
    clock: t.clock,
    secret: TEST_SECRETS.session,
  });
});
afterAll(async () => {
  await issuer.close();
  await t.close();
});

function secrets() {
  return {
    SESSION_SECRET: TEST_SECRETS.session.toString('base64'),
    CPR_ENCRYPTION_KEY: TEST_SECRETS.cpr[0]?.toString('base64') ?? '',
  };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a failure'),
    (error: unknown) => error,
  );
}

/** Why the sign-in failed: the promise must reject with OidcSignInFailed. */
async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await failure(promise);
  if (!(error instanceof OidcSignInFailed))
    throw new Error(`expected OidcSignInFailed, got ${String(error)}`);
  return error.reason;
}

describe('a sign-in', () => {
  it('asks for the code with PKCE S256, state and nonce at the registered redirect URI', async () => {
    const { url } = await rp.start();
    expect(url.origin).toBe(issuer.issuer);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK.href);
    for (const name of ['state', 'nonce', 'code_challenge']) expect(url.searchParams.get(name)).toBeTruthy();
  });

  it('gives the verified claims and the issuer session id', async () => {
    const { url, browserToken } = await rp.start();
    const back = await issuer.signIn(url, TEST_CITIZENS.substantial.accountId);
    const identity = await rp.finish(back, browserToken);
    expect(identity.subject).toBe(TEST_CITIZENS.substantial.accountId);
    expect(identity.claims[CPR_CLAIM]).toBe(TEST_CITIZENS.substantial.cpr);
    expect(identity.claims[LOA_CLAIM]).toBe('Substantial');
    expect(identity.sid).toEqual(expect.any(String));
  });

  it('is used once: the same state again is refused', async () => {
    const { url, browserToken } = await rp.start();
    const back = await issuer.signIn(url, TEST_CITIZENS.high.accountId);
    await rp.finish(back, browserToken);
    expect(await reasonOf(rp.finish(back, browserToken))).toBe('unknown or used state');
  });

  it('is refused in another browser, and then used up', async () => {
    const { url, browserToken } = await rp.start();
    const back = await issuer.signIn(url, TEST_CITIZENS.high.accountId);
    expect(await reasonOf(rp.finish(back, 'another-browsers-cookie'))).toBe('state from another browser');
    expect(await reasonOf(rp.finish(back, undefined))).toBe('unknown or used state');
    expect(await reasonOf(rp.finish(back, browserToken))).toBe('unknown or used state');
  });

  it('is refused after ten minutes', async () => {
    const { url, browserToken } = await rp.start();
    const back = await issuer.signIn(url, TEST_CITIZENS.high.accountId);
    t.clock.advance(OIDC_SIGN_IN_VALID_MS);
    expect(await reasonOf(rp.finish(back, browserToken))).toBe('expired state');
  });

  it.each([
    ['a wrong nonce', (claims: Record<string, unknown>) => ({ ...claims, nonce: 'another-nonce' }), /nonce/],
    ['another audience', (claims: Record<string, unknown>) => ({ ...claims, aud: 'another-client' }), /aud/],
    [
      'an expired token',
      (claims: Record<string, unknown>) => {
        const past = Math.floor(Date.now() / 1000) - 3600;
        return { ...claims, iat: past - 600, exp: past };
      },
      /exp/,
    ],
    [
      'another issuer',
      (claims: Record<string, unknown>) => ({ ...claims, iss: 'https://evil.example' }),
      /iss/,
    ],
  ])('refuses an ID token with %s', async (_name, change, reason) => {
    const { url, browserToken } = await rp.start();
    const back = await issuer.signIn(url, TEST_CITIZENS.substantial.accountId);
    issuer.tamperNextIdToken(change);
    const refused = await reasonOf(rp.finish(back, browserToken));
    expect(refused).toMatch(reason);
    // The reason names the check, never the token's claims.
    expect(refused).not.toContain(TEST_CITIZENS.substantial.cpr);
  });
});

describe('logout', () => {
  it('gives the issuer end-session URL with our client and where to come back', async () => {
    const url = await rp.endSessionUrl(new URL('/log-ind?besked=logget-af', APP));
    expect(url?.origin).toBe(issuer.issuer);
    expect(url?.searchParams.get('client_id')).toBe('borgerbudget-borger');
    expect(url?.searchParams.get('post_logout_redirect_uri')).toBe(`${APP}/log-ind?besked=logget-af`);
  });

  it('verifies a back-channel logout token naming a sid or a sub', async () => {
    expect(await rp.verifyLogoutToken(await issuer.logoutToken('citizen', { sid: 's-1' }))).toEqual({
      sid: 's-1',
      subject: undefined,
    });
    expect(await rp.verifyLogoutToken(await issuer.logoutToken('citizen', { sub: 'u-1' }))).toEqual({
      sid: undefined,
      subject: 'u-1',
    });
  });

  it.each([
    ['for another client', 'staff' as const, { sid: 's' }],
    ['with a nonce', 'citizen' as const, { sid: 's', nonce: 'n' }],
    ['without the event', 'citizen' as const, { sid: 's', events: { other: {} } }],
    ['naming neither sid nor sub', 'citizen' as const, {}],
    ['without a jti', 'citizen' as const, { sid: 's', jti: undefined }],
    ['from another issuer', 'citizen' as const, { sid: 's', iss: 'https://evil.example' }],
    ['issued long ago', 'citizen' as const, { sid: 's', iat: Math.floor(Date.now() / 1000) - 3600 }],
  ])('refuses a logout token %s', async (_name, client, claims) => {
    const token = await issuer.logoutToken(client, claims);
    expect(await failure(rp.verifyLogoutToken(token))).toBeInstanceOf(LogoutTokenRejected);
  });

  it('refuses a logout token signed by another key', async () => {
    const token = await issuer.logoutToken('citizen', { sid: 's' });
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    expect(await failure(rp.verifyLogoutToken(forged))).toBeInstanceOf(LogoutTokenRejected);
  });
});
