import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { MunicipalStaffRole } from '../../src/domain/roles.ts';
import {
  DEMO_EVALUATOR,
  DEMO_MUNICIPALITIES,
  DEMO_PASSWORD,
  demoEmail,
} from '../../src/services/demo/demo-organisation.ts';
import { da } from '../../src/i18n/da.ts';
import { testCpr } from '../factories/case-factory.ts';

// Log-in-as-role fixtures over the demo organisation (conventions: Three test tiers), and small helpers
// for driving server-rendered forms.

export interface StaffLogin {
  role: MunicipalStaffRole | 'evaluator';
  email: string;
  name: string;
  /** The role as the header shows it ("Morten Lund, Støtteperson"). */
  roleLabel: string;
}

const aarhus = DEMO_MUNICIPALITIES.find((m) => m.id === 751);
if (!aarhus) throw new Error('The demo organisation has no Aarhus Kommune');
const AARHUS = aarhus;

function staff(role: MunicipalStaffRole): StaffLogin {
  const person = AARHUS.staff.find((s) => s.role === role);
  if (!person) throw new Error(`The demo organisation has no ${role} in Aarhus`);
  return { role, email: demoEmail(AARHUS, person.local), name: person.name, roleLabel: da[`role.${role}`] };
}

export const SUPPORT = staff('support');
export const COORDINATOR = staff('coordinator');
export const FINANCE = staff('finance');
export const ADMIN = staff('admin');
export const EVALUATOR: StaffLogin = {
  role: 'evaluator',
  email: DEMO_EVALUATOR.email,
  name: DEMO_EVALUATOR.name,
  roleLabel: da['role.evaluator'],
};
/** Every demo staff role, as the issue asks: each logs in and sees its start page. */
export const STAFF = [SUPPORT, COORDINATOR, FINANCE, ADMIN, EVALUATOR];

/** Clicks something that loads a new page (a link or a form's button) and waits for that page. */
export async function clickAndWait(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), target.click()]);
}

/** Fills in the log-in form and submits it; the caller checks where that led. */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  if (new URL(page.url(), 'http://x').pathname !== '/log-ind') await page.goto('/log-ind');
  await page.fill('#email', email);
  await page.fill('#password', password);
  await clickAndWait(page, page.locator('main form[action="/log-ind"] button[type="submit"]'));
}

/** Logs in through the log-in page, as a person would, and lands on the start page. */
export async function loginAs(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await submitLogin(page, email, password);
  expect(pathOf(page), `log-in as ${email} should lead to the start page`).toBe('/');
}

export function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

/** Trimmed text of the first match, '' when there is none. */
export async function textOf(page: Page, selector: string): Promise<string> {
  const locator = page.locator(selector).first();
  if ((await locator.count()) === 0) return '';
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The user line of the header: "name, role". */
export function headerUser(page: Page): Promise<string> {
  return textOf(page, 'header .portal-user .user');
}

/** The value cell of a row in a two-column table (the programme page), by the row's header. */
export async function tableValue(page: Page, rowHeader: string): Promise<string> {
  const row = page.locator('tr', { has: page.locator('th', { hasText: rowHeader }) }).first();
  return ((await row.locator('td').textContent()) ?? '').trim();
}

/** The DKFDS error summary: its heading and, per item, the link's target and text. */
export async function errorSummary(page: Page): Promise<{ heading: string; links: [string, string][] }> {
  const summary = page.locator('[data-module="error-summary"]');
  if ((await summary.count()) === 0) return { heading: '', links: [] };
  const links = await summary
    .locator('a')
    .evaluateAll((as) => as.map((a) => [a.getAttribute('href') ?? '', a.textContent.trim()]));
  return {
    heading: await textOf(page, '[data-module="error-summary"] h2'),
    links: links as [string, string][],
  };
}

/** Clicks the button with exactly this name and waits for the page it leads to. */
export async function submit(page: Page, name: string): Promise<void> {
  await clickAndWait(page, page.getByRole('button', { name, exact: true }));
}

/** A case through the UI, from referral to active, with the demo support person. Returns its path. */
export async function activeCase(
  coordinator: Page,
  support: Page,
  citizen: string,
  cpr = testCpr(),
): Promise<string> {
  await coordinator.goto('/forloeb/ny');
  await coordinator.fill('#cpr', cpr);
  await submit(coordinator, da['referral.find.submit']);
  await coordinator.fill('#name', citizen);
  await submit(coordinator, da['referral.register.submit']);
  await coordinator.selectOption('#source', 'jobcenter');
  await coordinator.fill('#reason', 'Ønsker at komme i uddannelse.');
  await submit(coordinator, da['referral.refer.submit']);
  const casePath = pathOf(coordinator);
  await submit(coordinator, da['case.action.startScreening']);
  await coordinator.fill('#screening-reason', 'I målgruppen.');
  await coordinator.check('#screening-decision');
  await submit(coordinator, da['case.action.saveDecision']);
  await clickAndWait(coordinator, coordinator.getByRole('link', { name: da['case.action.assign'] }));
  await coordinator.selectOption('#supportUserId', { label: SUPPORT.name });
  await submit(coordinator, da['case.action.assign']);

  await support.goto(casePath);
  await support.check('#ack-method');
  await submit(support, da['case.action.acknowledge']);
  await submit(support, da['case.action.activate']);
  return casePath;
}
