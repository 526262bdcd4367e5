import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { da } from '../../src/i18n/da.ts';
import type { ValidationFailed } from '../../src/domain/errors.ts';
import type { Actor } from '../../src/services/context.ts';
import { HALSNAES, loginAs } from '../setup/actors.ts';
import { Browser, buildApp, type TestApp } from '../setup/http.ts';
import { danishFields } from '../setup/messages.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The administrator's and the vendor lists a page at a time (spec: Lists): users, API keys and vendors,
// 50 a page, filtered and ordered on the whole list, and a bad page number or filter never a failed page.
// Halsnæs gets 60 users, 60 keys and 60 proposed vendors more than the demo has.

const EXTRA = 60;

let t: TestContext;
let app: TestApp;
let admin: Actor;
let finance: Actor;
let support: Actor;
let adminBrowser: Browser;
let financeBrowser: Browser;
/** The users made here, by number from 1. */
const made: { id: string; email: string }[] = [];

const pad = (i: number) => String(i).padStart(3, '0');

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  app = buildApp(t.services);
  const adminLogin = await loginAs(t, 'admin', HALSNAES);
  const financeLogin = await loginAs(t, 'finance', HALSNAES);
  admin = adminLogin.actor;
  finance = financeLogin.actor;
  support = (await loginAs(t, 'support', HALSNAES)).actor;
  for (let i = 1; i <= EXTRA; i++) {
    const { user } = await t.services.users.create(admin, {
      name: `Pia Side ${pad(i)}`,
      email: `pia.side${pad(i)}@halsnaes.example`,
      role: i % 3 === 0 ? 'finance' : 'support',
    });
    made.push(user);
    await t.services.apiTokens.issue(admin, { userId: user.id, name: `Nøgle ${pad(i)}` });
    await t.services.vendorProposals.propose(support, {
      name: `Butik Side ${pad(i)}`,
      cvr: `77${pad(i)}000`,
      payWith: 'card',
    });
  }
  adminBrowser = new Browser(app).useSession(adminLogin.token);
  financeBrowser = new Browser(app).useSession(financeLogin.token);
}, 300_000);
afterAll(() => t.close());

