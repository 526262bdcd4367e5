import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NotFound, ValidationFailed } from '../../src/domain/errors.ts';
import { retryDelayMs } from '../../src/domain/mail.ts';
import type { Actor } from '../../src/services/context.ts';
import type { ListWork } from '../../src/services/mail/mail-queue.ts';
import { createMailService } from '../../src/services/mail/mail.service.ts';
import { smtpTransport } from '../../src/services/mail/smtp-transport.ts';
import type { WorkGroup, WorkItem, WorkKind } from '../../src/services/work/work-item.ts';
import { AARHUS, actorOf, HALSNAES } from '../setup/actors.ts';
import { startSmtp, type TestSmtp } from '../setup/smtp.ts';
import { createTestContext, TEST_SECRETS, type TestContext } from '../setup/test-db.ts';

// E-mail notifications (spec: E-mail notifications) against a real SMTP server on a free port: the
// digest of what waits, the mail when something new waits, the outbox that keeps a mail while the mail
// server is down and the back-off between tries, and the outbox's wall between municipalities.

const BASE_URL = new URL('https://borgerbudget.kommune.example');
const SETTINGS = { baseUrl: BASE_URL, digestHour: 7 };
const MINUTE = 60_000;

let t: TestContext;
let smtp: TestSmtp | undefined;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
});
afterAll(() => t.close());
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

const transportTo = (port: number) =>
  smtpTransport({
    url: new URL(`smtp://127.0.0.1:${port}`),
    from: 'borgerbudget@kommune.example',
    requireTls: false,
  });

function outboxRows() {
  return t.database.transaction('all', (tx) =>
    tx.selectFrom('mail_outbox').selectAll().orderBy('created_at').execute(),
  );
}

async function clearOutbox(): Promise<void> {
  await t.database.transaction('all', (tx) => tx.deleteFrom('mail_outbox').execute());
}

/** Everyone but `keep` chooses no e-mails, so a test hears only of its own user. */
async function onlyNotify(keep: Actor, notify: 'digest' | 'immediate'): Promise<void> {
  await t.database.transaction('all', (tx) =>
    tx.updateTable('app_user').set({ notify: 'none' }).where('id', '!=', keep.userId).execute(),
  );
  await t.services.mail.choose(keep, { notify }, 'da');
}

describe('the daily digest', () => {
  it('goes out once a day from its hour, with counts and a link only: no name, no CPR number', async () => {
    await clearOutbox();
    smtp = await startSmtp();
    const early = new Date('2026-03-03T05:30:00Z'); // 06:30 in Denmark
    t.clock.advance(early.getTime() - t.clock.now().getTime());
    expect(await t.services.mail.queueDigests(SETTINGS)).toEqual({ ran: false, queued: 0, failed: 0 });

    t.clock.advance(45 * MINUTE);
    const run = await t.services.mail.queueDigests(SETTINGS);
    expect(run.ran).toBe(true);
    expect(run.failed).toBe(0);
    expect(run.queued).toBeGreaterThan(0);
    expect(await t.services.mail.queueDigests(SETTINGS)).toMatchObject({ ran: false });

    const sent = await t.services.mail.sendDue(transportTo(smtp.port));
    expect(sent).toEqual({ sent: run.queued, failed: 0 });
    expect(smtp.received).toHaveLength(run.queued);

    const names = await t.database.transaction('all', async (tx) => [
      ...(await tx.selectFrom('citizen').select('name').execute()).map((c) => c.name),
      ...(await tx.selectFrom('app_user').select('name').execute()).map((u) => u.name),
    ]);
    for (const mail of smtp.received) {
      expect(mail.text).toContain(
        'Log ind og se det hele på forsiden: https://borgerbudget.kommune.example/',
      );
      expect(mail.text).toMatch(/^- \d+ .+$/m);
      // The decoded body (a name with æ, ø or å is encoded in the raw message) and the raw headers; the
      // Message-ID's random hex may hold ten digits in a row, so a CPR number is ten digits on their own.
      const headers = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n'));
      for (const part of [mail.text, headers]) {
        expect(part).not.toMatch(/(?<![\dA-Fa-f-])\d{6}-?\d{4}(?![\dA-Fa-f])/);
        for (const name of names) expect(part).not.toContain(name);
      }
    }
    const coordinator = await actorOf(t, 'coordinator', AARHUS);
    const toCoordinator = smtp.received.filter((m) => m.to.includes(coordinator.email ?? ''));
    expect(toCoordinator).toHaveLength(1);

    const rows = await outboxRows();
    expect(rows.every((r) => r.sent_at !== null && r.kind === 'digest' && r.attempts === 1)).toBe(true);
    const audited = await t.database.transaction('all', (tx) =>
      tx.selectFrom('audit_event').select('entity_id').where('action', '=', 'mail.queue').execute(),
    );
    expect(audited.map((a) => a.entity_id).sort()).toEqual(rows.map((r) => r.recipient_user_id).sort());
  });
});

