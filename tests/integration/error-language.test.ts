import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/context.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp, newIdempotencyKey, type TestApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// An error speaks the reader's language (spec: Languages): the page in the language chosen with the
// language link, the API in the caller's (the lang cookie, else Accept-Language, else Danish). The code
// stays the same in every language.

let t: TestContext;
let web: TestApp;
let admin: Actor;
let adminToken: string;
let session: string;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
  web = buildApp(t.services);
  const login = await loginAs(t, 'admin');
  admin = login.actor;
  session = login.token;
  adminToken = (await t.services.apiTokens.issue(admin, { userId: admin.userId, name: 'Sprog' })).token;
});
afterAll(() => t.close());

const SELF_DA = 'Du kan ikke deaktivere dig selv.';
const SELF_EN = 'You cannot deactivate yourself.';

describe('a refused step on a page', () => {
  it('reads in Danish by default and in English once English is chosen', async () => {
    const browser = new Browser(web).useSession(session);
    const danish = await browser.submit(`/brugere/${admin.userId}/deaktiver`, {});
    expect(danish.status).toBe(409);
    const danishHtml = await danish.text();
    expect(danishHtml).toContain(SELF_DA);
    expect(danishHtml).not.toContain(SELF_EN);

    await browser.get('/sprog/en');
    const english = await browser.submit(`/brugere/${admin.userId}/deaktiver`, {});
    expect(english.status).toBe(409);
    const englishHtml = await english.text();
    expect(englishHtml).toContain(SELF_EN);
    expect(englishHtml).not.toContain(SELF_DA);
  });
});

describe('an API error', () => {
  async function deactivateSelf(headers: Record<string, string>) {
    const res = await web.app.request(`http://localhost:3000/api/v1/users/${admin.userId}/deactivate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'idempotency-key': newIdempotencyKey(), ...headers },
    });
    expect(res.status).toBe(409);
    return ((await res.json()) as { error: { code: string; message: string } }).error;
  }

  it('is Danish by default, English for a caller who accepts English, with the same code', async () => {
    expect(await deactivateSelf({})).toMatchObject({ code: 'conflict', message: SELF_DA });
    expect(await deactivateSelf({ 'accept-language': 'en-GB,en;q=0.9' })).toMatchObject({
      code: 'conflict',
      message: SELF_EN,
    });
    expect(await deactivateSelf({ 'accept-language': 'de-DE,da;q=0.8,en;q=0.5' })).toMatchObject({
      message: SELF_DA,
    });
  });

  it('follows the lang cookie before Accept-Language', async () => {
    const cookie = `${new Browser(web).cookieName('lang')}=da`;
    expect(await deactivateSelf({ cookie, 'accept-language': 'en' })).toMatchObject({ message: SELF_DA });
  });

  it('answers an unknown path in the caller’s language', async () => {
    const call = async (headers: Record<string, string>) => {
      const res = await web.app.request('http://localhost:3000/api/v1/no-such-thing', {
        headers: { authorization: `Bearer ${adminToken}`, ...headers },
      });
      expect(res.status).toBe(404);
      return ((await res.json()) as { error: { code: string; message: string } }).error;
    };
    expect(await call({ 'accept-language': 'en' })).toMatchObject({
      code: 'not_found',
      message: 'Not found.',
    });
    expect(await call({})).toMatchObject({ code: 'not_found', message: 'Findes ikke.' });
  });
});
