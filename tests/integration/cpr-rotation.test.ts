import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCpr, type Cpr } from '../../src/domain/cpr.ts';
import { ValidationFailed } from '../../src/domain/errors.ts';
import { CPR_TAKEN } from '../../src/services/cases/citizen.service.ts';
import type { Actor } from '../../src/services/context.ts';
import { createCprVault } from '../../src/services/cpr-vault.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { syntheticCpr } from '../../src/services/demo/demo-cpr.ts';
import { DEMO_PERSONAS } from '../../src/services/demo/demo-personas.ts';
import { AARHUS, KOLDING, staff, testCpr } from '../factories/case-factory.ts';
import { createCli, type Cli } from '../setup/cli.ts';
import { createTestContext, TEST_CPR_KEY, TEST_SECRETS, type TestContext } from '../setup/test-db.ts';

// CPR key rotation (spec: CPR key rotation; operations: Rotating the CPR key). The demo's citizens and
// some registered ones are under key A (one still in the form from before key ids); the app restarted
// with the keys [B, A] reads and finds all of them, refuses a second registration of a number still under
// A, and writes new ones under B. The rotation, stopped after its first batch, is resumed by running it
// again; then every value and hash is B's and an app with B alone reads and finds everyone. A value under
// a key that is not configured is named by its citizen's id, never its number, and the command exits 1.

const A = TEST_CPR_KEY;
const B = Buffer.alloc(32, 21);
const C = Buffer.alloc(32, 33);
const b64 = (keys: Buffer[]) => keys.map((k) => k.toString('base64')).join(',');
/** The demo citizens' numbers as they could be written, none of which any output may show. */
const DEMO_CPR_SPELLINGS = DEMO_PERSONAS.map((p) => syntheticCpr(p.birthDate, p.serial, p.gender)).flatMap(
  (digits) => [digits, `${digits.slice(0, 6)}-${digits.slice(6)}`],
);

function cpr(text: string): Cpr {
  const parsed = parseCpr(text);
  if (!parsed.ok) throw new Error('bad test CPR number');
  return parsed.cpr;
}

