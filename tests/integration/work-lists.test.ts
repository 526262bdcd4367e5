import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Actor } from '../../src/services/context.ts';
import { WORK_KINDS_BY_ROLE, type WorkGroup, type WorkKind } from '../../src/services/work/work-item.ts';
import {
  caseIn,
  evaluator,
  HALSNAES,
  programmeOf,
  registerCitizen,
  staff,
} from '../factories/case-factory.ts';
import { moneyTeam } from '../factories/money-factory.ts';
import { actorOf, createStaffUser } from '../setup/actors.ts';
import { buildApp, type TestApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// What waits for each role (spec: Work lists): every kind comes and goes with the step that makes and
// ends it, counts are complete, a support person sees only their own cases, another municipality's
// work never shows, and `GET /api/v1/me/work` answers the same groups.

let t: TestContext;
let coordinator: Actor;
let support: Actor;
let finance: Actor;
let vendorId: string;
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  ({ coordinator, support, finance, vendorId } = await moneyTeam(t));
});
afterAll(() => t.close());

const work = (actor: Actor) => t.services.work.forActor(actor, 'GET /');
const group = (groups: readonly WorkGroup[], kind: WorkKind): WorkGroup => {
  const found = groups.find((g) => g.kind === kind);
  if (!found) throw new Error(`No group ${kind}`);
  return found;
};
const keysOf = (groups: readonly WorkGroup[]) => groups.flatMap((g) => g.items.map((i) => i.key));

/** An active case with 20.000 kr. and a request of `amountKr`, confirmed by the citizen in person. */
async function confirmedRequest(amountKr: string, who = { coordinator, support }) {
  const { caseId, citizenId } = await caseIn(t, 'active', who);
  await t.services.budgets.grant(coordinator, caseId, { amountKr: '20000' });
  const requestId = await t.services.purchases.create(who.support, caseId, {
    title: 'Cykel til arbejde',
    purpose: 'Komme til praktik',
    amountKr,
    category: 'transport',
    vendorId,
    paymentMethod: 'bank_transfer',
  });
  await t.services.purchases.confirm(who.support, requestId, { how: 'in_person' });
  return { caseId, citizenId, requestId };
}

describe('the coordinator', () => {
  it('sees a request above the limit as a four-eyes approval, linked to the request, until approved', async () => {
    const before = group(await work(coordinator), 'approval').count;
    const { caseId, requestId } = await confirmedRequest('6500');
    await t.services.purchases.submit(support, requestId);

    const groups = await work(coordinator);
    const approval = group(groups, 'approval');
    expect(approval.count).toBe(before + 1);
    const item = approval.items.find((i) => i.key === `approval:${requestId}`);
    expect(item).toMatchObject({
      href: `/forloeb/${caseId}/anmodninger/${requestId}`,
      fourEyes: true,
      caseId,
      params: { title: 'Cykel til arbejde', amountOre: 650_000 },
    });
    // Oldest first.
    const times = approval.items.map((i) => i.since.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Another municipality's coordinator never sees it.
    const halsnaes = await staff(t, HALSNAES, 'koordinator');
    expect(keysOf(await work(halsnaes))).not.toContain(`approval:${requestId}`);

    await t.services.purchases.approve(coordinator, requestId);
    expect(group(await work(coordinator), 'approval').count).toBe(before);
  });

  it('is not asked to be the second pair of eyes on a request they submitted themselves', async () => {
    const { requestId } = await confirmedRequest('7000');
    await t.services.purchases.submit(coordinator, requestId);
    expect(keysOf(await work(coordinator))).not.toContain(`approval:${requestId}`);
    const other = await createStaffUser(t, await actorOf(t, 'admin'), { role: 'coordinator' });
    const second = await t.services.auth.login(
      { email: other.email, password: other.password },
      '198.51.100.7',
    );
    expect(keysOf(await work(second.actor))).toContain(`approval:${requestId}`);
  });

  it('sees referrals to screen and a case without a support person, and logs the cases shown', async () => {
    const referred = await caseIn(t, 'referred', { coordinator, support });
    const citizen = await registerCitizen(t, coordinator);
    const { id: unassigned } = await t.services.cases.refer(coordinator, {
      citizenId: citizen.id,
      programmeId: await programmeOf(t, coordinator),
      source: 'jobcenter',
      reason: 'Henvist til test.',
    });
    await t.services.cases.startScreening(coordinator, unassigned);
    await t.services.cases.accept(coordinator, unassigned, { reason: 'I målgruppen.' });

    const groups = await work(coordinator);
    const referral = group(groups, 'referral');
    expect(referral.count).toBeGreaterThanOrEqual(referral.items.length);
    const all = await t.services.cases.overview(coordinator, { phase: 'referred' }, '/test');
    const screening = await t.services.cases.overview(coordinator, { phase: 'screening' }, '/test');
    expect(referral.count).toBe(all.items.length + screening.items.length);
    const unassignedGroup = group(groups, 'unassigned');
    expect(unassignedGroup.items.map((i) => i.href)).toContain(`/forloeb/${unassigned}/stoetteperson`);

    const shown = [...referral.items, ...unassignedGroup.items].map((i) => i.caseId);
    const logged = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('access_log')
        .select(['case_id', 'purpose'])
        .where('user_id', '=', coordinator.userId)
        .where('purpose', '=', 'GET /')
        .execute(),
    );
    expect(shown).toContain(referred.caseId);
    expect(logged.map((r) => r.case_id)).toEqual(expect.arrayContaining(shown));
  });
});

