import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-organisation.ts';
import { demoEmailOf } from '../setup/actors.ts';
import { Browser, buildApp, type TestApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// Static files (operations: Caching): every file a page names — DKFDS's and the app's own — has its
// content's hash in its URL and is cached for a year; the fonts are IBM Plex's Latin-1 woff2 files.

let t: TestContext;
let web: TestApp;
let browser: Browser;
let pageAssets: string[];
beforeAll(async () => {
  t = await createTestContext({ demo: true });
  web = buildApp(t.services);
  browser = new Browser(web);
  expect((await browser.login(demoEmailOf('support'), DEMO_PASSWORD)).status).toBe(303);
  // A staff page names the style sheets, the scripts and the icons' sprite.
  const html = await (await browser.get('/')).text();
  pageAssets = [...new Set([...html.matchAll(/(?:href|src)="(\/static\/[^"#]+)/g)].map((m) => m[1] ?? ''))];
});
afterAll(() => t.close());

const FINGERPRINTED = /^\/static\/[A-Za-z0-9_-]{16}\/[A-Za-z0-9._-]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

function get(path: string, acceptEncoding?: string): Promise<Response> {
  return browser.get(path, acceptEncoding ? { headers: { 'accept-encoding': acceptEncoding } } : {});
}

function named(suffix: string): string {
  const url = pageAssets.find((a) => a.endsWith(suffix));
  if (url === undefined) throw new Error(`the page names no ${suffix}: ${pageAssets.join(', ')}`);
  return url;
}

describe('fingerprinted static files', () => {
  it("names every style sheet, script and the sprite by its content's hash, and serves each for a year", async () => {
    for (const suffix of [
      '/dkfds.min.css',
      '/app.css',
      '/nojs.css',
      '/dkfds.min.js',
      '/app.js',
      '/all-svg-icons.svg',
    ])
      named(suffix);
    for (const url of pageAssets) {
      expect(url).toMatch(FINGERPRINTED);
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('cache-control'), url).toBe(IMMUTABLE);
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(res.headers.get('cross-origin-resource-policy'), url).toBe('same-origin');
      // No page's policy with its nonce on a file; an SVG opened on its own runs nothing.
      expect(res.headers.get('content-security-policy'), url).toBe("default-src 'none'");
    }
    expect((await get(named('/dkfds.min.css'))).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get(named('/app.js'))).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get(named('/all-svg-icons.svg'))).headers.get('content-type')).toBe('image/svg+xml');
  });

  it("points DKFDS's url(…)s at fingerprinted files, and declares IBM Plex Sans as Latin-1 woff2 only", async () => {
    const css = await (await get(named('/dkfds.min.css'))).text();
    const refs = [...css.matchAll(/url\((["']?)([^"')]+)\1\)/g)].map((m) => m[2] ?? '');
    const files = refs.filter((r) => !r.startsWith('data:'));
    expect(files.length).toBeGreaterThan(100);
    for (const url of new Set(files)) {
      expect(url).toMatch(FINGERPRINTED);
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('cache-control'), url).toBe(IMMUTABLE);
    }
    expect(css).not.toContain('sourceMappingURL');

    const plex = css.match(/@font-face\{[^}]*font-family:\s*["']?IBM Plex Sans["']?;[^}]*\}/g) ?? [];
    expect(plex).toHaveLength(8);
    const sources = plex.map((face) => /src:([^;}]*)/.exec(face)?.[1] ?? '');
    for (const src of sources)
      expect(src).toMatch(/^url\(\/static\/[^)]+-Latin1\.woff2\) format\("woff2"\)$/);
    expect(css).not.toMatch(/\.(woff|eot|ttf|otf)\b/);
    // Bold is drawn with the semibold face, so a page with both fetches one file for them.
    const faceOf = (weight: number) =>
      plex.find((face) => face.includes('font-style:normal') && face.includes(`font-weight:${weight}`));
    expect(/url\(([^)]+)\)/.exec(faceOf(700) ?? '')?.[1]).toBe(/url\(([^)]+)\)/.exec(faceOf(600) ?? '')?.[1]);
    expect(css).not.toMatch(/-Bold-Latin1/);
    const regular = /url\(([^)]+-Regular-Latin1\.woff2)\)/.exec(css)?.[1] ?? '';
    const font = await get(regular, 'br, gzip');
    expect(font.headers.get('content-type')).toBe('font/woff2');
    // woff2 is compressed already.
    expect(font.headers.get('content-encoding')).toBeNull();
    expect(new TextDecoder().decode((await font.arrayBuffer()).slice(0, 4))).toBe('wOF2');
  });

  it('sends text compressed as the browser accepts: brotli, else gzip, else as it is', async () => {
    const url = named('/dkfds.min.css');
    const plain = Buffer.from(await (await get(url)).arrayBuffer());
    const br = await get(url, 'gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).equals(plain)).toBe(true);
    const gzip = await get(url, 'br;q=0, gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).equals(plain)).toBe(true);
    expect((await get(url, 'identity')).headers.get('content-encoding')).toBeNull();
    expect(plain.length).toBeGreaterThan(100_000);
  });

  it('answers an unknown or old fingerprint, and the old unfingerprinted paths, with not found', async () => {
    const css = named('/app.css');
    const other = css.replace(/\/static\/(.)/, (_m, c: string) => `/static/${c === 'A' ? 'B' : 'A'}`);
    for (const path of [other, '/static/app/app.css', '/static/dkfds-11.2.0/css/dkfds.min.css', '/static/']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('serves a sprite with each icon the pages show', async () => {
    const svg = await (await get(named('/all-svg-icons.svg'))).text();
    const html = await (await browser.get('/')).text();
    const shown = [...html.matchAll(/all-svg-icons\.svg#([a-z-]+)"/g)].map((m) => m[1] ?? '');
    expect(shown).toContain('menu');
    for (const id of shown) expect(svg).toContain(`<symbol id="${id}"`);
  });
});