/** A value in the form from before key ids, made as the vault made it then: what older databases hold. */
function v1Value(secret: Buffer, number: Cpr): string {
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'borgerbudget cpr encryption v1', 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  cipher.setAAD(Buffer.from('borgerbudget:citizen.cpr:v1'));
  const text = Buffer.concat([cipher.update(number, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), text]).toString('base64')}`;
}

let t: TestContext;
let coordinator: Actor;
/** Citizens registered in Aarhus under A, with their numbers. */
const registered: { id: string; cpr: string }[] = [];

function servicesWith(keys: Buffer[]): Services {
  return createServices({
    database: t.database,
    clock: t.clock,
    secrets: { session: TEST_SECRETS.session, cpr: keys },
    production: false,
  });
}

async function storedValues() {
  return t.database.transaction('all', (tx) =>
    tx
      .selectFrom('citizen')
      .select(['id', 'cpr_encrypted', 'cpr_hash'])
      .where('cpr_encrypted', 'is not', null)
      .orderBy('id')
      .$narrowType<{ cpr_encrypted: string; cpr_hash: string }>()
      .execute(),
  );
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

/** Every registered citizen is found by their number and their number is read back. */
async function expectAllFoundAndRead(services: Services): Promise<void> {
  for (const { id, cpr: number } of registered) {
    const found = await services.citizens.findByCpr(coordinator, { cpr: number }, 'POST /borgere/soeg');
    expect(found?.citizen.id).toBe(id);
    expect(await services.citizens.revealCpr(coordinator, id, 'GET /borgere/:id/cpr')).toBe(number);
  }
  const again = await refusal(
    services.citizens.register(coordinator, { cpr: registered[0]?.cpr, name: 'X' }),
  );
  expect(again).toBeInstanceOf(ValidationFailed);
  expect((again as ValidationFailed).fields).toEqual({ cpr: CPR_TAKEN });
}

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  coordinator = await staff(t, AARHUS, 'koordinator');
  for (let i = 0; i < 6; i++) {
    const number = testCpr();
    const citizen = await t.services.citizens.register(coordinator, { cpr: number, name: `Borger ${i}` });
    registered.push({ id: citizen.id, cpr: number });
  }
  // One from before key ids: its hash was A's then as now.
  const first = registered[0];
  if (!first) throw new Error('no citizen');
  await t.database.transaction('all', (tx) =>
    tx
      .updateTable('citizen')
      .set({ cpr_encrypted: v1Value(A, cpr(first.cpr)) })
      .where('id', '=', first.id)
      .execute(),
  );
});
afterAll(() => t.close());

describe('rotating the CPR key', () => {
  const [idA = '', idB = '', idC = ''] = [A, B, C].map((k) => createCprVault([k]).keyIds[0]);

  it('reads and finds everyone under the old key once the app has the keys [B, A], and writes under B', async () => {
    const rotating = servicesWith([B, A]);
    await expectAllFoundAndRead(rotating);
    const before = (await storedValues()).length;
    // Loading the demo again finds its citizens under A and adds none.
    await rotating.demo.load();
    expect(await storedValues()).toHaveLength(before);

    const number = testCpr();
    const added = await rotating.citizens.register(coordinator, { cpr: number, name: 'Ny Borger' });
    registered.push({ id: added.id, cpr: number });
    const row = (await storedValues()).find((v) => v.id === added.id);
    expect(row?.cpr_encrypted.startsWith(`v2.${idB}.`)).toBe(true);
    expect(row?.cpr_hash).toBe(createCprVault([B]).lookupHash(cpr(number)));

    const check = await rotating.cprKeys.check();
    expect(check.firstKeyId).toBe(idB);
    expect(check.keys).toEqual([
      { keyId: idB, status: 'first', count: 1 },
      { keyId: idA, status: 'older', count: before - 1 },
      { keyId: null, status: 'beforeKeyIds', count: 1 },
    ]);
    expect(check.notUnderFirst).toBe(before);
  });

  it('imports a case for a citizen still under the old key onto that citizen', async () => {
    const rotating = servicesWith([B, A]);
    const citizen = registered[1];
    if (!citizen) throw new Error('no citizen');
    const header =
      'case_ref,municipality_code,cpr,referred_on,start_date,end_date,status,termination_reason,granted_kr,highest_education,income_source';
    const file = (ref: string) => ({
      name: 'cases.csv',
      bytes: new TextEncoder().encode(
        `${header}\n${ref},${AARHUS},${citizen.cpr},2025-01-05,2025-02-01,,active,,1000,,\n`,
      ),
    });
    const before = (await storedValues()).length;
    const result = await rotating.imports.importAsOperator([file('ROT-1')]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(await storedValues()).toHaveLength(before);
    const caseId = result.summary.cases[0]?.caseId ?? '';
    const owner = await t.database.transaction('all', (tx) =>
      tx.selectFrom('citizen_case').select('citizen_id').where('id', '=', caseId).executeTakeFirst(),
    );
    expect(owner?.citizen_id).toBe(citizen.id);
    // Its open case is known too: a second one in the same programme is refused.
    const second = await rotating.imports.importAsOperator([file('ROT-2')]);
    expect(second.ok).toBe(false);
  });

  it('is resumed after a stop half-way, until every value and hash is under B', async () => {
    const rotating = servicesWith([B, A]);
    const total = (await storedValues()).length;
    const notUnderB = (await rotating.cprKeys.check()).notUnderFirst;
    expect(notUnderB).toBeGreaterThan(10);

    // The run stops after its first batch has committed, as a crash would stop it.
    await expect(
      rotating.cprKeys.rotate({
        batchSize: 5,
        onBatch: () => {
          throw new Error('stopped');
        },
      }),
    ).rejects.toThrow('stopped');
    expect((await rotating.cprKeys.check()).notUnderFirst).toBe(notUnderB - 5);
    // Half-way, everyone is still read and found.
    await expectAllFoundAndRead(rotating);

    const progress: number[] = [];
    const result = await rotating.cprKeys.rotate({
      batchSize: 5,
      onBatch: (p) => {
        progress.push(p.reencrypted);
      },
    });
    expect(result).toEqual({
      firstKeyId: idB,
      batches: Math.ceil((notUnderB - 5) / 5),
      reencrypted: notUnderB - 5,
      left: 0,
      unreadable: [],
    });
    expect(progress.at(-1)).toBe(notUnderB - 5);

    const onlyB = createCprVault([B]);
    const values = await storedValues();
    expect(values).toHaveLength(total);
    for (const v of values) {
      expect(onlyB.isCurrent(v.cpr_encrypted)).toBe(true);
      expect(v.cpr_hash).toBe(onlyB.lookupHash(onlyB.decrypt(v.cpr_encrypted)));
    }
    expect(await rotating.cprKeys.check()).toEqual({
      firstKeyId: idB,
      keys: [{ keyId: idB, status: 'first', count: total }],
      notUnderFirst: 0,
    });
  });

  it('records each finished run in the national audit chain, with counts only', async () => {
    const events = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('audit_event')
        .select(['chain', 'municipality_id', 'actor_user_id', 'entity_id', 'after'])
        .where('action', '=', 'cpr.rotate')
        .execute(),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ chain: 0, municipality_id: null, actor_user_id: null, entity_id: idB });
    expect(Object.keys(events[0]?.after as object).sort()).toEqual([
      'batches',
      'left',
      'reencrypted',
      'unreadable',
    ]);
    expect(JSON.stringify(events)).not.toMatch(/\d{6}-?\d{4}/);
    expect((await t.services.system.verifyAuditChains()).firstBreak).toBeNull();
  });

  it('leaves an app with B alone reading and finding everyone; one with A alone reads no one', async () => {
    await expectAllFoundAndRead(servicesWith([B]));
    const citizen = registered[2];
    await expect(
      servicesWith([A]).citizens.revealCpr(coordinator, citizen?.id ?? '', 'GET /borgere/:id/cpr'),
    ).rejects.toThrow(`under the key ${idB}, which is not configured`);
    const kolding = await staff(t, KOLDING, 'koordinator');
    expect(
      await servicesWith([B]).citizens.findByCpr(kolding, { cpr: citizen?.cpr }, 'POST /borgere/soeg'),
    ).toBeNull();
  });

  it('counts a value written under the old key behind the run as left, and the next run takes it', async () => {
    const underA = createCprVault([A]);
    const setUnderA = (id: string, number: string) =>
      t.database.transaction('all', (tx) =>
        tx
          .updateTable('citizen')
          .set({ cpr_encrypted: underA.encrypt(cpr(number)), cpr_hash: underA.lookupHash(cpr(number)) })
          .where('id', '=', id)
          .execute(),
      );
    const three = registered.slice(0, 3).sort((x, y) => x.id.localeCompare(y.id));
    for (const c of three) await setUnderA(c.id, c.cpr);
    const rotating = servicesWith([B, A]);
    // After the first batch, a process that does not have the new key yet writes that citizen under A.
    const result = await rotating.cprKeys.rotate({
      batchSize: 1,
      onBatch: async ({ batches }) => {
        if (batches === 1) await setUnderA(three[0]?.id ?? '', three[0]?.cpr ?? '');
      },
    });
    expect(result).toMatchObject({ reencrypted: 3, batches: 3, left: 1, unreadable: [] });
    expect(await rotating.cprKeys.rotate()).toMatchObject({ reencrypted: 1, left: 0, unreadable: [] });
    await expectAllFoundAndRead(servicesWith([B]));
  });

  it('names a value under a key that is not configured by its citizen, and leaves it as it was', async () => {
    const citizen = registered[3];
    if (!citizen) throw new Error('no citizen');
    const foreign = createCprVault([C]);
    const value = foreign.encrypt(cpr(citizen.cpr));
    await t.database.transaction('all', (tx) =>
      tx
        .updateTable('citizen')
        .set({ cpr_encrypted: value, cpr_hash: foreign.lookupHash(cpr(citizen.cpr)) })
        .where('id', '=', citizen.id)
        .execute(),
    );
    const result = await servicesWith([B]).cprKeys.rotate();
    expect(result).toMatchObject({
      reencrypted: 0,
      left: 1,
      unreadable: [{ citizenId: citizen.id, unknownKeyId: idC }],
    });
    expect((await storedValues()).find((v) => v.id === citizen.id)?.cpr_encrypted).toBe(value);
    expect((await servicesWith([B]).cprKeys.check()).keys).toContainEqual({
      keyId: idC,
      status: 'unknown',
      count: 1,
    });
    // With its key among the older ones, it is moved like any other.
    expect(await servicesWith([B, C]).cprKeys.rotate()).toMatchObject({ reencrypted: 1, left: 0 });
  });
});

describe('borgerbudget rotate-cpr-key', { timeout: 180_000 }, () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = await createCli('cpr-rotation');
  }, 120_000);
  afterAll(() => cli.close());

  const withKeys = (keys: Buffer[], ...args: string[]) => {
    cli.env.CPR_ENCRYPTION_KEYS = b64(keys);
    return cli.run(...args);
  };
  const [idA = '', idB = ''] = [A, B].map((k) => createCprVault([k]).keyIds[0]);

  it('counts, rotates in batches with its progress, and ends with nothing under an old key', async () => {
    expect((await withKeys([A], 'demo')).code).toBe(0);
    const before = await withKeys([B, A], 'rotate-cpr-key', '--check');
    expect(before.code).toBe(1);
    const count = Number(/ {2}[0-9a-f]{8} \(en ældre nøgle\): (\d+)/.exec(before.out)?.[1]);
    expect(count).toBeGreaterThan(10);
    expect(before.out).toBe(
      [
        `CPR-numre pr. nøgle (den første nøgle er ${idB}):`,
        `  ${idA} (en ældre nøgle): ${count}`,
        `${count} CPR-numre er ikke under den første nøgle: kør borgerbudget rotate-cpr-key.`,
        '',
      ].join('\n'),
    );

    const run = await withKeys([B, A], 'rotate-cpr-key', '--batch-size', '7');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const lines = run.out.trim().split('\n');
    expect(lines[0]).toBe(
      `Krypterer CPR-numrene om under den første nøgle i CPR_ENCRYPTION_KEYS, ${idB}, 7 ad gangen …`,
    );
    expect(lines[1]).toBe('  7 krypteret om efter portion 1');
    expect(lines.slice(-2)).toEqual([
      `Krypteret om: ${count} CPR-numre (portioner: ${Math.ceil(count / 7)}).`,
      'Ingen værdi under en gammel nøgle er tilbage: de gamle nøgler kan fjernes fra CPR_ENCRYPTION_KEYS.',
    ]);

    const after = await withKeys([B], 'rotate-cpr-key', '--check');
    expect(after.code).toBe(0);
    expect(after.out).toContain(
      `  ${idB} (den første nøgle): ${count}\nAlle CPR-numre er under den første nøgle.`,
    );
    expect((await withKeys([B], 'check')).code).toBe(0);
  });

  it('names the citizens whose number no configured key reads, never the number, and exits with 1', async () => {
    // Run again with nothing left to do, it changes nothing (here in English).
    const again = await cli.runInEnglish('rotate-cpr-key');
    expect(again.code).toBe(0);
    expect(again.out.trim().split('\n').slice(1)).toEqual([
      'Re-encrypted: 0 CPR numbers (batches: 0).',
      'No value under an old key is left: the old keys can be removed from CPR_ENCRYPTION_KEYS.',
    ]);
    const lost = await withKeys([C], 'rotate-cpr-key');
    expect(lost.code).toBe(1);
    const named = lost.err.split('\n').filter((l) => l.startsWith('  borger '));
    expect(named.length).toBeGreaterThan(10);
    for (const line of named) {
      expect(line).toMatch(
        new RegExp(`^ {2}borger [0-9a-f-]{36}: krypteret under nøglen ${idB}, som ikke er konfigureret$`),
      );
    }
    expect(lost.err.split('\n')[0]).toBe(
      `Stadig ikke under den første nøgle: ${named.length}. Behold de gamle nøgler i CPR_ENCRYPTION_KEYS.`,
    );
    expect(lost.out).toContain('Krypteret om: 0 CPR-numre');
    for (const number of DEMO_CPR_SPELLINGS) expect(lost.out + lost.err).not.toContain(number);
    const check = await withKeys([C], 'rotate-cpr-key', '--check');
    expect(check.code).toBe(1);
    expect(check.out).toContain(`  ${idB} (ikke konfigureret, så de kan ikke læses): ${named.length}`);
  });

  it('refuses bad arguments with its usage and exit code 2', async () => {
    const bad = await withKeys([B], 'rotate-cpr-key', '--batch-size', '0');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(
      '--batch-size skal være et helt tal fra 1 til 10000, ikke "0".\nBrug: borgerbudget rotate-cpr-key [--check] [--batch-size N]\n',
    );
    const unknown = await cli.runInEnglish('rotate-cpr-key', '--dry');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe('Usage: borgerbudget rotate-cpr-key [--check] [--batch-size N]\n');
  });
});
