import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';
import Provider from 'oidc-provider';

// A real OpenID provider for the tests (the `oidc-provider` package), on a free port on 127.0.0.1: the
// citizens' issuer (a NemLog-in broker passing MitID's claims through) and the municipalities' issuer in
// one, with a client for each. No mocked token endpoint: the app discovers it, sends the browser to it,
// exchanges the code and checks the ID token as it does with a real broker. The log-in is a plain HTML form
// naming the test account (a browser test fills it); `signIn` drives the same form without a browser.
// For the refusals: `tamperNextIdToken` re-signs the next ID token with a change (a wrong nonce, an expired
// or foreign-audience token), and `logoutToken` mints back-channel logout tokens.

export const CPR_CLAIM = 'https://data.gov.dk/model/core/eid/cprNumber';
export const LOA_CLAIM = 'https://data.gov.dk/concept/core/nsis/loa';

/** The test citizens, one per NSIS level; their CPR numbers are the test's to give to citizens. */
export const TEST_CITIZENS = {
  substantial: { accountId: 'borger-betydelig', cpr: '0101901234', loa: 'Substantial' },
  high: { accountId: 'borger-hoej', cpr: '0202902345', loa: 'High' },
  low: { accountId: 'borger-lav', cpr: '0303903456', loa: 'Low' },
  /** At a good level, with a CPR number no citizen has. */
  unknown: { accountId: 'borger-ukendt', cpr: '0404904567', loa: 'Substantial' },
} as const;

/** Test staff: the municipality claim (Entra's tenant id) and groups. */
export const TEST_STAFF = {
  caseworker: {
    accountId: 'medarbejder-aarhus',
    tid: 'aarhus-tenant',
    groups: ['bb-stotteperson'],
    name: 'Sara Sagsbehandler',
    email: 'sara@aarhus.example.dk',
  },
} as const;

export const CITIZEN_CLIENT = { id: 'borgerbudget-borger', secret: 'test-borger-hemmelighed-0123456789' };
export const STAFF_CLIENT = { id: 'borgerbudget-kommune', secret: 'test-kommune-hemmelighed-0123456789' };

/** The app's paths the clients are registered with (the app's own constants; B's staff paths). */
export interface AppPaths {
  citizenCallback: string;
  staffCallback: string;
  /** Where the issuer sends the browser after RP-initiated logout. */
  postLogout: string;
  /** The app's back-channel logout endpoint. */
  backchannelLogout: string;
}

const DEFAULT_APP_PATHS: AppPaths = {
  citizenCallback: '/log-ind/mitid/retur',
  staffCallback: '/log-ind/kommune/retur',
  postLogout: '/log-ind?besked=logget-af',
  backchannelLogout: '/log-ud/bagkanal',
};

export type Claims = Record<string, unknown>;

export interface TestIssuer {
  /** The issuer URL, http://127.0.0.1:<port>. */
  readonly issuer: string;
  /** The app's OIDC_* variables for both issuers (with OIDC_ALLOW_HTTP_ISSUER). */
  readonly env: Record<string, string>;
  /** Adds or replaces a test account: its claims beside `sub` (= the account id). */
  setAccount(accountId: string, claims: Claims): void;
  /**
   * Follows an authorization URL as a browser would, logs in as `accountId` on the issuer's form, and
   * returns the URL the issuer sends the browser back to (the app's callback with code and state).
   */
  signIn(authorizationUrl: URL | string, accountId: string): Promise<URL>;
  /** The next ID token the token endpoint gives is re-signed with these changes (still a valid signature). */
  tamperNextIdToken(change: (claims: JWTPayload) => JWTPayload): void;
  /** A back-channel logout token signed by the issuer for a client; `claims` override or add (undefined drops). */
  logoutToken(client: 'citizen' | 'staff', claims: Claims): Promise<string>;
  close(): Promise<void>;
}

