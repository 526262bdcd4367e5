import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/domain/calendar-date.ts';
import { addMonths } from '../../src/domain/calendar-date.ts';
import type { AnonymisedReport } from '../../src/domain/report/anonymise.ts';
import type { Actor } from '../../src/services/context.ts';
import { DEMO_MUNICIPALITIES } from '../../src/services/demo/demo-organisation.ts';
import {
  AARHUS,
  caseIn,
  evaluator,
  HALSNAES,
  KOLDING,
  programmeOf,
  registerCitizen,
  staff,
} from '../factories/case-factory.ts';
import { moneyTeam, type MoneyTeam } from '../factories/money-factory.ts';
import { personalCase, type PersonalCase } from '../factories/personal-case-factory.ts';
import { loginAs } from '../setup/actors.ts';
import { Browser, buildApp } from '../setup/http.ts';
import { programmeForm, programmeInput } from '../setup/programme.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// Retention (spec: Retention) on demo data and a case that holds every kind of personal data, with the
// clock moved by hand: a closed case is not anonymised the day before its date and is on it and after;
// a legal hold stops it until lifted; the evaluation report is the same before and after; a scan of
// every text, jsonb and bytea column of every table finds the citizen's name, CPR number, phone,
// e-mail, note, dream and goal before and none of them after; the audit chains and the books check
// clean; the append-only guards still refuse without the anonymisation's flag; the daily job runs once
// a day however often it is called.

const DAY = 86_400_000;
const LEGAL_HOLD = 'Klagesag hos Ankestyrelsen om bevillingen.';

let t: TestContext;
let team: MoneyTeam;
let rich: PersonalCase;
let keeper: { caseId: string; citizenId: string; openCaseId: string; name: string };
let held: { caseId: string; caseNumber: number };
let viewers: { name: string; actor: Actor }[];
/** The citizens whose every case is closed, as the demo and the factory made them. */
let closedCitizens: { id: string; name: string; cpr_encrypted: string | null; cpr_hash: string | null }[];
let reportsBefore: Record<string, AnonymisedReport>;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  team = await moneyTeam(t, 'Retentionens Byggemarked ApS');
  rich = await personalCase(t, team);
  // A citizen with a declined (closed) case and an open one: the closed one is anonymised, the person not.
  const name = 'Karl Beholder Identitet';
  const citizen = await registerCitizen(t, team.coordinator, { name });
  const programmeId = await programmeOf(t, team.coordinator);
  const first = await t.services.cases.refer(team.coordinator, {
    citizenId: citizen.id,
    programmeId,
    source: 'self',
    reason: 'Første henvisning.',
  });
  await t.services.cases.startScreening(team.coordinator, first.id);
  await t.services.cases.decline(team.coordinator, first.id, { reason: 'Ikke i målgruppen nu.' });
  const second = await t.services.cases.refer(team.coordinator, {
    citizenId: citizen.id,
    programmeId,
    source: 'self',
    reason: 'Anden henvisning.',
  });
  keeper = { caseId: first.id, citizenId: citizen.id, openCaseId: second.id, name };
  viewers = [
    { name: 'national', actor: await evaluator(t) },
    ...(await Promise.all(
      DEMO_MUNICIPALITIES.map(async ({ id: m }) => ({
        name: String(m),
        actor: await staff(t, m, 'koordinator'),
      })),
    )),
  ];
  closedCitizens = await t.database.transaction('all', (tx) =>
    tx
      .selectFrom('citizen as z')
      .select(['z.id', 'z.name', 'z.cpr_encrypted', 'z.cpr_hash'])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('citizen_case as c')
              .select('c.id')
              .whereRef('c.citizen_id', '=', 'z.id')
              .where('c.phase', '<>', 'closed'),
          ),
        ),
      )
      .execute(),
  );
}, 120_000);
afterAll(() => t.close());

/** Moves the test clock to an instant (forward or back). */
function moveTo(iso: string): void {
  t.clock.advance(new Date(iso).getTime() - t.clock.now().getTime());
}

