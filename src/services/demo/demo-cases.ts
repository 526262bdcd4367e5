import type { Tx } from '../../db/client.ts';
import {
  existingCprHashes,
  insertMany,
  reserveCaseNumbers,
} from '../../db/repositories/demo-bulk.repository.ts';
import { listProgrammes } from '../../db/repositories/programme.repository.ts';
import { listUsersOfMunicipality } from '../../db/repositories/user.repository.ts';
import { parts, type CalendarDate } from '../../domain/calendar-date.ts';
import { recordAudit } from '../audit.service.ts';
import { today } from '../cases/case-record.ts';
import type { ServiceDeps } from '../context.ts';
import { createCprVault, type CprVault } from '../cpr-vault.ts';
import { buildDemoCase } from './demo-case-builder.ts';
import type { DemoPersona, StaffMember } from './demo-persona.ts';
import { syntheticCpr } from './demo-cpr.ts';
import { demoEmail, DEMO_MUNICIPALITIES, type DemoMunicipality } from './demo-organisation.ts';
import { DEMO_PERSONAS } from './demo-personas.ts';
import { emptyRows, type CaseRows } from './demo-rows.ts';

// Loads the demo personas (demo-personas.ts) as cases in every phase, with support persons, plans and
// notes, dated back from the day of loading. One transaction per municipality; a persona whose citizen
// is registered already is skipped, so loading again changes nothing. It runs at start-up, so it is
// cheap: an HMAC and an AES encryption per citizen, no password hashing, and a statement per table
// rather than per row (demo-case-builder.ts).
//
// The audit log records what really happened: the demo loader created each case (one event per case,
// no actor). The case timelines and plan revisions tell the personas' fictional stories.

export async function loadDemoCases(deps: ServiceDeps, now: Date): Promise<void> {
  const vault = createCprVault(deps.secrets.cpr);
  for (const m of DEMO_MUNICIPALITIES) {
    const personas = DEMO_PERSONAS.filter((p) => p.municipalityId === m.id);
    await deps.database.transaction({ municipalityId: m.id }, (tx) => seedCases(tx, vault, m, personas, now));
  }
}

async function seedCases(
  tx: Tx,
  vault: CprVault,
  m: DemoMunicipality,
  personas: DemoPersona[],
  now: Date,
): Promise<void> {
  // Under every configured key, so a persona registered under an older key is not loaded again.
  const hashesOf = (p: DemoPersona) => vault.lookupHashes(syntheticCpr(p.birthDate, p.serial, p.gender));
  const existing = await existingCprHashes(tx, m.id, personas.flatMap(hashesOf));
  // Case numbers in the order the citizens were referred.
  const pending = personas
    .filter((p) => !hashesOf(p).some((hash) => existing.has(hash)))
    .sort((a, b) => b.referral.daysAgo - a.referral.daysAgo);
  if (pending.length === 0) return;
  const programme = (await listProgrammes(tx, m.id)).at(-1);
  if (!programme) return;
  const users = new Map((await listUsersOfMunicipality(tx, m.id)).map((u) => [u.email, u]));
  const staff = (local: string): StaffMember => {
    const user = users.get(demoEmail(m, local));
    if (user?.role !== 'support' && user?.role !== 'coordinator') {
      throw new Error(`The demo user ${local} of ${m.name} is missing`);
    }
    return { id: user.id, role: user.role };
  };
  const first = await reserveCaseNumbers(tx, m.id, pending.length);
  const rows = emptyRows();
  const instant = instants();
  const built = pending.map((p, i) => ({
    persona: p,
    number: first + i,
    ...buildDemoCase(rows, p, {
      municipalityId: m.id,
      programmeId: programme.id,
      durationMonths: programme.duration_months,
      caseNumber: first + i,
      base: today(now),
      vault,
      coordinator: staff('koordinator'),
      staff,
      instant,
    }),
  }));
  await insertRows(tx, rows);
  for (const b of built) {
    await recordAudit(tx, null, now, {
      municipalityId: m.id,
      action: 'demo.createCase',
      entityType: 'case',
      entityId: b.caseId,
      after: { source: 'demo', caseNumber: b.number },
    });
  }
}

/** Parents before children; timelines in time order, so their ids run with time. */
async function insertRows(tx: Tx, rows: CaseRows): Promise<void> {
  const byTime = <T extends { occurred_at: Date | string }>(list: T[]) =>
    [...list].sort((a, b) => new Date(a.occurred_at).getTime() - new Date(b.occurred_at).getTime());
  await insertMany(tx, 'citizen', rows.citizens);
  await insertMany(tx, 'citizen_case', rows.cases);
  await insertMany(tx, 'case_event', byTime(rows.events));
  await insertMany(tx, 'case_pause', rows.pauses);
  await insertMany(tx, 'support_assignment', rows.assignments);
  await insertMany(tx, 'conditions_acknowledgement', rows.acknowledgements);
  await insertMany(tx, 'long_term_goal', rows.goals);
  await insertMany(tx, 'sub_goal', rows.subGoals);
  await insertMany(tx, 'planned_activity', rows.activities);
  await insertMany(tx, 'idea', rows.ideas);
  await insertMany(tx, 'plan_revision', byTime(rows.revisions));
  await insertMany(tx, 'follow_up_note', rows.notes);
}

/**
 * From `hour` o'clock UTC (08:00 UTC is 09:00 or 10:00 in Denmark: the same date), one minute apart per
 * date, in order.
 */
export function instants(hour = 8): (date: CalendarDate) => Date {
  const used = new Map<string, number>();
  return (date) => {
    const n = used.get(date) ?? 0;
    used.set(date, n + 1);
    const { year, month, day } = parts(date);
    return new Date(Date.UTC(year, month - 1, day, hour, n, 0));
  };
}