/** Starts the test issuer for an app at `appBaseUrl` (its redirect URIs are registered from it). */
export async function startTestIssuer(
  appBaseUrl: string,
  paths: AppPaths = DEFAULT_APP_PATHS,
): Promise<TestIssuer> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  const accounts = new Map<string, Claims>();
  for (const citizen of Object.values(TEST_CITIZENS)) {
    accounts.set(citizen.accountId, { [CPR_CLAIM]: citizen.cpr, [LOA_CLAIM]: citizen.loa });
  }
  for (const person of Object.values(TEST_STAFF)) {
    const { accountId, ...claims } = person;
    accounts.set(accountId, claims);
  }
  let tamper: ((claims: JWTPayload) => JWTPayload) | undefined;

  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const app = (path: string) => new URL(path, appBaseUrl).href;
  const client = (c: { id: string; secret: string }, callback: string) => ({
    client_id: c.id,
    client_secret: c.secret,
    redirect_uris: [app(callback)],
    post_logout_redirect_uris: [app(paths.postLogout)],
    backchannel_logout_uri: app(paths.backchannelLogout),
    backchannel_logout_session_required: true,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  });

  const provider = new Provider(issuer, {
    clients: [client(CITIZEN_CLIENT, paths.citizenCallback), client(STAFF_CLIENT, paths.staffCallback)],
    jwks: { keys: [jwk] },
    adapter: MemoryAdapter,
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    findAccount: (_ctx: unknown, id: string) => {
      const claims = accounts.get(id);
      return claims && { accountId: id, claims: () => ({ sub: id, ...claims }) };
    },
    // The claims go into the ID token, as the brokers send them, not only to the userinfo endpoint.
    conformIdTokenClaims: false,
    claims: {
      openid: ['sub', CPR_CLAIM, LOA_CLAIM, 'tid', 'groups'],
      profile: ['name'],
      email: ['email'],
    },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      backchannelLogout: { enabled: true },
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    renderError: (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = page('Fejl', `<pre>${escape(JSON.stringify(out))}</pre>`);
    },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    // The app under test is on 127.0.0.1 too: no SSRF guard against special-use addresses here.
    fetch: (url: string, { dispatcher: _dispatcher, ...options }: RequestInit & { dispatcher?: unknown }) =>
      fetch(url, options),
  });

  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (!tamper || ctx.path !== '/token' || ctx.status !== 200 || typeof body?.id_token !== 'string') return;
    const change = tamper;
    tamper = undefined;
    body.id_token = await sign(change(decodeJwt(body.id_token)));
  });

  async function sign(claims: JWTPayload): Promise<string> {
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(privateKey);
  }

  const callback = provider.callback();
  server.on('request', (req, res) => {
    const uid = /^\/interaction\/([^/?]+)/.exec(req.url ?? '')?.[1];
    if (!uid) return callback(req, res);
    void interaction(req, res).catch((error: unknown) => {
      res.statusCode = 400;
      res.end(String(error));
    });
  });

  /** The log-in form: one field, the test account's id; the consent is given with the log-in. */
  async function interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        page(
          'Log ind hos testudstederen',
          `<form method="post" action="/interaction/${details.uid}">
  <label for="account">Testbruger</label>
  <input id="account" name="account" autocomplete="off">
  <button type="submit">Log ind</button>
</form>`,
        ),
      );
      return;
    }
    const accountId = new URLSearchParams(await bodyOf(req)).get('account') ?? '';
    if (!accounts.has(accountId)) {
      await provider.interactionFinished(req, res, {
        error: 'access_denied',
        error_description: 'unknown test account',
      });
      return;
    }
    const clientId = String(details.params['client_id']);
    const grant = new provider.Grant({ accountId, clientId });
    grant.addOIDCScope(String(details.params['scope']));
    await provider.interactionFinished(req, res, {
      login: { accountId },
      consent: { grantId: await grant.save() },
    });
  }

  return {
    issuer,
    env: {
      OIDC_ALLOW_HTTP_ISSUER: 'true',
      OIDC_CITIZEN_ISSUER: issuer,
      OIDC_CITIZEN_CLIENT_ID: CITIZEN_CLIENT.id,
      OIDC_CITIZEN_CLIENT_SECRET: CITIZEN_CLIENT.secret,
      OIDC_STAFF_ISSUER: issuer,
      OIDC_STAFF_CLIENT_ID: STAFF_CLIENT.id,
      OIDC_STAFF_CLIENT_SECRET: STAFF_CLIENT.secret,
    },
    setAccount: (accountId, claims) => void accounts.set(accountId, claims),
    signIn: (url, accountId) => signInWithoutBrowser(issuer, new URL(url), accountId),
    tamperNextIdToken: (change) => void (tamper = change),
    async logoutToken(which, claims) {
      const audience = which === 'citizen' ? CITIZEN_CLIENT.id : STAFF_CLIENT.id;
      const now = Math.floor(Date.now() / 1000);
      const payload: JWTPayload = {
        iss: issuer,
        aud: audience,
        iat: now,
        jti: randomUUID(),
        events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
        ...claims,
      };
      return sign(Object.fromEntries(Object.entries(payload).filter(([, value]) => value !== undefined)));
    },
    close: () => closeServer(server),
  };
}

