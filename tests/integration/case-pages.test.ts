import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCpr } from '../factories/case-factory.ts';
import { AARHUS, loginAs } from '../setup/actors.ts';
import { Browser, buildApp, newIdempotencyKey } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The referral pages keep the CPR number out of addresses and out of stored replays (spec: CPR numbers):
// the search posts it, and the page that repeats it in its field is never kept for an idempotent repeat.

let t: TestContext;
let coordinator: Browser;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
  coordinator = new Browser(buildApp(t.services)).useSession((await loginAs(t, 'coordinator', AARHUS)).token);
});
afterAll(() => t.close());

describe('the referral search', () => {
  it('shows the registration form for an unknown CPR number, and stores no copy of the page', async () => {
    const cpr = testCpr();
    const key = newIdempotencyKey();
    const form = { _csrf: await coordinator.csrfToken(), _idem: key, cpr };
    const first = await coordinator.post('/forloeb/ny/soeg', form);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain(`value="${cpr}"`);
    const stored = await t.database.transaction('all', (tx) =>
      tx.selectFrom('idempotency_key').select(['response_status', 'response_body']).execute(),
    );
    expect(
      stored
        .map((r) => r.response_body ?? '')
        .filter((body) => body.includes(cpr) || body.includes(cpr.replace('-', ''))),
    ).toEqual([]);
    const repeat = await coordinator.post('/forloeb/ny/soeg', form);
    expect(repeat.status).toBe(303);
    expect(repeat.headers.get('location')).toBe('/forloeb/ny');
  });
});
