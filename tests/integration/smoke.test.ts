import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

let t: TestContext;
beforeAll(async () => {
  // The one file that loads the demo itself into an empty database; the others copy the run's template.
  t = await createTestContext();
  await t.services.demo.load();
});
afterAll(() => t.close());

describe('a fresh database', () => {
  it('takes the demo data and lets a demo user log in', async () => {
    const { actor } = await t.services.auth.login(
      { email: 'koordinator@aarhus.example', password: t.services.demo.password },
      '127.0.0.1',
    );
    expect(actor).toMatchObject({
      role: 'coordinator',
      municipalityId: 751,
      municipalityName: 'Aarhus Kommune',
    });
  });
});
