import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_MUNICIPALITIES, demoEmail } from '../../src/services/demo/demo-organisation.ts';
import { da } from '../../src/i18n/da.ts';
import { clickAndWait, errorSummary, loginAs, pathOf, submit, textOf } from './fixtures.ts';
import { hasChromium, useE2e, type E2e } from './harness.ts';
import { checkA11y, screenshot, setWidth, takeProblems } from './page-checks.ts';

// The citizen's portal in a browser at 375 px (spec: Citizen portal), as the demo citizen Jonas Mølgaard of
// Halsnæs (active, month 2, his start questionnaire saved part-way by his support person). His support person
// makes an activation code on the case page; Jonas activates his log-in with it, proposes a purchase
// (which his support person then sees as a draft), confirms a request written for him, finishes the
// start questionnaire one question per page, reads who has seen his information (his support person's
// visit is there) and downloads his data. Then again with JavaScript off: log in by mobile number,
// every portal page, and a form that keeps what was typed. axe-core on every page.

const HALSNAES = DEMO_MUNICIPALITIES.find((m) => m.id === 250);
if (!HALSNAES) throw new Error('The demo has no Halsnæs Kommune');
const SUPPORT_NAME = HALSNAES.staff.find((s) => s.local === 'stotteperson')?.name ?? '';
const SUPPORT_EMAIL = demoEmail(HALSNAES, 'stotteperson');
const CITIZEN = 'Jonas Mølgaard';
const MOBILE = '22 34 56 78';
const PASSWORD = 'blå cykel ved havnen hver morgen';
const PROPOSAL = 'Budgetkursus hos Lånerådgivningen';
const ON_BEHALF = 'Regnemaskine til budgettet';
const WIDTH = 375;

const PORTAL_PAGES = [
  '/borger',
  '/borger/maal',
  '/borger/budget',
  '/borger/koeb',
  '/borger/koeb/nyt',
  '/borger/bekraeft',
  '/borger/ideer',
  '/borger/spoergeskemaer',
  '/borger/spoergeskemaer/citizen_start/send',
  '/borger/log',
  '/borger/mine-data',
];

/** The phone check: nothing went wrong so far, then a screenshot and axe-core at 375 px. */
async function checkPhone(page: Page, name: string): Promise<void> {
  expect(takeProblems(page), `CSP violations, script errors or failed assets before "${name}"`).toEqual([]);
  await setWidth(page, WIDTH);
  await screenshot(page, name);
  await checkA11y(page, `"${name}" (${pathOf(page)})`);
  // Nothing may make a phone scroll sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect.soft(overflow, `"${name}" is wider than the phone`).toBeLessThanOrEqual(0);
}

