import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFound } from '../../src/domain/errors.ts';
import { actorOf, HALSNAES } from '../setup/actors.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
});
afterAll(() => t.close());

const accessLogRows = () =>
  t.database.transaction('all', async (tx) =>
    Number(
      (
        await tx
          .selectFrom('access_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );

describe('choosing a support person', () => {
  it('lists the active support persons of the coordinator’s own municipality, reading no case', async () => {
    const before = await accessLogRows();
    const people = await t.services.cases.supportPersons(await actorOf(t, 'coordinator'));
    expect(people.map((p) => p.name)).toEqual(['Aisha Rahimi', 'Morten Lund']);
    expect(await accessLogRows()).toBe(before);
    const halsnaes = await t.services.cases.supportPersons(await actorOf(t, 'coordinator', HALSNAES));
    expect(halsnaes.map((p) => p.name)).toEqual(['Jesper Nygaard']);
  });

  it('is not for anyone who may not assign one', async () => {
    for (const role of ['finance', 'admin', 'evaluator'] as const) {
      await expect(t.services.cases.supportPersons(await actorOf(t, role))).rejects.toBeInstanceOf(NotFound);
    }
  });
});

describe('idempotency fingerprints', () => {
  it('are keyed, so a stored fingerprint does not give away a CPR number in the form body', () => {
    const body = JSON.stringify([['cpr', '0101901234']]);
    const fingerprint = t.services.commands.fingerprint('POST', '/forloeb/ny/soeg', body);
    expect(fingerprint).not.toBe(createHash('sha256').update(`POST /forloeb/ny/soeg\n${body}`).digest('hex'));
    expect(fingerprint).toBe(t.services.commands.fingerprint('POST', '/forloeb/ny/soeg', body));
  });
});