describe('the sender', () => {
  it('keeps a mail while the mail server is down, tries again later and later, and delivers once it is up', async () => {
    await clearOutbox();
    const coordinator = await actorOf(t, 'coordinator', AARHUS);
    await onlyNotify(coordinator, 'immediate');
    const mail = serviceOver(listOf([item('approval', 'a')]));
    await mail.queueNewWork(SETTINGS);
    setList(listOf([item('approval', 'a'), item('approval', 'b')]));
    expect(await mail.queueNewWork(SETTINGS)).toMatchObject({ queued: 1 });

    // A port that takes no connection: the server is down.
    const probe = await startSmtp();
    const port = probe.port;
    await probe.close();
    const transport = transportTo(port);

    expect(await mail.sendDue(transport)).toEqual({ sent: 0, failed: 1 });
    let [row] = await outboxRows();
    expect(row?.attempts).toBe(1);
    expect(row?.sent_at).toBeNull();
    expect(row?.last_error).toMatch(/^[A-Z_]+( \d+)?$/);
    expect(row?.next_attempt_at.getTime()).toBe(t.clock.now().getTime() + retryDelayMs(1));
    // Not due yet: nothing is tried.
    expect(await mail.sendDue(transport)).toEqual({ sent: 0, failed: 0 });

    t.clock.advance(retryDelayMs(1));
    expect(await mail.sendDue(transport)).toEqual({ sent: 0, failed: 1 });
    [row] = await outboxRows();
    expect(row?.attempts).toBe(2);
    expect(row?.next_attempt_at.getTime()).toBe(t.clock.now().getTime() + retryDelayMs(2));

    smtp = await startSmtp(port);
    t.clock.advance(retryDelayMs(2) - 1);
    expect(await mail.sendDue(transport)).toEqual({ sent: 0, failed: 0 });
    t.clock.advance(1);
    expect(await mail.sendDue(transport)).toEqual({ sent: 1, failed: 0 });
    expect(await mail.sendDue(transport)).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.to).toEqual([coordinator.email]);
    expect(smtp.received[0]?.text).toContain('- 1 købsanmodning venter på godkendelse');
    [row] = await outboxRows();
    expect(row).toMatchObject({ attempts: 3, last_error: null });
    expect(row?.sent_at).not.toBeNull();
  });
});

describe('two senders at once', () => {
  it('hand each mail to the server once', async () => {
    await clearOutbox();
    const coordinator = await actorOf(t, 'coordinator', AARHUS);
    await onlyNotify(coordinator, 'immediate');
    const mail = serviceOver(listOf([]));
    await mail.queueNewWork(SETTINGS);
    for (const id of ['x', 'y', 'z']) {
      setList(listOf([...current.flatMap((g) => g.items), item('approval', id)]));
      expect(await mail.queueNewWork(SETTINGS)).toMatchObject({ queued: 1 });
    }
    smtp = await startSmtp();
    const transport = transportTo(smtp.port);
    const runs = await Promise.all([mail.sendDue(transport), mail.sendDue(transport)]);
    expect(runs.reduce((sum, r) => sum + r.sent, 0)).toBe(3);
    expect(smtp.received).toHaveLength(3);
    expect((await outboxRows()).every((r) => r.attempts === 1 && r.sent_at !== null)).toBe(true);
  });
});