/** Each viewer's report, without the moment it was made. */
async function reports(): Promise<Record<string, AnonymisedReport>> {
  const all: Record<string, AnonymisedReport> = {};
  for (const v of viewers) {
    const { report } = await t.services.reports.view(v.actor, {});
    all[v.name] = { ...report, generatedAt: '' };
  }
  return all;
}

/** A municipality's report with the termination reasons left out (they go with the citizen's words). */
function withoutReasons(report: AnonymisedReport): unknown {
  const strip = (f: object) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'reasons'));
  return {
    ...report,
    completion: {
      all: strip(report.completion.all),
      byMunicipality: Object.fromEntries(
        Object.entries(report.completion.byMunicipality).map(([m, f]) => [m, strip(f)]),
      ),
    },
  };
}

/**
 * Where each string is found: every text, varchar, array, jsonb and bytea column of every table, the
 * bytea ones searched for the string's UTF-8 bytes.
 */
async function scan(needles: readonly string[]): Promise<Record<string, string[]>> {
  return t.database.transaction('all', async (tx) => {
    const { rows: columns } = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select c.table_name, c.column_name, c.data_type
      from information_schema.columns c
      join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
      where c.table_schema = current_schema() and tb.table_type = 'BASE TABLE'
        and c.data_type in ('text', 'character varying', 'character', 'ARRAY', 'json', 'jsonb', 'bytea')
      order by 1, 2`.execute(tx);
    expect(columns.length).toBeGreaterThan(100);
    const found: Record<string, string[]> = Object.fromEntries(needles.map((n) => [n, []]));
    for (const { table_name: table, column_name: column, data_type: type } of columns) {
      const col = sql.ref(`x.${column}`);
      const match =
        type === 'bytea'
          ? sql`position(convert_to(n, 'UTF8') in ${col}) > 0`
          : sql`strpos(${col}::text, n) > 0`;
      const { rows } = await sql<{ n: string }>`
        select n from unnest(${sql.val(needles)}::text[]) as n
        where exists (select 1 from ${sql.table(table)} as x where ${match})`.execute(tx);
      for (const { n } of rows) found[n]?.push(`${table}.${column}`);
    }
    return found;
  });
}

/** The names and stored CPR numbers of the citizens whose every case was closed. */
function storedIdentities(): string[] {
  return closedCitizens.flatMap((c) => [c.name, c.cpr_encrypted, c.cpr_hash]).filter((v): v is string => !!v);
}

async function caseRow(caseId: string) {
  return t.database.transaction('all', (tx) =>
    tx.selectFrom('citizen_case').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow(),
  );
}

describe('when a closed case is anonymised', () => {
  it('lists every closed case with personal data, its date and what stops it', async () => {
    const plan = await t.services.retention.plan();
    expect(plan.asOf).toBe('2026-03-02');
    const entry = plan.cases.find((c) => c.caseId === rich.caseId);
    expect(entry).toMatchObject({
      municipalityId: AARHUS,
      closedOn: '2026-03-02',
      anonymiseOn: '2031-03-02',
      due: false,
      legalHold: null,
      restricted: false,
    });
    for (const c of plan.cases) expect(c.anonymiseOn).toBe(addMonths(c.closedOn, 60));
    expect(plan.cases.filter((c) => c.municipalityId === KOLDING).length).toBeGreaterThan(0);
    expect(await t.services.retention.due()).toEqual([]);
  });

  it('lets the coordinator stop it with a reason, audited without the reason', async () => {
    const plan = await t.services.retention.plan();
    const demo = plan.cases.find((c) => c.municipalityId === AARHUS && c.caseId !== rich.caseId);
    if (!demo) throw new Error('The demo has no closed case in Aarhus');
    held = { caseId: demo.caseId, caseNumber: demo.caseNumber };
    const { coordinator, support } = team;
    await expect(
      t.services.retention.setLegalHold(coordinator, held.caseId, { reason: ' ' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fields: { reason: { key: 'field.retention.reason' } },
    });
    await expect(
      t.services.retention.setLegalHold(support, held.caseId, { reason: LEGAL_HOLD }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    const halsnaes = await staff(t, HALSNAES, 'koordinator');
    await expect(
      t.services.retention.setLegalHold(halsnaes, held.caseId, { reason: LEGAL_HOLD }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(t.services.retention.liftLegalHold(coordinator, held.caseId)).rejects.toMatchObject({
      code: 'no_legal_hold',
    });
    await t.services.retention.setLegalHold(coordinator, held.caseId, { reason: LEGAL_HOLD });
    const view = await t.services.retention.forCase(coordinator, held.caseId);
    expect(view).toMatchObject({ legalHold: { reason: LEGAL_HOLD, since: t.clock.now() }, due: false });
    const events = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('audit_event')
        .select(['action', 'before', 'after', 'actor_role'])
        .where('entity_id', '=', held.caseId)
        .where('action', 'like', 'case.%LegalHold')
        .execute(),
    );
    expect(events).toEqual([
      {
        action: 'case.setLegalHold',
        before: { legalHold: false },
        after: { legalHold: true },
        actor_role: 'coordinator',
      },
    ]);
  });

  it('finds every personal string in the database before', async () => {
    reportsBefore = await reports();
    const s = rich.strings;
    const found = await scan([
      s.name,
      s.cpr,
      s.cprDigits,
      s.phone,
      s.loginPhone,
      s.email,
      s.note,
      s.dream,
      s.goal,
    ]);
    for (const [needle, where] of Object.entries(found)) expect(where, needle).not.toEqual([]);
    // The stored CPR number is encrypted: where the plain number is found is what staff typed and uploaded.
    expect(found[s.cpr]).toEqual(['purchase_attachment.content']);
    expect(found[s.cprDigits]).toEqual(['follow_up_note.body']);
    expect(found[s.phone]).toEqual(expect.arrayContaining(['citizen.phone', 'outbox_message.recipient']));
    expect(found[s.loginPhone]).toEqual(['app_user.phone']);
    const stored = storedIdentities();
    const all = await scan(stored);
    for (const [needle, where] of Object.entries(all)) expect(where, needle).not.toEqual([]);
  });

  it('is not anonymised the day before its date, and is on it; a case past its date is anonymised', async () => {
    moveTo('2031-03-01T09:00:00Z');
    const duePlan = (await t.services.retention.plan()).cases;
    const expected = duePlan.filter((c) => c.anonymiseOn <= '2031-03-01' && c.legalHold === null);
    expect(expected.length).toBeGreaterThan(3);
    expect(duePlan.find((c) => c.caseId === rich.caseId)?.due).toBe(false);
    expect(duePlan.find((c) => c.caseId === held.caseId)).toMatchObject({
      due: false,
      legalHold: { reason: LEGAL_HOLD },
    });

    const first = await t.services.retention.runNow();
    expect(first).toEqual({ ran: true, anonymised: expected.length, failed: 0 });
    for (const c of expected) expect((await caseRow(c.caseId)).anonymised_at).toEqual(t.clock.now());
    expect((await caseRow(rich.caseId)).anonymised_at).toBeNull();
    expect((await caseRow(held.caseId)).anonymised_at).toBeNull();

    moveTo('2031-03-02T09:00:00Z');
    expect((await t.services.retention.due()).map((c) => c.caseId)).toContain(rich.caseId);
    const second = await t.services.retention.runNow();
    expect(second.anonymised).toBeGreaterThanOrEqual(1);
    expect((await caseRow(rich.caseId)).anonymised_at).toEqual(t.clock.now());
    expect((await caseRow(held.caseId)).anonymised_at).toBeNull();
    expect((await t.services.retention.plan()).cases.map((c) => c.caseId)).toEqual([held.caseId]);
  });

  it('keeps the person of a citizen who has another case, and anonymises the closed case', async () => {
    expect((await caseRow(keeper.caseId)).anonymised_at).not.toBeNull();
    expect((await caseRow(keeper.openCaseId)).anonymised_at).toBeNull();
    const citizen = await t.database.transaction('all', (tx) =>
      tx.selectFrom('citizen').selectAll().where('id', '=', keeper.citizenId).executeTakeFirstOrThrow(),
    );
    expect(citizen).toMatchObject({ name: keeper.name, anonymised_at: null });
    expect(citizen.cpr_hash).not.toBeNull();
    expect(await auditOf(keeper.caseId)).toEqual([
      { cause: 'retention', citizenId: keeper.citizenId, citizenAnonymised: false },
    ]);
  });

  it('stops at the legal hold until it is lifted, then runs', async () => {
    const { coordinator } = team;
    expect(await t.services.retention.forCase(coordinator, held.caseId)).toMatchObject({ due: false });
    await t.services.retention.liftLegalHold(coordinator, held.caseId);
    expect(await t.services.retention.forCase(coordinator, held.caseId)).toMatchObject({
      legalHold: null,
      due: true,
    });
    expect(await t.services.retention.runNow()).toEqual({ ran: true, anonymised: 1, failed: 0 });
    const view = await t.services.retention.forCase(coordinator, held.caseId);
    expect(view).toMatchObject({ anonymisedAt: t.clock.now(), due: false });
    await expect(
      t.services.retention.setLegalHold(coordinator, held.caseId, { reason: LEGAL_HOLD }),
    ).rejects.toMatchObject({
      code: 'case_anonymised',
      userMessage: { key: 'retention.refused.anonymised' },
    });
    await expect(t.services.retention.liftLegalHold(coordinator, held.caseId)).rejects.toMatchObject({
      code: 'case_anonymised',
    });
    expect((await t.services.retention.plan()).cases).toEqual([]);
  });
});

async function auditOf(caseId: string): Promise<unknown[]> {
  const rows = await t.database.transaction('all', (tx) =>
    tx
      .selectFrom('audit_event')
      .select('after')
      .where('action', '=', 'case.anonymise')
      .where('entity_id', '=', caseId)
      .execute(),
  );
  return rows.map((r) => r.after);
}

describe('what anonymisation leaves', () => {
  it('leaves the evaluation report as it was', async () => {
    const after = await reports();
    expect(after.national).toEqual(reportsBefore.national);
    for (const v of viewers.filter((x) => x.name !== 'national')) {
      const before = reportsBefore[v.name];
      const now = after[v.name];
      if (!before || !now) throw new Error('A report is missing');
      expect(withoutReasons(now), v.name).toEqual(withoutReasons(before));
      // An anonymised case's free-text reason for ending early is gone with its other words.
      expect(now.completion.all.reasons ?? []).toEqual([]);
    }
    const aarhusBefore = reportsBefore[String(AARHUS)]?.completion.all.reasons ?? [];
    expect(aarhusBefore.map((r) => r.reason)).toContain(`${rich.strings.name} er flyttet til Odense.`);
  });

  it('leaves nothing personal anywhere in the database', async () => {
    const s = rich.strings;
    const stored = storedIdentities();
    const found = await scan([
      s.name,
      s.cpr,
      s.cprDigits,
      s.phone,
      s.loginPhone,
      s.email,
      s.note,
      s.dream,
      s.goal,
      LEGAL_HOLD,
      ...stored,
    ]);
    expect(Object.fromEntries(Object.entries(found).filter(([, where]) => where.length > 0))).toEqual({});
  });

  it('keeps amounts, codes, scored answers and the age, and rounds the dates', async () => {
    const row = await caseRow(rich.caseId);
    expect(row).toMatchObject({
      phase: 'closed',
      close_outcome: 'terminated_early',
      close_reason: '–',
      referral_reason: '–',
      dream: '',
      referred_on: '2026-03-01',
      closed_on: '2026-03-01',
      start_date: '2026-03-02',
      legal_hold_reason: null,
    });
    const kept = await t.database.transaction('all', async (tx) => ({
      citizen: await tx
        .selectFrom('citizen')
        .selectAll()
        .where('id', '=', rich.citizenId)
        .executeTakeFirstOrThrow(),
      goals: await tx
        .selectFrom('long_term_goal')
        .select(['description', 'categories'])
        .where('case_id', '=', rich.caseId)
        .execute(),
      answers: await tx
        .selectFrom('questionnaire_response')
        .select(['instrument', 'answers', 'answered_on'])
        .where('case_id', '=', rich.caseId)
        .orderBy('instrument')
        .execute(),
      requests: await tx
        .selectFrom('purchase_request')
        .select(['status', 'amount_ore', 'category', 'title'])
        .where('case_id', '=', rich.caseId)
        .orderBy('request_number')
        .execute(),
      files: await tx
        .selectFrom('purchase_attachment')
        .select('id')
        .where('municipality_id', '=', AARHUS)
        .where('purchase_request_id', 'in', (eb) =>
          eb.selectFrom('purchase_request').select('id').where('case_id', '=', rich.caseId),
        )
        .execute(),
      notes: await tx.selectFrom('follow_up_note').select('id').where('case_id', '=', rich.caseId).execute(),
      events: await tx
        .selectFrom('case_event')
        .select(['type', 'reason', 'event_date'])
        .where('case_id', '=', rich.caseId)
        .orderBy('id')
        .execute(),
      ledger: await tx
        .selectFrom('ledger_entry')
        .select(['kind', 'amount_ore', 'note'])
        .where('case_id', '=', rich.caseId)
        .orderBy('id')
        .execute(),
    }));
    expect(kept.citizen).toMatchObject({
      name: '–',
      cpr_encrypted: null,
      cpr_hash: null,
      phone: null,
      email: null,
      anonymised_at: t.clock.now(),
      legal_gender: 'female',
    });
    expect(kept.citizen.birth_date.endsWith('-01-01')).toBe(true);
    expect(kept.goals).toEqual([{ description: '–', categories: ['housing', 'independence'] }]);
    expect(kept.answers.map((a) => [a.instrument, a.answered_on])).toEqual([
      ['citizen_end', '2026-03-01'],
      ['citizen_start', '2026-03-01'],
      ['support_end', '2026-03-01'],
      ['support_start', '2026-03-01'],
    ]);
    expect(kept.answers[0]?.answers).toMatchObject({ distance: 'some_way', self_determination: 4 });
    expect(kept.requests).toEqual([
      { status: 'paid', amount_ore: 600_000, category: 'housing', title: '–' },
      { status: 'rejected', amount_ore: 300_000, category: 'electronics', title: '–' },
      { status: 'cancelled', amount_ore: 200_000, category: 'transport', title: '–' },
    ]);
    expect(kept.files).toEqual([]);
    expect(kept.notes).toEqual([]);
    expect(
      kept.events.every((e) => e.reason === null && (e.event_date ?? '2026-03-01').endsWith('-01')),
    ).toBe(true);
    expect(kept.ledger.map((l) => l.kind)).toContain('grant');
    expect(kept.ledger.every((l) => l.note === null)).toBe(true);
  });

  it('ends the citizen’s log-in and removes the messages to their number', async () => {
    const login = await t.database.transaction('all', async (tx) => {
      const citizen = await tx
        .selectFrom('citizen')
        .select('user_id')
        .where('id', '=', rich.citizenId)
        .executeTakeFirstOrThrow();
      const user = await tx
        .selectFrom('app_user')
        .selectAll()
        .where('id', '=', citizen.user_id ?? '')
        .executeTakeFirstOrThrow();
      const sessions = await tx
        .selectFrom('user_session')
        .select('ended_at')
        .where('user_id', '=', user.id)
        .execute();
      return { user, sessions };
    });
    expect(login.user).toMatchObject({
      name: '–',
      email: null,
      phone: null,
      password_hash: null,
      reset_code_hash: null,
      active: false,
    });
    expect(login.sessions.length).toBeGreaterThan(0);
    expect(login.sessions.every((s) => s.ended_at !== null)).toBe(true);
    await expect(
      t.services.auth.login(
        { email: rich.strings.loginPhone, password: 'grøn cykel ved søen om morgenen' },
        '203.0.113.9',
      ),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('records one audit event per case, with ids and the cause; the audit chains and the books check clean', async () => {
    expect(await auditOf(rich.caseId)).toEqual([
      { cause: 'retention', citizenId: rich.citizenId, citizenAnonymised: true },
    ]);
    const chains = await t.services.system.verifyAuditChains();
    expect(chains.firstBreak).toBeNull();
    const ledger = await t.services.system.checkLedger();
    expect(ledger.problems).toEqual([]);
  });
});

describe('the guards', () => {
  const refused = /append-only/;
  const update = (statement: ReturnType<typeof sql>) =>
    t.database.transaction('all', async (tx) => {
      await statement.execute(tx);
    });

  it('refuses a change of the timeline or the plan revisions without the anonymisation’s flag', async () => {
    await expect(
      update(sql`update case_event set reason = 'x' where case_id = ${keeper.openCaseId}`),
    ).rejects.toThrow(refused);
    await expect(
      update(sql`update plan_revision set after = null where case_id = ${rich.caseId}`),
    ).rejects.toThrow(refused);
    await expect(update(sql`delete from case_event where case_id = ${rich.caseId}`)).rejects.toThrow(refused);
  });

  it('lets the flag clear a posting’s note and nothing else', async () => {
    await expect(
      update(sql`update ledger_entry set note = null where case_id = ${rich.caseId}`),
    ).rejects.toThrow(refused);
    const flagged = (statement: ReturnType<typeof sql>) =>
      t.database.transaction('all', async (tx) => {
        await sql`select set_config('app.anonymising', 'on', true)`.execute(tx);
        await statement.execute(tx);
      });
    await expect(
      flagged(sql`update ledger_entry set amount_ore = amount_ore + 1 where case_id = ${rich.caseId}`),
    ).rejects.toThrow(refused);
    await expect(flagged(sql`delete from ledger_entry where case_id = ${rich.caseId}`)).rejects.toThrow(
      refused,
    );
    await expect(flagged(sql`delete from plan_revision where case_id = ${rich.caseId}`)).rejects.toThrow(
      refused,
    );
  });
});

describe('the daily job', () => {
  it('runs once a day however often and by however many it is called', async () => {
    // The last run was the command line's, just now.
    expect(await t.services.retention.runDue()).toEqual({ ran: false, anonymised: 0, failed: 0 });
    t.clock.advance(22 * 3_600_000);
    expect((await t.services.retention.runDue()).ran).toBe(false);
    t.clock.advance(3_600_000);
    const runs = await Promise.all([t.services.retention.runDue(), t.services.retention.runDue()]);
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
    expect((await t.services.retention.runDue()).ran).toBe(false);
    t.clock.advance(DAY);
    expect(await t.services.retention.runDue()).toEqual({ ran: true, anonymised: 0, failed: 0 });
  });
});

describe('the programme’s settings', () => {
  it('changes the period, the legal basis and the contact, and keeps them when an input leaves them out', async () => {
    const coordinator = await staff(t, KOLDING, 'koordinator');
    const [programme] = await t.services.programmes.list(coordinator);
    if (!programme) throw new Error('No programme');
    expect(programme.privacy).toEqual({ retentionMonths: 60, legalBasis: 'public_task', contact: null });
    const saved = await t.services.programmes.updateSettings(
      coordinator,
      programme.id,
      programmeInput(programme, {
        retentionMonths: '120',
        legalBasis: 'consent',
        privacyContact: 'dpo@kolding.example',
      }),
    );
    expect(saved.privacy).toEqual({
      retentionMonths: 120,
      legalBasis: 'consent',
      contact: 'dpo@kolding.example',
    });
    const { retentionMonths: _r, legalBasis: _l, privacyContact: _c, ...older } = programmeInput(saved);
    const kept = await t.services.programmes.updateSettings(coordinator, programme.id, older);
    expect(kept.privacy).toEqual(saved.privacy);
    const cleared = await t.services.programmes.updateSettings(
      coordinator,
      programme.id,
      programmeInput(saved, { privacyContact: '' }),
    );
    expect(cleared.privacy.contact).toBeNull();
    const bad: [Record<string, string>, string, string][] = [
      [{ retentionMonths: '0' }, 'retentionMonths', 'field.programme.retention.min'],
      [{ retentionMonths: '241' }, 'retentionMonths', 'field.programme.retention.max'],
      [{ retentionMonths: '12,5' }, 'retentionMonths', 'field.programme.retention.notWhole'],
      [{ legalBasis: 'contract' }, 'legalBasis', 'field.programme.legalBasis'],
      [{ privacyContact: 'ab' }, 'privacyContact', 'field.programme.privacyContact'],
    ];
    for (const [overrides, field, key] of bad) {
      await expect(
        t.services.programmes.updateSettings(coordinator, programme.id, programmeInput(cleared, overrides)),
        field,
      ).rejects.toMatchObject({ code: 'validation_failed', fields: { [field]: { key } } });
    }
    expect((await t.services.programmes.get(coordinator, programme.id)).privacy).toEqual(cleared.privacy);
  });

  it('are on the coordinator’s form and page, in plain words, and a bad value is shown at its field', async () => {
    const coordinator = await staff(t, HALSNAES, 'koordinator');
    const [programme] = await t.services.programmes.list(coordinator);
    if (!programme) throw new Error('No programme');
    const browser = new Browser(buildApp(t.services)).useSession(
      (await loginAs(t, 'coordinator', HALSNAES)).token,
    );
    const form = await (await browser.get(`/ordning/${programme.id}/regler`)).text();
    expect(form).toContain(
      'Personoplysninger i afsluttede forløb anonymiseres dette antal måneder efter afslutning.',
    );
    expect(form).toMatch(/<input[^>]*name="retentionMonths"[^>]*value="60"/);
    expect(form).toMatch(/<input[^>]*name="legalBasis"[^>]*value="public_task"[^>]*checked/);
    expect(form).toContain('Samtykke: borgeren har sagt ja til');
    const refused = await browser.submit(
      `/ordning/${programme.id}/regler`,
      programmeForm(programme, { retentionMonths: '300' }),
    );
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Antallet af måneder må højst være 240.');
    const saved = await browser.submit(
      `/ordning/${programme.id}/regler`,
      programmeForm(programme, { retentionMonths: '84', privacyContact: 'dpo@halsnaes.example' }),
    );
    expect(saved.status).toBe(303);
    const page = await (await browser.get('/ordning')).text();
    expect(page).toContain('84 måneder efter afslutning');
    expect(page).toContain('dpo@halsnaes.example');
  });

  it('dates a case by its programme’s period', async () => {
    const coordinator = await staff(t, KOLDING, 'koordinator');
    const [programme] = await t.services.programmes.list(coordinator);
    if (!programme) throw new Error('No programme');
    await t.services.programmes.updateSettings(
      coordinator,
      programme.id,
      programmeInput(programme, { retentionMonths: '1' }),
    );
    const support = await staff(t, KOLDING, 'stotteperson');
    const { caseId } = await caseIn(t, 'active', { coordinator, support });
    await t.services.cases.terminate(coordinator, caseId, { reason: 'Flyttet.' });
    const closedOn = (await caseRow(caseId)).closed_on as CalendarDate;
    expect(await t.services.retention.forCase(coordinator, caseId)).toMatchObject({
      closedOn,
      anonymiseOn: addMonths(closedOn, 1),
      retentionMonths: 1,
      due: false,
    });
  });
});