describe('the support person', () => {
  it('sees only their own cases: drafts for the citizen, returned requests, next steps', async () => {
    const admin = await actorOf(t, 'admin');
    const colleague = await createStaffUser(t, admin, { role: 'support' });
    const other = (
      await t.services.auth.login({ email: colleague.email, password: colleague.password }, '198.51.100.8')
    ).actor;

    const { caseId: ownCase } = await caseIn(t, 'active', { coordinator, support });
    const draft = await t.services.purchases.create(support, ownCase, {
      title: 'Briller',
      purpose: 'Kunne læse',
      amountKr: '1200',
      category: 'health',
      vendorId,
      paymentMethod: 'bank_transfer',
    });
    const { requestId: returned } = await confirmedRequest('800');
    await t.services.purchases.submit(support, returned);
    await t.services.purchases.reject(coordinator, returned, { reason: 'Find et billigere tilbud.' });
    const { caseId: othersCase } = await caseIn(t, 'active', { coordinator, support: other });

    const mine = await work(support);
    expect(mine.map((g) => g.kind)).toEqual(WORK_KINDS_BY_ROLE.support);
    expect(group(mine, 'awaitingCitizen').items.map((i) => i.key)).toContain(`awaitingCitizen:${draft}`);
    expect(group(mine, 'returned').items.map((i) => i.key)).toContain(`returned:${returned}`);
    const { items: caseload } = await t.services.cases.caseload(support, {}, '/test');
    expect(group(mine, 'nextStep').count).toBe(caseload.filter((c) => c.nextStep !== 'none').length);
    expect(mine.flatMap((g) => g.items).some((i) => i.caseId === othersCase)).toBe(false);

    const theirs = await work(other);
    expect(group(theirs, 'nextStep').items.map((i) => i.caseId)).toEqual([othersCase]);
    expect(group(theirs, 'questionnaireDue').items.map((i) => i.href)).toContain(
      `/forloeb/${othersCase}/spoergeskemaer/support_start`,
    );
    expect(theirs.flatMap((g) => g.items).some((i) => i.caseId === ownCase)).toBe(false);
  });
});

