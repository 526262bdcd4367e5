import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, buildApp, type TestApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// Operations and routing (spec: Operations): health and readiness, unknown routes, pages that need a
// log-in, and the public pages.

let t: TestContext;
let web: TestApp;
beforeAll(async () => {
  t = await createTestContext();
  web = buildApp(t.services);
});
afterAll(() => t.close());

describe('health and readiness', () => {
  it('answers /healthz and /readyz', async () => {
    const browser = new Browser(web);
    const health = await browser.get('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await browser.get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('answers /readyz with 503 once the database is gone, while /healthz still answers', async () => {
    // A database of its own, since this test closes it.
    const own = await createTestContext();
    const browser = new Browser(buildApp(own.services));
    expect((await browser.get('/readyz')).status).toBe(200);
    await own.close();
    const down = await browser.get('/readyz');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'database unreachable' });
    expect((await browser.get('/healthz')).status).toBe(200);
  });
});

describe('routing', () => {
  it('answers an unknown route with a 404 page, for GET and POST', async () => {
    const browser = new Browser(web);
    const unknown = await browser.get('/findes-ikke');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(await unknown.text()).toContain('<html lang="da">');
    expect((await browser.submit('/findes-ikke', {})).status).toBe(404);
  });

  it('sends a visitor who is not logged in to the log-in page', async () => {
    const browser = new Browser(web);
    const home = await browser.get('/');
    expect([home.status, home.headers.get('location')]).toEqual([303, '/log-ind']);
    // A deeper page says the session has ended (the usual reason to land there).
    for (const path of ['/brugere', '/brugere/ny', '/ordning']) {
      const res = await browser.get(path);
      expect([path, res.status, res.headers.get('location')]).toEqual([path, 303, '/log-ind?besked=udlobet']);
    }
    const post = await browser.submit('/brugere', { name: 'X', email: 'x@aarhus.example', role: 'admin' });
    expect([post.status, post.headers.get('location')]).toEqual([303, '/log-ind?besked=udlobet']);
  });

  it('serves the public pages and switches language, only ever back to a local page', async () => {
    const browser = new Browser(web);
    for (const path of ['/log-ind', '/adgangskode', '/tilgaengelighedserklaering', '/privatlivspolitik']) {
      expect([path, (await browser.get(path)).status]).toEqual([path, 200]);
    }
    const english = await browser.get('/sprog/en?tilbage=/log-ind');
    expect([english.status, english.headers.get('location')]).toEqual([303, '/log-ind']);
    expect(await (await browser.get('/log-ind')).text()).toContain('<html lang="en">');
    for (const back of ['//evil.example', 'https://evil.example', '/\\evil.example']) {
      const res = await browser.get(`/sprog/da?tilbage=${encodeURIComponent(back)}`);
      expect([back, res.headers.get('location')]).toEqual([back, '/']);
    }
  });
});
