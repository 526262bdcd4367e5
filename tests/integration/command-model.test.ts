import fc from 'fast-check';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { recordAudit } from '../../src/services/audit.service.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IdempotencyMismatch,
  type Outcome,
  type StoredResponse,
} from '../../src/services/command.service.ts';
import type { Actor } from '../../src/services/context.ts';
import { AARHUS, caseIn, staff } from '../factories/case-factory.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp } from '../setup/http.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// The command service under idempotency, against a model (spec: Idempotency keys): random sequences of
// requests, replays, requests whose transaction dies at a random statement (a crash), lost answers that the
// client sends again, another request under a used key, and two copies of one request at the same time. The
// model says what each answer must be; afterwards the database must hold exactly the effects the model
// holds. MODEL_RUNS sets the number of runs (300 by default; each run of the suite draws new sequences); fast-check prints the seed of a failure,
// and MODEL_SEED=<that seed> runs the same sequences again.

const RUNS = Number(process.env.MODEL_RUNS ?? 300);
const SEED = process.env.MODEL_SEED === undefined ? undefined : Number(process.env.MODEL_SEED);

class SimulatedCrash extends Error {}

/** Fails the n-th statement after it ran, as a crash there would: the transaction never commits. */
class Faults implements KyselyPlugin {
  private left: number | null = null;
  arm(statement: number): void {
    this.left = statement;
  }
  disarm(): void {
    this.left = null;
  }
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.left !== null && --this.left === 0) {
      this.left = null;
      return Promise.reject(new SimulatedCrash('crash'));
    }
    return Promise.resolve(args.result);
  }
}

type Event =
  | { kind: 'send'; op: number }
  | { kind: 'crash'; op: number; statement: number }
  | { kind: 'other-body'; op: number }
  | { kind: 'pair'; op: number };

const OPS = 3;
const event: fc.Arbitrary<Event> = fc.oneof(
  fc.record({ kind: fc.constant('send' as const), op: fc.nat(OPS - 1) }),
  fc.record({
    kind: fc.constant('crash' as const),
    op: fc.nat(OPS - 1),
    statement: fc.integer({ min: 1, max: 18 }),
  }),
  fc.record({ kind: fc.constant('other-body' as const), op: fc.nat(OPS - 1) }),
  fc.record({ kind: fc.constant('pair' as const), op: fc.nat(OPS - 1) }),
);

const faults = new Faults();
let t: TestContext;
let support: Actor;
let caseId: string;
beforeAll(async () => {
  t = await createTestContext({ demo: true, plugins: [faults] });
  const coordinator = await staff(t, AARHUS, 'koordinator');
  support = await staff(t, AARHUS, 'stotteperson');
  caseId = (await caseIn(t, 'active', { coordinator, support })).caseId;
});
afterAll(() => t.close());

let runNumber = 0;

interface Attempt {
  outcome?: Outcome;
  response?: StoredResponse | null;
  error?: unknown;
}

/** One request: a note with `body` under `key`; resolves with what the client gets back. */
async function attempt(key: string, body: string): Promise<Attempt> {
  let response: StoredResponse | null = null;
  try {
    const outcome = await t.services.commands.run(
      support,
      { key, fingerprint: t.services.commands.fingerprint('POST', '/notes', body) },
      async () => {
        const id = await t.services.notes.add(support, caseId, { body, internal: 'on' });
        response = { status: 201, headers: {}, body: id };
        return { response, keep: true };
      },
    );
    return { outcome, response: outcome.kind === 'replay' ? outcome.response : response };
  } catch (error) {
    return { error };
  }
}

async function notesOfRun(prefix: string): Promise<{ id: string; body: string }[]> {
  return t.database.transaction({ municipalityId: AARHUS }, (tx) =>
    tx
      .selectFrom('follow_up_note')
      .select(['id', 'body'])
      .where('case_id', '=', caseId)
      .where('body', 'like', `${prefix}%`)
      .execute(),
  );
}

