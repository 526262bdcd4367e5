import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../services/demo/demo-organisation.ts';
import { launchChromium } from './chromium.ts';

// Page weight: what a browser fetches over the network, measured in Chromium through the DevTools
// protocol (bytes as received, compressed, with their headers).

const STAFF_EMAIL = 'stotteperson@kolding.example';

interface Traffic {
  bytes: number;
  requests: number;
}

/**
 * First load: from an empty cache, the log-in page, the log-in itself (the form's POST and its redirect)
 * and the staff start page it leads to. Repeat: then, with that warm cache, the caseload page. Both count
 * every HTTP request that reached the network (none served from the browser's cache) and the bytes
 * received for it. Needs the demo data (`borgerbudget start` on an empty database loads it), and
 * `baseUrl` must be the app's BASE_URL origin (the log-in form's Origin check), e.g. http://localhost:PORT.
 */
export async function measurePageWeight(
  baseUrl: string,
): Promise<{ firstKb: number; firstRequests: number; repeatKb: number }> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ baseURL: baseUrl });
    const page = await context.newPage();
    const first = await traffic(context, page, async () => {
      await open(page, '/log-ind');
      await page.fill('#email', STAFF_EMAIL);
      await page.fill('#password', DEMO_PASSWORD);
      const submit = page.locator('main form[action="/log-ind"] button[type="submit"]');
      await Promise.all([page.waitForEvent('load'), submit.click()]);
      if (new URL(page.url()).pathname !== '/')
        throw new Error(`log-in as ${STAFF_EMAIL} failed: ${page.url()}`);
      await settle(page);
    });
    const repeat = await traffic(context, page, () => open(page, '/forloeb'));
    return { firstKb: kb(first.bytes), firstRequests: first.requests, repeatKb: kb(repeat.bytes) };
  } finally {
    await browser.close();
  }
}

/** Runs the steps and sums what went over the network meanwhile. */
async function traffic(context: BrowserContext, page: Page, steps: () => Promise<void>): Promise<Traffic> {
  const cdp = await context.newCDPSession(page);
  const sent = new Set<string>();
  const fromCache = new Set<string>();
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!/^https?:/.test(e.request.url)) return;
    // A redirect reuses the request's id: its response ends here, and the next hop is a request of its own.
    if (e.redirectResponse) bytes += e.redirectResponse.encodedDataLength;
    sent.add(e.requestId);
    requests += 1;
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    fromCache.add(e.requestId);
    if (sent.has(e.requestId)) requests -= 1;
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (sent.has(e.requestId) && !fromCache.has(e.requestId)) bytes += e.encodedDataLength;
  });
  await cdp.send('Network.enable');
  try {
    await steps();
  } finally {
    await cdp.detach();
  }
  return { bytes, requests };
}

async function open(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  if (!response?.ok()) throw new Error(`${path} answered ${response?.status() ?? 'nothing'}`);
  await settle(page);
}

/** Waits for the page's fonts and until the network is quiet. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForLoadState('networkidle');
}

function kb(bytes: number): number {
  return Math.round(bytes / 102.4) / 10;
}
