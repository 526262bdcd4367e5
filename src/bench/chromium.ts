import type { Browser } from 'playwright-core';

// Debian's Chromium through playwright-core, for the page-weight bench and the browser tests: Playwright
// never downloads a browser here. CHROMIUM_PATH names another one.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchChromium(): Promise<Browser> {
  // Loaded here, not with the module: playwright-core is a development package, and the borgerbudget
  // command loads the bench with every start (about half a second of it).
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
