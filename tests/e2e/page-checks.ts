import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

// What every page the browser tests visit must pass: axe-core finds nothing at 1280 px and at 375 px,
// and no CSP violation, script error or failed asset happens. Screenshots go to test-results/ for review.

const WIDTHS = [1280, 375] as const;
const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Watch {
  javaScript: boolean;
  problems: string[];
}
const watches = new WeakMap<BrowserContext, Watch>();

/**
 * Records, for every page of the context, CSP violations (reported by the page itself, and by Chromium on
 * the console, which also covers pages with JavaScript off), uncaught script errors, console errors and
 * assets that fail to load. Pages run under the app's real CSP: no context here uses bypassCSP.
 */
export async function watchContext(context: BrowserContext, options: { javaScript: boolean }): Promise<void> {
  const watch: Watch = { javaScript: options.javaScript, problems: [] };
  watches.set(context, watch);
  await context.exposeBinding('__bbReportCsp', ({ page }, text: string) => {
    watch.problems.push(`CSP violation on ${page.url()}: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __bbReportCsp: (text: string) => Promise<void> }).__bbReportCsp;
      void report(`${e.effectiveDirective} blocked ${e.blockedURI || 'an inline script or style'}`);
    });
  });
  context.on('console', (message) => {
    // A failed load is reported below with its URL (a 401 or 422 page answering a form is expected).
    if (message.type() !== 'error' || message.text().startsWith('Failed to load resource')) return;
    watch.problems.push(`console error on ${message.page()?.url() ?? '?'}: ${message.text()}`);
  });
  context.on('weberror', (error) => watch.problems.push(`script error: ${error.error().message}`));
  context.on('response', (response) => {
    const request = response.request();
    // Chromium asks for /favicon.ico by itself; the app has none (reported to the lead, not a page bug).
    if (response.status() < 400 || request.resourceType() === 'document') return;
    if (new URL(request.url()).pathname === '/favicon.ico') return;
    watch.problems.push(`${response.status()} for ${request.resourceType()} ${request.url()}`);
  });
}

/** The problems seen so far in the page's context (and forgets them). */
export function takeProblems(page: Page): string[] {
  const watch = watches.get(page.context());
  return watch ? watch.problems.splice(0) : [];
}

export function pageProblems(context: BrowserContext): string[] {
  return watches.get(context)?.problems ?? [];
}

/** Resizes the viewport and lets the page's scripts react (DKFDS moves the menu below 992 px). */
export async function setWidth(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: width < 992 ? 812 : 800 });
  if (watches.get(page.context())?.javaScript !== false) {
    const twoFrames = page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await within(10_000, `the page drew no frame after resizing to ${width} px`, twoFrames);
  }
}

/**
 * Waits for `promise`, failing with `what` after `ms`. page.evaluate has no timeout of its own, so a page
 * that never answers would otherwise surface only as the whole test's timeout, without saying where.
 */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} (waited ${ms / 1000} s)`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A PNG at the current width: test-results/screenshots/<name>-<width>.png. The whole page by default;
 * `fullPage: false` for what is on screen, e.g. an open mobile menu (the full-page capture fires a resize,
 * on which DKFDS may close the drawer).
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  const path = join(SCREENSHOT_DIR, `${name}-${width}.png`);
  // Screenshots are for people to look at; .ci/run, where nobody does, turns them off to save time.
  if (process.env.E2E_SCREENSHOTS === 'off') return path;
  await page.screenshot({ path, fullPage, animations: 'disabled' });
  return path;
}

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core on the page as it is now and fails (softly, so every page is still checked) on any
 * violation. axe is evaluated through the DevTools protocol, which the page's CSP does not govern, so
 * the page keeps its real CSP. With JavaScript off Chromium runs no timers, and axe needs them, so such a
 * page is checked as a copy (see scriptlessCopy).
 */
export async function checkA11y(page: Page, label = page.url()): Promise<void> {
  // .ci/run runs the whole browser tier with axe-core on PostgreSQL, and its smoke files on PGlite with
  // E2E_AXE=off: the HTML is the same on both databases.
  if (process.env.E2E_AXE === 'off') return;
  const javaScript = watches.get(page.context())?.javaScript !== false;
  const target = javaScript ? page : await within(20_000, `copying ${label}`, scriptlessCopy(page));
  try {
    if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(AXE_SOURCE);
    const run = target.evaluate(async () => {
      const w = window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
      };
      const result = await w.axe.run(document, { resultTypes: ['violations'] });
      return result.violations;
    });
    const violations = await within(30_000, `axe-core did not finish on ${label}`, run);
    const width = page.viewportSize()?.width ?? 0;
    const found = violations.map(
      (v) =>
        `${v.id} (${v.impact ?? '?'}): ${v.help} — ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
    expect.soft(found, `axe-core violations on ${label} at ${width} px`).toEqual([]);
  } finally {
    if (target !== page) await target.context().close();
  }
}

/**
 * The page's DOM as the scripting-off browser rendered it, in a fresh context where timers run: the HTML
 * is set into a page whose requests for scripts are refused, with a <base> so the same stylesheets load,
 * and the <noscript> stylesheet unwrapped (with scripting on, <noscript> content would be text).
 */
async function scriptlessCopy(page: Page): Promise<Page> {
  const browser = page.context().browser();
  if (!browser) throw new Error('The page has no browser to copy it into');
  const html = (await page.content())
    .replace(/<\/?noscript>/g, '')
    .replace(/<head>/, `<head><base href="${page.url()}">`);
  const context = await browser.newContext({ viewport: page.viewportSize(), locale: 'da-DK' });
  await context.route('**/*', (route) =>
    route.request().resourceType() === 'script' ? route.abort() : route.continue(),
  );
  const copy = await context.newPage();
  await copy.setContent(html, { waitUntil: 'load' });
  return copy;
}

/**
 * The check for every page a test visits: no CSP violation or script error so far, then at 1280 px and at
 * 375 px a screenshot and an axe-core run. Leaves the page at 1280 px.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  expect(takeProblems(page), `CSP violations, script errors or failed assets before "${name}"`).toEqual([]);
  for (const width of WIDTHS) {
    await setWidth(page, width);
    await screenshot(page, name);
    await checkA11y(page, `"${name}" (${new URL(page.url()).pathname})`);
  }
  await setWidth(page, WIDTHS[0]);
}