describe('finance', () => {
  it('sees the payment to make, without title or name, until paid; then the missing receipt after 14 days', async () => {
    const { requestId } = await confirmedRequest('900');
    await t.services.purchases.submit(support, requestId);
    await t.services.purchases.approve(support, requestId);

    const item = group(await work(finance), 'payment').items.find((i) => i.key === `payment:${requestId}`);
    expect(item?.href).toBe(`/betalinger/${requestId}`);
    expect(Object.keys(item?.params ?? {}).sort()).toEqual([
      'amountOre',
      'caseNumber',
      'category',
      'number',
      'vendor',
    ]);
    const halsnaes = await staff(t, HALSNAES, 'okonomi');
    expect(keysOf(await work(halsnaes))).not.toContain(`payment:${requestId}`);

    await t.services.purchases.pay(finance, requestId, { reference: 'Bank 1' });
    expect(keysOf(await work(finance))).not.toContain(`payment:${requestId}`);
    expect(keysOf(await work(support))).toContain(`receiptMissing:${requestId}`);
    t.clock.advance(15 * DAY);
    expect(keysOf(await work(finance))).toContain(`receiptOverdue:${requestId}`);
  });
});

describe('the administrator and the evaluator', () => {
  it('lists users who have not logged in yet and tokens about to expire', async () => {
    const admin = await actorOf(t, 'admin');
    const { user } = await t.services.users.create(admin, {
      name: 'Ikke Logget Ind',
      email: 'ikke.logget.ind@aarhus.example',
      role: 'finance',
    });
    const { id: tokenId } = await t.services.apiTokens.issue(admin, { userId: admin.userId, name: 'ERP' });
    const groups = await work(admin);
    expect(
      group(groups, 'userWithoutLogin').items.find((i) => i.key === `userWithoutLogin:${user.id}`),
    ).toMatchObject({ href: '/brugere', params: { name: 'Ikke Logget Ind', role: 'finance' } });
    expect(keysOf(groups)).not.toContain(`tokenExpiring:${tokenId}`);
    t.clock.advance(334 * DAY);
    expect(keysOf(await work(admin))).not.toContain(`tokenExpiring:${tokenId}`);
    t.clock.advance(DAY);
    const expiring = group(await work(admin), 'tokenExpiring').items.find(
      (i) => i.key === `tokenExpiring:${tokenId}`,
    );
    expect(expiring).toMatchObject({ href: '/api-noegler', params: { name: 'ERP' } });
    expect(expiring?.params.expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // An expired token is no longer waiting: it no longer works.
    t.clock.advance(30 * DAY);
    expect(keysOf(await work(admin))).not.toContain(`tokenExpiring:${tokenId}`);
  });

  it('gives the evaluator the report and when its data last changed', async () => {
    const groups = await work(await evaluator(t));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ kind: 'report', count: 1, items: [{ href: '/rapport' }] });
    expect(groups[0]?.items[0]?.params.changedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('GET /api/v1/me/work', () => {
  let api: TestApp;
  beforeAll(() => {
    api = buildApp(t.services);
  });

  const Item = z.strictObject({
    kind: z.string(),
    key: z.string(),
    since: z.iso.datetime(),
    href: z.string().startsWith('/'),
    caseId: z.uuid().nullable(),
    caseNumber: z.string().nullable(),
    fourEyes: z.boolean().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  });
  const Body = z.strictObject({
    groups: z.array(
      z.strictObject({ kind: z.string(), count: z.number().int().min(0), items: z.array(Item) }),
    ),
  });

  async function get(token: string | null) {
    const headers = new Headers();
    if (token) headers.set('authorization', `Bearer ${token}`);
    const res = await api.app.request('http://localhost:3000/api/v1/me/work', { headers });
    return { status: res.status, json: (await res.json()) as unknown };
  }

  it('answers each role its groups, in the shape documented, the same as the front page', async () => {
    const admin = await actorOf(t, 'admin');
    for (const actor of [coordinator, support, finance, admin]) {
      const { token } = await t.services.apiTokens.issue(admin, {
        userId: actor.userId,
        name: `Work ${actor.role}`,
      });
      const res = await get(token);
      expect(res.status).toBe(200);
      const body = Body.parse(res.json);
      const page = await work(actor);
      expect(body.groups.map((g) => [g.kind, g.count])).toEqual(page.map((g) => [g.kind, g.count]));
      expect(body.groups.flatMap((g) => g.items.map((i) => i.href))).toEqual(
        page.flatMap((g) => g.items.map((i) => i.href)),
      );
    }
  });

  it('refuses a caller without a token', async () => {
    expect((await get(null)).status).toBe(401);
  });
});
