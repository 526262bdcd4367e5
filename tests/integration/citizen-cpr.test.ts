import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../src/domain/errors.ts';
import { danishFields } from '../setup/messages.ts';
import { CPR_TAKEN } from '../../src/services/cases/citizen.service.ts';
import type { Actor } from '../../src/services/context.ts';
import { passesModulus11 } from '../../src/services/demo/demo-cpr.ts';
import { AARHUS, caseIn, KOLDING, staff, testCpr } from '../factories/case-factory.ts';
import { createTestContext, type TestContext } from '../setup/test-db.ts';

// Citizens and their CPR numbers (spec: CPR numbers; spec: CPR at rest): validated for format and date only,
// stored encrypted, found again through a keyed hash within the municipality, shown masked, and never written
// in plain text anywhere in the database — not in the citizen row, the audit log or the access log.

let t: TestContext;
let coordinator: Actor;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  coordinator = await staff(t, AARHUS, 'koordinator');
});
afterAll(() => t.close());

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

/** Every row of every table in the database, as text. */
async function wholeDatabaseText(): Promise<string> {
  return t.database.transaction('all', async (tx) => {
    const { rows: tables } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(tx);
    const parts: string[] = [];
    for (const { name } of tables) {
      const { rows } = await sql<{
        row: string;
      }>`select row_to_json(x)::text as row from ${sql.table(name)} x`.execute(tx);
      parts.push(...rows.map((r) => r.row));
    }
    return parts.join('\n');
  });
}