describe('the user list, a page at a time', () => {
  it('shows 50 users, the rest on page 2, and the last page for a page past the end', async () => {
    const first = await t.services.users.page(admin, {});
    expect(first.items).toHaveLength(50);
    expect(first.total).toBeGreaterThan(EXTRA);
    const second = await t.services.users.page(admin, { page: '2' });
    expect(second.items).toHaveLength(Math.min(50, first.total - 50));
    const ids = new Set([...first.items, ...second.items].map((u) => u.id));
    expect(ids.size).toBe(first.items.length + second.items.length);
    const beyond = await t.services.users.page(admin, { page: 999 });
    expect(beyond.page).toBe(first.pages);
  });

  it('filters by role, active or deactivated, searches name and e-mail, and sorts', async () => {
    const victim = made[5];
    if (!victim) throw new Error('no user made');
    await t.services.users.deactivate(admin, victim.id);
    const deactivated = await t.services.users.page(admin, { status: 'deactivated' });
    expect(deactivated.items.map((u) => u.id)).toEqual([victim.id]);
    const active = await t.services.users.page(admin, { status: 'active', limit: 100 });
    expect(active.items.every((u) => u.active)).toBe(true);
    expect(active.total).toBe((await t.services.users.page(admin, {})).total - 1);

    const financeUsers = await t.services.users.page(admin, { role: 'finance', limit: 100 });
    expect(financeUsers.items.every((u) => u.role === 'finance')).toBe(true);
    expect(financeUsers.total).toBeGreaterThanOrEqual(EXTRA / 3);

    const byName = await t.services.users.page(admin, { q: 'side 007' });
    expect(byName.items.map((u) => u.name)).toEqual(['Pia Side 007']);
    const byEmail = await t.services.users.page(admin, { q: 'PIA.SIDE012@' });
    expect(byEmail.items.map((u) => u.name)).toEqual(['Pia Side 012']);
    expect((await t.services.users.page(admin, { q: '_' })).total).toBe(0);

    const newest = await t.services.users.page(admin, { sort: 'oprettet', limit: 3 });
    expect(newest.items.map((u) => u.name)).toEqual(['Pia Side 060', 'Pia Side 059', 'Pia Side 058']);
    const byEmailOrder = await t.services.users.page(admin, { sort: 'email', limit: 100 });
    const emails = byEmailOrder.items.map((u) => u.email);
    expect(emails).toEqual([...emails].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const refused = (await t.services.users.page(admin, { role: 'king' }).catch((e: unknown) => e)) as
      ValidationFailed | undefined;
    expect(danishFields(refused?.fields ?? {})).toMatchObject({ role: 'Vælg en rolle.' });
  });

  it('names the user just deactivated, also when they are not on the page shown', async () => {
    const last = made[EXTRA - 1];
    if (!last) throw new Error('no user made');
    await t.services.users.deactivate(admin, last.id);
    // Deactivated users come last in the default order: Pia Side 060 is not on page 1.
    expect(await (await adminBrowser.get('/brugere')).text()).not.toContain('Pia Side 060');
    const res = await adminBrowser.get(`/brugere?deaktiveret=${last.id}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Pia Side 060');
    const unknown = await adminBrowser.get('/brugere?deaktiveret=00000000-0000-4000-8000-000000000000');
    expect(await unknown.text()).not.toContain('er deaktiveret');
  });

  it('pages, filters and survives a bad page number on the page and the API', async () => {
    const res = await adminBrowser.get('/brugere?status=active&side=2&sorter=navn');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('class="pagination"');
    expect(html).toContain('href="/brugere?sorter=navn&amp;status=active"');
    for (const query of ['side=abc', 'side=-1', 'side=99999999999', 'sorter=drop', 'status=gone']) {
      expect((await adminBrowser.get(`/brugere?${query}`)).status).toBe(200);
    }
    const bad = await (await adminBrowser.get('/brugere?status=gone')).text();
    expect(bad).toContain('Vælg en status fra listen.');

    const { token } = await t.services.apiTokens.issue(admin, { userId: admin.userId, name: 'Liste' });
    const api = await app.app.request(`${adminBrowser.origin}/api/v1/users?page=2&limit=10`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { email: string }[];
    expect(body).toHaveLength(10);
    expect(Number(api.headers.get('x-total-count'))).toBeGreaterThan(EXTRA);
    expect(api.headers.get('link')).toContain('rel="next"');
  });
});

describe('the API key list, a page at a time', () => {
  it('pages the keys and filters them by active, revoked and expired', async () => {
    const first = await t.services.apiTokens.list(admin, {});
    expect(first.items).toHaveLength(50);
    expect(first.total).toBeGreaterThanOrEqual(EXTRA);
    const created = first.items.map((k) => k.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const second = await t.services.apiTokens.list(admin, { page: 2 });
    expect(second.items.map((k) => k.id)).not.toContain(first.items[0]?.id);

    const revokedId = (await t.services.apiTokens.list(admin, { q: 'nøgle 030' })).items[0]?.id ?? '';
    expect(revokedId).not.toBe('');
    await t.services.apiTokens.revoke(admin, revokedId);
    const revoked = await t.services.apiTokens.list(admin, { status: 'revoked' });
    expect(revoked.items.map((k) => k.id)).toContain(revokedId);
    expect(revoked.items.every((k) => k.revokedAt !== null)).toBe(true);
    const active = await t.services.apiTokens.list(admin, { status: 'active', limit: 100 });
    expect(active.items.map((k) => k.id)).not.toContain(revokedId);
    expect((await t.services.apiTokens.list(admin, { status: 'expired' })).total).toBe(0);

    const byName = await t.services.apiTokens.list(admin, { sort: 'navn', q: 'nøgle 00' });
    expect(byName.items.map((k) => k.name)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `Nøgle ${pad(i)}`),
    );
    const byUser = await t.services.apiTokens.list(admin, { q: 'pia.side044' });
    expect(byUser.items.map((k) => k.name)).toEqual(['Nøgle 044']);
  });

  it('pages on the page, and a bad filter or page number is no failure', async () => {
    const res = await adminBrowser.get('/api-noegler?side=2');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('class="pagination"');
    for (const query of ['side=x', 'side=0', 'status=old', 'sorter=none', 'soeg=0102031234']) {
      expect((await adminBrowser.get(`/api-noegler?${query}`)).status).toBe(200);
    }
    const filtered = await (await adminBrowser.get('/api-noegler?status=revoked')).text();
    expect(filtered).toContain('Nøgle 030');
    expect(filtered).not.toContain('Nøgle 031');
  });
});

describe('the vendor list, a page at a time', () => {
  it('shows the approved vendors, and to finance the proposed ones a page at a time, searched by name or CVR', async () => {
    const proposed = await t.services.vendorProposals.listing(finance, { status: 'proposed', q: 'side' });
    expect(proposed.vendors.items).toHaveLength(50);
    expect(proposed.vendors.total).toBe(EXTRA);
    expect(proposed.vendors.items.every((v) => v.status === 'proposed')).toBe(true);
    const second = await t.services.vendorProposals.listing(finance, {
      status: 'proposed',
      q: 'side',
      page: 2,
    });
    expect(second.vendors.items).toHaveLength(EXTRA - 50);
    expect(second.vendors.items[0]?.name).toBe('Butik Side 051');

    const approvedBefore = (await t.services.vendorProposals.listing(finance, {})).vendors;
    expect(approvedBefore.items.every((v) => v.status === 'approved' && v.active)).toBe(true);
    const id = (await t.services.vendorProposals.listing(finance, { status: 'proposed', q: '77042000' }))
      .vendors.items[0]?.id;
    expect(id).toBeDefined();
    await t.services.vendorProposals.approve(finance, id ?? '');
    const approved = await t.services.vendorProposals.listing(finance, { q: 'butik side' });
    expect(approved.vendors.items.map((v) => v.name)).toEqual(['Butik Side 042']);

    // A support person sees only the vendors that may be chosen, whatever the address asks for.
    const asSupport = await t.services.vendorProposals.listing(support, { status: 'proposed' });
    expect(asSupport.vendors.items.every((v) => v.status === 'approved')).toBe(true);

    const byCvr = await t.services.vendorProposals.listing(finance, { sort: 'cvr', limit: 100 });
    const cvrs = byCvr.vendors.items.map((v) => v.cvr ?? '');
    expect(cvrs).toEqual([...cvrs].sort());
  });

  it('pages on the page, and a bad filter or page number is no failure', async () => {
    const res = await financeBrowser.get('/leverandoerer?status=proposed&soeg=side&side=2');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('class="pagination"');
    expect(html).toContain('Butik Side 060');
    expect(html).toContain('href="/leverandoerer?soeg=side&amp;status=proposed"');
    for (const query of ['side=x', 'side=-5', 'status=sold', 'sorter=pris', 'soeg=0102031234']) {
      expect((await financeBrowser.get(`/leverandoerer?${query}`)).status).toBe(200);
    }

    const { token } = await t.services.apiTokens.issue(admin, {
      userId: finance.userId,
      name: 'Leverandører',
    });
    const api = await app.app.request(
      `${financeBrowser.origin}/api/v1/vendors?status=proposed&q=side&page=2`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(api.status).toBe(200);
    const body = (await api.json()) as { name: string }[];
    // Butik Side 042 was approved above.
    expect(body).toHaveLength(EXTRA - 1 - 50);
    expect(api.headers.get('x-total-count')).toBe(String(EXTRA - 1));
    expect(api.headers.get('link')).toContain('rel="prev"');
  });
});

describe('the vendor proposals, a page at a time', () => {
  it('shows 50 proposals, open ones first, the rest on page 2; to a support person only their own', async () => {
    const first = (await t.services.vendorProposals.listing(finance, {})).proposals;
    expect(first.items).toHaveLength(50);
    expect(first.total).toBeGreaterThanOrEqual(EXTRA);
    const second = (await t.services.vendorProposals.listing(finance, { proposalPage: '2' })).proposals;
    expect(second.page).toBe(2);
    expect(second.items).toHaveLength(Math.min(50, first.total - 50));
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    const open = all.map((p) => (p.status === 'proposed' ? 0 : 1));
    expect(open).toEqual([...open].sort());
    expect(all.some((p) => p.status === 'approved')).toBe(true);
    // The vendor list keeps its own page.
    const both = await t.services.vendorProposals.listing(finance, {
      status: 'proposed',
      page: '2',
      proposalPage: '2',
    });
    expect([both.vendors.page, both.proposals.page]).toEqual([2, 2]);
    expect((await t.services.vendorProposals.listing(finance, { proposalPage: 'x' })).proposals.page).toBe(1);

    const mine = (await t.services.vendorProposals.listing(support, { proposalPage: '2' })).proposals;
    expect(mine.total).toBeGreaterThanOrEqual(EXTRA);
    expect(mine.items.every((p) => p.proposedBy === support.name)).toBe(true);
    const coordinator = (await loginAs(t, 'coordinator', HALSNAES)).actor;
    expect((await t.services.vendorProposals.listing(coordinator, {})).proposals.total).toBe(first.total);
  });

  it('pages on the vendor page under a number of its own, and a bad one is no failure', async () => {
    const res = await financeBrowser.get('/leverandoerer?status=proposed&forslagsside=2');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('aria-label="Sider med forslag"');
    expect(html).toContain('Viser 51–');
    expect(html).toContain('href="/leverandoerer?status=proposed"');
    expect(html).toContain('href="/leverandoerer?status=proposed&amp;forslagsside=2&amp;side=2"');
    for (const query of ['forslagsside=x', 'forslagsside=-1', 'forslagsside=99999999999']) {
      expect((await financeBrowser.get(`/leverandoerer?${query}`)).status).toBe(200);
    }
    const supportBrowser = new Browser(app).useSession((await loginAs(t, 'support', HALSNAES)).token);
    const own = await supportBrowser.get('/leverandoerer?forslagsside=2');
    expect(own.status).toBe(200);
    const ownHtml = await own.text();
    expect(ownHtml).toContain(da['vendors.proposals.mine']);
    expect(ownHtml).not.toContain('/godkend"');
  });
});