describe('commands under idempotency, against a model', () => {
  it(`holds exactly the model's effects over ${RUNS} runs`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 6 }), async (events) => {
        const prefix = `model-${++runNumber}-`;
        const keyOf = (op: number) => `${prefix}key-${op}`.padEnd(8, 'x');
        // The model: per key, the body its effect was made with and the answer that was stored.
        const stored = new Map<string, { body: string; answer: string }>();

        /** Checks one answer against the model, and adds a new effect to it. */
        const check = (key: string, body: string, got: Attempt) => {
          const known = stored.get(key);
          if (known && known.body !== body) {
            expect(got.error).toBeInstanceOf(IdempotencyMismatch);
          } else if (known) {
            expect(got.outcome?.kind).toBe('replay');
            expect(got.response?.body).toBe(known.answer);
          } else {
            expect(got.error).toBeUndefined();
            expect(got.outcome?.kind).toBe('performed');
            stored.set(key, { body, answer: got.response?.body ?? '' });
          }
        };

        for (const e of events) {
          const key = keyOf(e.op);
          const body = e.kind === 'other-body' ? `${prefix}op-${e.op}-other` : `${prefix}op-${e.op}`;
          if (e.kind === 'crash') {
            faults.arm(e.statement);
            const got = await attempt(key, body);
            faults.disarm();
            if (!(got.error instanceof SimulatedCrash)) {
              check(key, body, got); // the command was shorter than the crash
            } else if (stored.has(key)) {
              check(key, body, await attempt(key, body));
            } else {
              // The client never got its answer and sends the request again: it gets the answer of the
              // crashed try if that one had committed (a crash after COMMIT), else the work is done now.
              const retry = await attempt(key, body);
              expect(retry.error).toBeUndefined();
              stored.set(key, { body, answer: retry.response?.body ?? '' });
            }
          } else if (e.kind === 'pair') {
            const known = stored.has(key);
            const both = await Promise.all([attempt(key, body), attempt(key, body)]);
            // One of the two does the work (or neither, when the key was used); both get its answer.
            const [first, second] = both[0].outcome?.kind === 'performed' ? both : [both[1], both[0]];
            check(key, body, first);
            check(key, body, second);
            if (!known) expect(both.filter((b) => b.outcome?.kind === 'performed').length).toBe(1);
          } else {
            check(key, body, await attempt(key, body));
          }
        }

        const notes = await notesOfRun(prefix);
        expect(notes.map((n) => n.id).sort()).toEqual([...stored.values()].map((s) => s.answer).sort());
        for (const { body, answer } of stored.values()) {
          expect(notes.find((n) => n.id === answer)?.body).toBe(body);
        }
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    const pending = await t.database.transaction('all', (tx) =>
      tx.selectFrom('idempotency_key').select('key').where('response_status', 'is', null).execute(),
    );
    expect(pending).toEqual([]);
  }, 600_000);
});

describe('idempotency keys expire', () => {
  it('keeps a key and its answer for 24 hours; then the cleanup removes it and the key is new again', async () => {
    const key = `expiring-${runNumber}-key`;
    const first = await attempt(key, 'Første opfølgning, der udløber');
    expect(first.outcome?.kind).toBe('performed');
    t.clock.advance(23 * 3_600_000);
    expect(await t.services.commands.removeExpiredKeys()).toBe(0);
    expect((await attempt(key, 'Første opfølgning, der udløber')).outcome?.kind).toBe('replay');

    t.clock.advance(2 * 3_600_000);
    // Before the cleanup has run, an expired key is taken as new all the same.
    const reused = await attempt(key, 'En anden opfølgning med den gamle nøgle');
    expect(reused.outcome?.kind).toBe('performed');
    t.clock.advance(25 * 3_600_000);
    expect(await t.services.commands.removeExpiredKeys()).toBeGreaterThanOrEqual(1);
    const left = await t.database.transaction('all', (tx) =>
      tx.selectFrom('idempotency_key').select('key').where('key', '=', key).execute(),
    );
    expect(left).toEqual([]);
  });
});

describe("a command's audit events", () => {
  it('are written at the commit, each in the scope it was made in, and not when their part failed', async () => {
    // The entity type tells this run's events apart; the action is any the log knows.
    const scope = `test.scope-${runNumber}`;
    await t.database.transaction({ municipalityId: AARHUS }, async () => {
      // A part working for all municipalities records a national event (chain 0)…
      await t.database.transaction('all', (tx) =>
        recordAudit(tx, support, t.clock.now(), {
          municipalityId: null,
          action: 'programme.create',
          entityType: scope,
          entityId: null,
        }),
      );
      // …and a part that fails takes its event with it.
      await t.database
        .transaction({ municipalityId: AARHUS }, async (tx) => {
          await recordAudit(tx, support, t.clock.now(), {
            municipalityId: AARHUS,
            action: 'programme.create',
            entityType: `${scope}-failed`,
            entityId: null,
          });
          throw new Error('the part fails');
        })
        .catch(() => undefined);
    });
    const events = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('audit_event')
        .select(['chain', 'entity_type'])
        .where('entity_type', 'like', `${scope}%`)
        .execute(),
    );
    expect(events).toEqual([{ chain: 0, entity_type: scope }]);
    expect((await t.services.system.verifyAuditChains()).firstBreak).toBeNull();
  });
});

describe('what a refused command read', () => {
  it('stays in the access log although the command rolled back (a form shown again with errors)', async () => {
    const session = await loginAs(t, 'support', AARHUS);
    const browser = new Browser(buildApp(t.services)).useSession(session.token);
    const purpose = 'POST /forloeb/:id/baggrund';
    const logged = () =>
      t.database.transaction('all', (tx) =>
        tx
          .selectFrom('access_log')
          .select('id')
          .where('case_id', '=', caseId)
          .where('purpose', '=', purpose)
          .execute(),
      );
    const before = (await logged()).length;
    const res = await browser.submit(`/forloeb/${caseId}/baggrund`, { incomeSource: 'not-a-code' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Vælg en forsørgelse fra listen.');
    expect((await logged()).length).toBe(before + 1);
  });
});