/** Bytes over the wire for a first visit (empty cache) to each page: the document and all it loads. */
async function transferSizes(e2e: E2e, from: Page, paths: readonly string[]) {
  const state = await from.context().storageState();
  const sizes: Record<string, number> = {};
  for (const path of paths) {
    const context = await e2e.browser.newContext({
      baseURL: e2e.app.baseUrl,
      storageState: state,
      viewport: { width: WIDTH, height: 812 },
    });
    const page = await context.newPage();
    const pending: Promise<number>[] = [];
    page.on('requestfinished', (request) => {
      pending.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    sizes[path] = (await Promise.all(pending)).reduce((a, b) => a + b, 0);
    await context.close();
  }
  return sizes;
}

describe.skipIf(!hasChromium)('the citizen portal on a phone', () => {
  const e2e = useE2e();

  it('activates, proposes, confirms, answers, reads the log and downloads the data', async () => {
    // The support person makes the code on Jonas's case page.
    const support = await e2e.newPage();
    await loginAs(support, SUPPORT_EMAIL);
    await support.goto('/forloeb');
    await clickAndWait(support, support.getByRole('link', { name: CITIZEN, exact: true }));
    const casePath = pathOf(support);
    await submit(support, da['citizenLogin.case.submit']);
    const code = await textOf(support, '#activation-code');
    expect(code.length).toBeGreaterThan(5);

    // Jonas activates his log-in on his phone.
    const phone = await e2e.newPage();
    await setWidth(phone, WIDTH);
    // The HTML of each page he visits, in bytes over the wire (the page's CSS, scripts and fonts are
    // the same on every page, so the largest document makes the largest first visit).
    const documents = new Map<string, number>();
    const measured: Promise<void>[] = [];
    phone.on('requestfinished', (request) => {
      if (request.resourceType() !== 'document') return;
      const path = new URL(request.url()).pathname;
      measured.push(
        request.sizes().then((s) => {
          documents.set(path, Math.max(documents.get(path) ?? 0, s.responseBodySize + s.responseHeadersSize));
        }),
      );
    });
    await phone.goto('/aktiver');
    await checkPhone(phone, 'portal-activate');
    await phone.fill('#code', code);
    await phone.fill('#login', MOBILE);
    await phone.fill('#password', PASSWORD);
    await phone.fill('#passwordRepeat', PASSWORD);
    await submit(phone, da['citizenLogin.activate.submit']);
    expect(pathOf(phone)).toBe('/borger');
    await checkPhone(phone, 'portal-home');

    // He proposes a purchase; it becomes a draft his support person sees on the case.
    await phone.goto('/borger/koeb/nyt');
    await checkPhone(phone, 'portal-propose');
    await phone.fill('#title', PROPOSAL);
    await phone.fill('#purpose', 'Så jeg kan lære at holde styr på mine penge.');
    await phone.fill('#amountKr', '1200');
    await phone.fill('#shop', 'Lånerådgivningen i Frederiksværk');
    await submit(phone, da['portal.propose.send']);
    expect(pathOf(phone)).toBe('/borger/koeb');
    expect(await textOf(phone, 'main')).toContain(PROPOSAL);
    await checkPhone(phone, 'portal-purchases');
    await support.goto(`${casePath}/budget`);
    expect(await textOf(support, 'main')).toContain(PROPOSAL);

    // The support person writes a request on his behalf; he confirms it.
    await support.goto(`${casePath}/anmodninger/ny`);
    await support.fill('#title', ON_BEHALF);
    await support.fill('#purpose', 'Jonas vil selv kunne regne sit budget ud hver måned.');
    await support.fill('#amountKr', '150');
    await support.selectOption('#category', 'electronics');
    const vendors = await support
      .locator('#vendorId option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    await support.selectOption('#vendorId', vendors[0] ?? '');
    await support.check('#paymentMethod');
    await submit(support, da['money.new.submit']);
    expect(await textOf(support, 'h1')).toContain(ON_BEHALF);
    await phone.goto('/borger/bekraeft');
    expect(await textOf(phone, 'main')).toContain(ON_BEHALF);
    await checkPhone(phone, 'portal-confirm');
    await submit(phone, da['portal.confirm.yesLabel'].replace('{title}', ON_BEHALF));
    expect(await textOf(phone, 'main')).toContain(da['portal.confirm.done']);

    // The start questionnaire, one question per page: he goes on where his support person stopped.
    await phone.goto('/borger/spoergeskemaer');
    await checkPhone(phone, 'portal-questionnaires');
    const startTitle = da['portalSelf.q.citizen_start'];
    await clickAndWait(
      phone,
      phone.getByRole('link', { name: `${da['portalSelf.q.continue']}: ${startTitle}` }),
    );
    expect(pathOf(phone)).toBe('/borger/spoergeskemaer/citizen_start/3');
    expect(await textOf(phone, 'main')).toContain('Spørgsmål 3 af 7');
    await checkPhone(phone, 'portal-question-who5');
    await submit(phone, da['portalSelf.q.next']);
    expect((await errorSummary(phone)).links.map(([, text]) => text)).toEqual([da['portalSelf.q.chooseOne']]);
    await checkPhone(phone, 'portal-question-error');
    for (const [n, label] of [
      [3, 'Det meste af tiden'],
      [4, 'Lidt mere end halvdelen af tiden'],
      [5, 'Lidt af tiden'],
      [6, 'Lidt mindre end halvdelen af tiden'],
      [7, 'Det meste af tiden'],
    ] as const) {
      expect(pathOf(phone)).toBe(`/borger/spoergeskemaer/citizen_start/${n}`);
      await phone.getByLabel(label, { exact: true }).check();
      await submit(phone, da['portalSelf.q.next']);
    }
    expect(pathOf(phone)).toBe('/borger/spoergeskemaer/citizen_start/send');
    expect(await textOf(phone, 'main')).not.toContain(da['portalSelf.q.review.notAnswered']);
    await checkPhone(phone, 'portal-question-review');
    await submit(phone, da['portalSelf.q.review.send']);
    expect(await textOf(phone, 'main')).toContain(da['portalSelf.q.sent']);

    // Who has seen his information: his support person, by name, on his case.
    await phone.goto('/borger/log');
    const log = await textOf(phone, 'main ol');
    expect(log).toContain(`Din støtteperson, ${SUPPORT_NAME}`);
    expect(log).toContain(da['portalSelf.purpose.case']);
    await checkPhone(phone, 'portal-access-log');

    // More visits than a page holds (spec: Lists): 50 rows a page, the next page a tap away; at 1280 px too.
    for (let i = 0; i < 55; i++) await support.goto(casePath);
    await phone.goto('/borger/log');
    const pages = phone.getByRole('navigation', { name: da['list.pagination'] });
    await clickAndWait(phone, pages.getByRole('link', { name: da['list.next'] }));
    expect(new URL(phone.url()).search).toBe('?side=2');
    expect(await pages.locator('.pagination-mobile').textContent()).toMatch(/^Side 2 af \d+$/);
    await checkPhone(phone, 'portal-access-log-page-2');
    await setWidth(phone, 1280);
    await screenshot(phone, 'portal-access-log-page-2-desk');
    await checkA11y(phone, '"portal-access-log-page-2-desk" (/borger/log?side=2)');
    await setWidth(phone, WIDTH);

    // His data, as a page and as a file.
    await phone.goto('/borger/mine-data');
    await checkPhone(phone, 'portal-my-data');
    const [download] = await Promise.all([
      phone.waitForEvent('download'),
      phone.getByRole('link', { name: da['portalSelf.data.download'] }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^mine-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      person: { name: string; cpr: string; login: string };
      cases: {
        purchases: { title: string }[];
        questionnaires: { instrument: string; completedAt: string | null }[];
      }[];
      accessLog: { role: string; name: string | null }[];
    };
    expect(data.person.name).toBe(CITIZEN);
    expect(data.person.cpr).toMatch(/^\d{6}-\d{4}$/);
    const titles = data.cases.flatMap((c) => c.purchases.map((p) => p.title));
    expect(titles).toEqual(expect.arrayContaining([PROPOSAL, ON_BEHALF]));
    const start = data.cases.flatMap((c) => c.questionnaires).find((q) => q.instrument === 'citizen_start');
    expect(start?.completedAt).not.toBeNull();
    expect(data.accessLog).toContainEqual(expect.objectContaining({ role: 'support', name: SUPPORT_NAME }));

    // The rest of the portal, and the size of a first visit to each page.
    for (const path of ['/borger/maal', '/borger/budget', '/borger/ideer']) {
      await phone.goto(path);
      await checkPhone(phone, `portal${path.replaceAll('/', '-').replace('-borger', '')}`);
    }
    await Promise.all(measured);
    const portalDocuments = [...documents].filter(([path]) => PORTAL_PAGES.includes(path));
    expect(portalDocuments.map(([path]) => path).sort()).toEqual([...PORTAL_PAGES].sort());
    const [largestDocument = ''] = portalDocuments.sort((a, b) => b[1] - a[1])[0] ?? [];
    const sizes = await transferSizes(e2e, phone, [largestDocument]);
    const [largest, bytes] = Object.entries(sizes)[0] ?? ['', 0];
    const out = resolve(import.meta.dirname, '../../test-results/portal-transfer-sizes.json');
    mkdirSync(resolve(out, '..'), { recursive: true });
    const html = Object.fromEntries(portalDocuments);
    writeFileSync(out, `${JSON.stringify({ largest, bytes, documents: html }, null, 2)}\n`);
    console.log(`Largest portal page on a first visit: ${largest}, ${bytes} bytes over the wire`);
    // A cheap phone on a slow line: the heaviest page with its CSS, scripts and fonts stays under 1 MB.
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(1_000_000);
  }, 240_000);

  it('works with JavaScript off: log in by mobile number, every page, a form that keeps what was typed', async () => {
    const phone = await e2e.newPage({ javaScript: false });
    await setWidth(phone, WIDTH);
    await phone.goto('/log-ind');
    await phone.fill('#email', MOBILE);
    await phone.fill('#password', PASSWORD);
    await clickAndWait(phone, phone.locator('main form[action="/log-ind"] button[type="submit"]'));
    expect(pathOf(phone)).toBe('/borger');
    for (const path of PORTAL_PAGES) {
      await phone.goto(path);
      expect(pathOf(phone), path).toBe(path);
      await checkPhone(phone, `portal-nojs${path.replaceAll('/', '-').replace('-borger', '') || '-home'}`);
    }
    // A proposal with the price missing: the page says what to fix and keeps what was typed.
    await phone.goto('/borger/koeb/nyt');
    await phone.fill('#title', 'Cykelhjelm');
    await submit(phone, da['portal.propose.send']);
    expect((await errorSummary(phone)).links.length).toBeGreaterThan(0);
    expect(await phone.inputValue('#title')).toBe('Cykelhjelm');
    await checkPhone(phone, 'portal-nojs-propose-error');
  }, 180_000);
});