describe('a mail when something new waits', () => {
  it('notes what waits at first, then tells only of keys it has not told of', async () => {
    await clearOutbox();
    const support = await actorOf(t, 'support', AARHUS);
    await onlyNotify(support, 'immediate');
    const mail = serviceOver(listOf([item('proposed', 'p1'), item('returned', 'r1')]));

    expect(await mail.queueNewWork(SETTINGS)).toEqual({ ran: true, queued: 0, failed: 0 });
    expect(await mail.queueNewWork(SETTINGS)).toMatchObject({ queued: 0 });

    setList(
      listOf([
        item('proposed', 'p1'),
        item('proposed', 'p2'),
        item('proposed', 'p3'),
        item('returned', 'r1'),
      ]),
    );
    expect(await mail.queueNewWork(SETTINGS)).toMatchObject({ queued: 1 });
    expect(await mail.queueNewWork(SETTINGS)).toMatchObject({ queued: 0 });

    // One done, none new: nothing to tell. One done and one come back: told again.
    setList(listOf([item('proposed', 'p2'), item('proposed', 'p3')]));
    expect(await mail.queueNewWork(SETTINGS)).toMatchObject({ queued: 0 });
    setList(listOf([item('proposed', 'p2'), item('proposed', 'p3'), item('returned', 'r1')]));
    expect(await mail.queueNewWork(SETTINGS)).toMatchObject({ queued: 1 });

    const rows = await outboxRows();
    expect(rows.map((r) => r.kind)).toEqual(['new', 'new']);
    expect(rows[0]?.body).toContain('- 2 købsforslag fra borgere venter på dig');
    expect(rows[0]?.body).not.toContain('sendt tilbage');
    expect(rows[1]?.body).toContain('- 1 anmodning er sendt tilbage til dig');
    expect(rows.every((r) => r.recipient === support.email)).toBe(true);
    // The keys are kept as keyed hashes only.
    const told = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('mail_notified')
        .select('key_hashes')
        .where('user_id', '=', support.userId)
        .executeTakeFirstOrThrow(),
    );
    expect(told.key_hashes.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });

  it('counts the growth of a list that leaves off its newest items', async () => {
    await clearOutbox();
    const finance = await actorOf(t, 'finance', AARHUS);
    await onlyNotify(finance, 'immediate');
    const oldest = [item('payment', '1'), item('payment', '2')];
    const mail = serviceOver([{ kind: 'payment', count: 5, items: oldest }]);
    await mail.queueNewWork(SETTINGS);
    setList([{ kind: 'payment', count: 7, items: oldest }]);
    expect(await mail.queueNewWork(SETTINGS)).toMatchObject({ queued: 1 });
    expect((await outboxRows())[0]?.body).toContain('- 2 betalinger venter');
  });

  it('starts afresh when the user chooses it again, and records each choice', async () => {
    await clearOutbox();
    const admin = await actorOf(t, 'admin', AARHUS);
    await onlyNotify(admin, 'immediate');
    const mail = serviceOver(listOf([item('userWithoutLogin', 'u1')]));
    await mail.queueNewWork(SETTINGS);
    await t.services.mail.choose(admin, { notify: 'none' }, 'en');
    await t.services.mail.choose(admin, { notify: 'immediate' }, 'en');
    setList(listOf([item('userWithoutLogin', 'u1'), item('userWithoutLogin', 'u2')]));
    // The choice made anew only takes note; what comes after is told, in the language chosen in.
    expect(await mail.queueNewWork(SETTINGS)).toMatchObject({ queued: 0 });
    setList(
      listOf([item('userWithoutLogin', 'u1'), item('userWithoutLogin', 'u2'), item('tokenExpiring', 't')]),
    );
    expect(await mail.queueNewWork(SETTINGS)).toMatchObject({ queued: 1 });
    expect((await outboxRows())[0]?.body).toContain('- 1 API key expires soon');
    const events = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('audit_event')
        .select('after')
        .where('action', '=', 'user.setNotify')
        .where('entity_id', '=', admin.userId)
        .execute(),
    );
    expect(events.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a choice that is not one, and changes nothing', async () => {
    const support = await actorOf(t, 'support', AARHUS);
    const before = await t.services.mail.settings(support);
    await expect(t.services.mail.choose(support, { notify: 'hourly' }, 'da')).rejects.toBeInstanceOf(
      ValidationFailed,
    );
    expect(await t.services.mail.settings(support)).toEqual(before);
    const evaluator = await actorOf(t, 'evaluator');
    await expect(t.services.mail.choose(evaluator, { notify: 'none' }, 'da')).rejects.toBeInstanceOf(
      NotFound,
    );
  });
});

describe('the outbox', () => {
  it("shows the administrator their own municipality's mails only, and no one else", async () => {
    await clearOutbox();
    const aarhusCoordinator = await actorOf(t, 'coordinator', AARHUS);
    const halsnaesCoordinator = await actorOf(t, 'coordinator', HALSNAES);
    for (const who of [aarhusCoordinator, halsnaesCoordinator]) {
      await onlyNotify(who, 'immediate');
      const mail = serviceOver(listOf([]));
      await mail.queueNewWork(SETTINGS);
      setList(listOf([item('referral', who.userId)]));
      expect(await mail.queueNewWork(SETTINGS)).toMatchObject({ queued: 1 });
    }
    const aarhus = await t.services.mail.outbox(await actorOf(t, 'admin', AARHUS));
    expect(aarhus.map((m) => m.recipientName)).toEqual([aarhusCoordinator.name]);
    const halsnaes = await t.services.mail.outbox(await actorOf(t, 'admin', HALSNAES));
    expect(halsnaes.map((m) => m.recipientName)).toEqual([halsnaesCoordinator.name]);
    await expect(t.services.mail.outbox(aarhusCoordinator)).rejects.toBeInstanceOf(NotFound);
    // The second wall: row-level security shows a municipality its own rows only.
    const seen = await t.database.transaction({ municipalityId: HALSNAES }, (tx) =>
      tx.selectFrom('mail_outbox').select('municipality_id').execute(),
    );
    expect(seen.map((r) => r.municipality_id)).toEqual([HALSNAES]);
  });
});

// A work list the test sets, in place of what the database would list, to say exactly what is new.
let current: WorkGroup[] = [];

function setList(groups: WorkGroup[]): void {
  current = groups;
}

function serviceOver(groups: WorkGroup[]) {
  setList(groups);
  const listWork: ListWork = () => Promise.resolve(current);
  return createMailService(
    { database: t.database, clock: t.clock, secrets: TEST_SECRETS, production: false },
    listWork,
  );
}

function item(kind: WorkKind, id: string): WorkItem {
  return {
    kind,
    key: `${kind}:${id}`,
    since: t.clock.now(),
    href: '/',
    caseId: null,
    caseNumber: null,
    params: {},
  };
}

function listOf(items: WorkItem[]): WorkGroup[] {
  const kinds = [...new Set(items.map((i) => i.kind))];
  return kinds.map((kind) => {
    const of = items.filter((i) => i.kind === kind);
    return { kind, count: of.length, items: of };
  });
}