/** The redirects and the log-in form of a sign-in, with the issuer's cookies kept as a browser keeps them. */
async function signInWithoutBrowser(issuer: string, start: URL, accountId: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let next = start;
  let form: URLSearchParams | undefined;
  for (let step = 0; step < 10; step++) {
    if (next.origin !== issuer) return next;
    const res = await fetch(next, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: form.toString() } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (location) {
      next = new URL(location, next);
      form = undefined;
    } else if (res.status === 200 && next.pathname.startsWith('/interaction/')) {
      form = new URLSearchParams({ account: accountId });
    } else {
      throw new Error(`The test issuer answered ${res.status} at ${next.pathname}: ${await res.text()}`);
    }
  }
  throw new Error('The test issuer never sent the browser back');
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}

function logoutSource(ctx: { body: string }, form: string): void {
  ctx.body = page(
    'Log ud hos testudstederen',
    `${form}<button form="op.logoutForm" value="yes" name="logout">Log ud</button>`,
  );
}

function postLogoutSuccessSource(ctx: { body: string }): void {
  ctx.body = page('Logget ud hos testudstederen', '');
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done, fail) => server.close((error) => (error ? fail(error) : done())));
}

/** oidc-provider's storage in memory, for one test process (its own quick-start one warns on console). */
class MemoryAdapter {
  private static readonly store = new Map<string, { payload: Record<string, unknown>; expiresAt: number }>();
  constructor(private readonly model: string) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  upsert(id: string, payload: Record<string, unknown>, expiresIn: number): Promise<void> {
    MemoryAdapter.store.set(this.key(id), { payload, expiresAt: Date.now() + expiresIn * 1000 });
    return Promise.resolve();
  }

  find(id: string): Promise<Record<string, unknown> | undefined> {
    const found = MemoryAdapter.store.get(this.key(id));
    if (!found || found.expiresAt < Date.now()) return Promise.resolve(undefined);
    return Promise.resolve(found.payload);
  }

  findByUid(uid: string): Promise<Record<string, unknown> | undefined> {
    for (const [key, { payload }] of MemoryAdapter.store) {
      if (key.startsWith(`${this.model}:`) && payload['uid'] === uid) return Promise.resolve(payload);
    }
    return Promise.resolve(undefined);
  }

  findByUserCode(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  consume(id: string): Promise<void> {
    const found = MemoryAdapter.store.get(this.key(id));
    if (found) found.payload['consumed'] = Math.floor(Date.now() / 1000);
    return Promise.resolve();
  }

  destroy(id: string): Promise<void> {
    MemoryAdapter.store.delete(this.key(id));
    return Promise.resolve();
  }

  revokeByGrantId(grantId: string): Promise<void> {
    for (const [key, { payload }] of MemoryAdapter.store) {
      if (payload['grantId'] === grantId) MemoryAdapter.store.delete(key);
    }
    return Promise.resolve();
  }
}