describe('registering a citizen', () => {
  it('derives birth date and gender, shows the number masked and stores it only encrypted', async () => {
    const cpr = testCpr('male');
    const digits = cpr.replace('-', '');
    expect(passesModulus11(digits)).toBe(false); // numbers without the check digit are valid (since 2007)
    const citizen = await t.services.citizens.register(coordinator, {
      cpr,
      name: 'Oskar Lund',
      phone: '12 34 56 78',
      email: 'oskar@eksempel.dk',
      preferredLanguage: 'en',
    });
    expect(citizen).toMatchObject({
      name: 'Oskar Lund',
      maskedCpr: `${digits.slice(0, 6)}-XXXX`,
      legalGender: 'male',
      preferredLanguage: 'en',
      phone: '12 34 56 78',
    });
    const row = await t.database.transaction('all', async (tx) => {
      const { rows } = await sql<{ row: string; cpr_encrypted: string; cpr_hash: string }>`
        select row_to_json(c)::text as row, cpr_encrypted, cpr_hash from citizen c where id = ${citizen.id}`.execute(
        tx,
      );
      return rows[0];
    });
    expect(row?.row).not.toContain(digits);
    expect(row?.row).not.toContain(cpr);
    expect(row?.cpr_encrypted).toMatch(/^v2\.[0-9a-f]{8}\.[A-Za-z0-9+/]+=*$/);
    expect(row?.cpr_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await wholeDatabaseText()).not.toContain(digits);
  });

  it('is found again by CPR number through the keyed hash, in any usual spelling', async () => {
    const cpr = testCpr();
    const registered = await t.services.citizens.register(coordinator, { cpr, name: 'Nanna Berg' });
    for (const spelling of [cpr, cpr.replace('-', ''), `  ${cpr} `]) {
      const found = await t.services.citizens.findByCpr(coordinator, { cpr: spelling }, 'POST /borgere/soeg');
      expect(found?.citizen.id).toBe(registered.id);
    }
    expect(
      await t.services.citizens.findByCpr(coordinator, { cpr: testCpr() }, 'POST /borgere/soeg'),
    ).toBeNull();
  });

  it('is invisible to another municipality, which may register the same number as its own citizen', async () => {
    const cpr = testCpr();
    await t.services.citizens.register(coordinator, { cpr, name: 'Flyttet Borger' });
    const kolding = await staff(t, KOLDING, 'koordinator');
    expect(await t.services.citizens.findByCpr(kolding, { cpr }, 'POST /borgere/soeg')).toBeNull();
    const theirs = await t.services.citizens.register(kolding, { cpr, name: 'Flyttet Borger' });
    expect(theirs.maskedCpr).toBe(`${cpr.slice(0, 6)}-XXXX`);
  });

  it('refuses a number registered already, and bad numbers, without repeating them', async () => {
    const cpr = testCpr();
    await t.services.citizens.register(coordinator, { cpr, name: 'Første' });
    const twice = await refusal(t.services.citizens.register(coordinator, { cpr, name: 'Anden' }));
    expect(twice).toBeInstanceOf(ValidationFailed);
    expect((twice as ValidationFailed).fields).toEqual({ cpr: CPR_TAKEN });
    const format = await refusal(
      t.services.citizens.register(coordinator, { cpr: '12345-67890', name: 'X' }),
    );
    expect(danishFields((format as ValidationFailed).fields)).toEqual({
      cpr: 'Skriv CPR-nummeret som 10 cifre, fx DDMMÅÅ-XXXX.',
    });
    const date = await refusal(t.services.citizens.register(coordinator, { cpr: '310299-1234', name: 'X' }));
    expect(danishFields((date as ValidationFailed).fields)).toEqual({
      cpr: 'CPR-nummeret begynder ikke med en gyldig fødselsdato.',
    });
    const language = await refusal(
      t.services.citizens.register(coordinator, { cpr: testCpr(), name: 'X', preferredLanguage: 'xx' }),
    );
    expect(danishFields((language as ValidationFailed).fields)).toEqual({
      preferredLanguage: 'Vælg et sprog fra listen.',
    });
    for (const error of [twice, format, date]) {
      const text = JSON.stringify(error) + String(error);
      expect(text).not.toMatch(/\d{6}-?\d{4}|12345-67890/);
    }
  });

  it('keeps the name, contact details and number out of the audit log', async () => {
    const cpr = testCpr();
    const citizen = await t.services.citizens.register(coordinator, { cpr, name: 'Hemmelig Hansen' });
    await t.services.citizens.update(coordinator, citizen.id, { name: 'Hemmelig Holm', phone: '87654321' });
    const events = await t.database.transaction('all', (tx) =>
      tx.selectFrom('audit_event').select(['action', 'after']).where('entity_id', '=', citizen.id).execute(),
    );
    expect(events.map((e) => e.action)).toEqual(['citizen.register', 'citizen.update']);
    const text = JSON.stringify(events);
    for (const secret of ['Hemmelig', '87654321', cpr.slice(0, 6)]) expect(text).not.toContain(secret);
    expect(events[1]?.after).toEqual({ fields: ['name', 'phone'] });
  });
});

describe('the full number', () => {
  it('is revealed on purpose to those who work on the case, and the read is logged', async () => {
    const support = await staff(t, AARHUS, 'stotteperson');
    const { citizenId } = await caseIn(t, 'lead_in', { coordinator, support });
    const full = await t.services.citizens.revealCpr(support, citizenId, 'GET /borgere/:id/cpr');
    expect(full).toMatch(/^\d{6}-\d{4}$/);
    const other = await staff(t, AARHUS, 'stotteperson2');
    await expect(
      t.services.citizens.revealCpr(other, citizenId, 'GET /borgere/:id/cpr'),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    const finance = await staff(t, AARHUS, 'okonomi');
    await expect(
      t.services.citizens.findByCpr(finance, { cpr: full }, 'POST /borgere/soeg'),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    const logged = await t.database.transaction('all', (tx) =>
      tx
        .selectFrom('access_log')
        .select(['user_id', 'purpose'])
        .where('citizen_id', '=', citizenId)
        .execute(),
    );
    expect(logged).toContainEqual({ user_id: support.userId, purpose: 'GET /borgere/:id/cpr' });
  });
});
