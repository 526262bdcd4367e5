import { addDays, type CalendarDate } from '../../src/domain/calendar-date.ts';
import { formatCpr } from '../../src/domain/cpr.ts';
import type { Actor } from '../../src/services/context.ts';
import { syntheticCpr } from '../../src/services/demo/demo-cpr.ts';
import { DEMO_MUNICIPALITIES, DEMO_PASSWORD, demoEmail } from '../../src/services/demo/demo-organisation.ts';
import type { TestContext } from '../setup/test-db.ts';

// Factories for citizens and cases (conventions: Factories): valid defaults, built through the services the
// way staff build them, so every test starts from data the application itself could have made.

export const AARHUS = 751;
export const HALSNAES = 250;
export const KOLDING = 621;

/** The demo organisation's log-ins by local part: 'koordinator', 'stotteperson', 'stotteperson2' … */
export async function staff(t: TestContext, municipalityId: number, local: string): Promise<Actor> {
  const m = DEMO_MUNICIPALITIES.find((x) => x.id === municipalityId);
  if (!m) throw new Error(`No demo municipality ${municipalityId}`);
  const { actor } = await t.services.auth.login(
    { email: demoEmail(m, local), password: DEMO_PASSWORD },
    '192.0.2.7',
  );
  return actor;
}

export async function evaluator(t: TestContext): Promise<Actor> {
  const { actor } = await t.services.auth.login(
    { email: 'evaluator@socialstyrelsen.example', password: DEMO_PASSWORD },
    '192.0.2.7',
  );
  return actor;
}

let serial = 0;
/** Birth dates 37 days apart from 1990 (adults at the tests' clock), then the serial digits move on. */
const BIRTH_DATES = 150;

/**
 * A CPR number of the synthetic scheme (demo-cpr.ts): fails modulus 11, never 1 January, so no real
 * person has it. Each call gives a new one, also in a later test file of the same worker (the
 * integration files share their modules: conventions, Three test tiers) — 15,000 before one repeats.
 */
export function testCpr(gender: 'male' | 'female' = 'female'): string {
  serial += 1;
  const birth = addDays('1990-02-03' as CalendarDate, (serial % BIRTH_DATES) * 37);
  const date = birth.endsWith('-01-01') ? addDays(birth, 1) : birth;
  return formatCpr(syntheticCpr(date, (serial + Math.floor(serial / BIRTH_DATES)) % 100, gender));
}

export async function registerCitizen(
  t: TestContext,
  coordinator: Actor,
  input: Partial<{ cpr: string; name: string; preferredLanguage: string }> = {},
) {
  return t.services.citizens.register(coordinator, {
    cpr: input.cpr ?? testCpr(),
    name: input.name ?? 'Test Borger',
    preferredLanguage: input.preferredLanguage ?? 'da',
  });
}

export async function programmeOf(t: TestContext, actor: Actor): Promise<string> {
  const programmes = await t.services.programmes.list(actor);
  const programme = programmes.at(-1);
  if (!programme) throw new Error('No programme');
  return programme.id;
}

export type Phase = 'referred' | 'screening' | 'lead_in' | 'ready' | 'active' | 'paused';

/**
 * A case in the phase asked for, by the coordinator and the support person given. 'ready' is a lead-in
 * with a support person and the conditions acknowledged: one step from active.
 */
export async function caseIn(
  t: TestContext,
  phase: Phase,
  who: { coordinator: Actor; support: Actor },
  citizenInput: Parameters<typeof registerCitizen>[2] = {},
): Promise<{ caseId: string; citizenId: string }> {
  const { coordinator, support } = who;
  const citizen = await registerCitizen(t, coordinator, citizenInput);
  const { id: caseId } = await t.services.cases.refer(coordinator, {
    citizenId: citizen.id,
    programmeId: await programmeOf(t, coordinator),
    source: 'jobcenter',
    reason: 'Henvist til test.',
  });
  const result = { caseId, citizenId: citizen.id };
  if (phase === 'referred') return result;
  await t.services.cases.startScreening(coordinator, caseId);
  if (phase === 'screening') return result;
  await t.services.cases.accept(coordinator, caseId, { reason: 'I målgruppen.' });
  await t.services.cases.assignSupport(coordinator, caseId, { supportUserId: support.userId });
  if (phase === 'lead_in') return result;
  await t.services.cases.acknowledgeConditions(support, caseId, { method: 'in_person' });
  if (phase === 'ready') return result;
  await t.services.cases.activate(support, caseId, {});
  if (phase === 'active') return result;
  await t.services.cases.pause(support, caseId, { reason: 'Indlagt.' });
  return result;
}
