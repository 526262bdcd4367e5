import type { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import {
  casesOfCitizen,
  findCitizenByCprHashes,
  findCitizenById,
  insertCitizen,
  updateCitizen,
  type CitizenRow,
} from '../../db/repositories/citizen.repository.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { CasePhase, CloseOutcome } from '../../domain/case-lifecycle.ts';
import { cprBirthDate, cprGender, formatCpr } from '../../domain/cpr.ts';
import { NotFound, ValidationFailed } from '../../domain/errors.ts';
import type { Action } from '../../domain/permissions.ts';
import {
  authorize,
  authorizeCitizen,
  mayWorkOnCase,
  ownMunicipality,
  type CaseTarget,
} from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import { logAccess, today } from './case-record.ts';
import { FindCitizenInput, RegisterCitizenInput, UpdateCitizenInput } from './citizen.schemas.ts';
import { toCitizenView, type CitizenView } from './citizen-view.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { createCprVault, type CprVault } from '../cpr-vault.ts';
import { parseInput } from '../form-fields.ts';
import { message } from '../../i18n/index.ts';
import { isUuid } from '../ids.ts';

// Citizens (spec: CPR numbers): registered with their CPR number, which is stored encrypted and found
// again through its keyed hash, within the actor's municipality only. Staff see it masked; the full
// number is revealed on purpose only, and that read is logged like any other.

export const CPR_TAKEN = message('field.citizen.cprTaken');

export interface CitizenCase {
  id: string;
  caseNumber: number;
  programmeName: string;
  phase: CasePhase;
  closeOutcome: CloseOutcome | null;
  referredOn: string;
}

export interface CitizenWithCases {
  citizen: CitizenView;
  /** The cases the actor may open. */
  cases: CitizenCase[];
}

export type CitizenRegistration = z.output<typeof RegisterCitizenInput>;

async function registerCitizen(
  tx: Tx,
  actor: Actor,
  at: Date,
  vault: CprVault,
  v: CitizenRegistration,
): Promise<CitizenRow> {
  const municipalityId = ownMunicipality(actor);
  // Under every configured key: while the keys rotate, the number may still be under an old one.
  const cprHashes = vault.lookupHashes(v.cpr);
  if (await findCitizenByCprHashes(tx, municipalityId, cprHashes)) {
    throw new ValidationFailed({ cpr: CPR_TAKEN });
  }
  const row = await insertCitizen(tx, {
    municipality_id: municipalityId,
    cpr_encrypted: vault.encrypt(v.cpr),
    cpr_hash: vault.lookupHash(v.cpr),
    birth_date: cprBirthDate(v.cpr),
    legal_gender: cprGender(v.cpr),
    name: v.name,
    phone: v.phone,
    email: v.email,
    preferred_language: v.preferredLanguage,
    user_id: null,
    created_at: at,
    updated_at: at,
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new ValidationFailed({ cpr: CPR_TAKEN });
    throw error;
  });
  // Never the CPR number, the name or contact details: what happened, to which id.
  await recordAudit(tx, actor, at, {
    municipalityId,
    action: 'citizen.register',
    entityType: 'citizen',
    entityId: row.id,
    after: {
      preferredLanguage: row.preferred_language,
      phone: row.phone !== null,
      email: row.email !== null,
    },
  });
  return row;
}

/** The services' deps with the CPR vault, made once when the service is. */
interface CitizenDeps extends ServiceDeps {
  vault: CprVault;
}

export function createCitizenService(deps: ServiceDeps) {
  const withVault: CitizenDeps = { ...deps, vault: createCprVault(deps.secrets.cpr) };

  return {
    register: (actor: Actor, input: unknown) => registerCitizenAs(withVault, actor, input),
    findByCpr: (actor: Actor, input: unknown, purpose: string) => findByCpr(withVault, actor, input, purpose),
    get: (actor: Actor, citizenId: string, purpose: string) =>
      citizenWithCases(withVault, actor, citizenId, purpose),
    update: (actor: Actor, citizenId: string, input: unknown) =>
      updateCitizenDetails(withVault, actor, citizenId, input),
    revealCpr: (actor: Actor, citizenId: string, purpose: string) =>
      revealCpr(withVault, actor, citizenId, purpose),
  };
}

async function registerCitizenAs(deps: CitizenDeps, actor: Actor, input: unknown): Promise<CitizenView> {
  const { database, clock, vault } = deps;
  authorize(actor, 'citizen.register');
  const municipalityId = ownMunicipality(actor);
  const v = parseInput(RegisterCitizenInput, input);
  const at = clock.now();
  const row = await database.transaction({ municipalityId }, (tx) =>
    registerCitizen(tx, actor, at, vault, v),
  );
  return toCitizenView(row, today(at));
}

/** Finds a citizen of the actor's municipality by CPR number; null if there is none. */
async function findByCpr(
  deps: CitizenDeps,
  actor: Actor,
  input: unknown,
  purpose: string,
): Promise<CitizenWithCases | null> {
  const { database, clock, vault } = deps;
  authorize(actor, 'citizen.search');
  const municipalityId = ownMunicipality(actor);
  const { cpr } = parseInput(FindCitizenInput, input);
  const at = clock.now();
  return database.transaction({ municipalityId }, async (tx) => {
    const row = await findCitizenByCprHashes(tx, municipalityId, vault.lookupHashes(cpr));
    if (!row) return null;
    const cases = await casesOfCitizen(tx, row.id);
    await logAccess(tx, actor, at, purpose, [{ caseId: null, citizenId: row.id, municipalityId }]);
    return withCases(row, cases, today(clock.now()));
  });
}

async function citizenWithCases(
  deps: CitizenDeps,
  actor: Actor,
  citizenId: string,
  purpose: string,
): Promise<CitizenWithCases> {
  const { database, clock } = deps;
  authorize(actor, 'citizen.read');
  const municipalityId = ownMunicipality(actor);
  const at = clock.now();
  return database.transaction({ municipalityId }, async (tx) => {
    const { row, cases } = await loadCitizen(tx, actor, 'citizen.read', citizenId);
    await logAccess(tx, actor, at, purpose, [{ caseId: null, citizenId: row.id, municipalityId }]);
    return withCases(row, cases, today(clock.now()));
  });
}

/** Name and contact details; the CPR number cannot be changed (register the right one instead). */
async function updateCitizenDetails(
  deps: CitizenDeps,
  actor: Actor,
  citizenId: string,
  input: unknown,
): Promise<CitizenView> {
  const { database, clock } = deps;
  authorize(actor, 'citizen.update');
  const municipalityId = ownMunicipality(actor);
  const v = parseInput(UpdateCitizenInput, input);
  const at = clock.now();
  return database.transaction({ municipalityId }, async (tx) => {
    const { row } = await loadCitizen(tx, actor, 'citizen.update', citizenId);
    const next = {
      name: v.name,
      phone: v.phone,
      email: v.email,
      preferred_language: v.preferredLanguage,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => row[k] !== next[k]);
    if (changed.length === 0) return toCitizenView(row, today(at));
    await updateCitizen(tx, row.id, { ...next, updated_at: at });
    await recordAudit(tx, actor, at, {
      municipalityId,
      action: 'citizen.update',
      entityType: 'citizen',
      entityId: row.id,
      after: { fields: changed },
    });
    return toCitizenView({ ...row, ...next, updated_at: at }, today(at));
  });
}

/** The full CPR number `DDMMYY-SSSS`, where it is needed (a payment, a letter); logged as a read. */
async function revealCpr(
  deps: CitizenDeps,
  actor: Actor,
  citizenId: string,
  purpose: string,
): Promise<string> {
  const { database, clock, vault } = deps;
  authorize(actor, 'citizen.revealCpr');
  const municipalityId = ownMunicipality(actor);
  const at = clock.now();
  return database.transaction({ municipalityId }, async (tx) => {
    const { row } = await loadCitizen(tx, actor, 'citizen.revealCpr', citizenId);
    // An anonymised citizen has no CPR number left to show.
    if (row.cpr_encrypted === null) throw new NotFound();
    await logAccess(tx, actor, at, purpose, [{ caseId: null, citizenId: row.id, municipalityId }]);
    return formatCpr(vault.decrypt(row.cpr_encrypted));
  });
}

/** The citizen and their cases, if the actor may do `action` on the citizen; otherwise NotFound. */
async function loadCitizen(tx: Tx, actor: Actor, action: Action, citizenId: string) {
  const row = isUuid(citizenId) ? await findCitizenById(tx, citizenId) : undefined;
  if (!row) throw new NotFound();
  const cases = await casesOfCitizen(tx, row.id);
  const targetOf = (c: (typeof cases)[number]): CaseTarget => ({
    municipalityId: c.municipality_id,
    supportUserId: c.support_user_id,
    citizenUserId: row.user_id,
  });
  authorizeCitizen(actor, action, { municipalityId: row.municipality_id }, cases.map(targetOf));
  const visible = cases.filter((c) => actor.role === 'coordinator' || mayWorkOnCase(actor, targetOf(c)));
  return { row, cases: visible };
}

function withCases(
  row: CitizenRow,
  cases: Awaited<ReturnType<typeof casesOfCitizen>>,
  on: CalendarDate,
): CitizenWithCases {
  return {
    citizen: toCitizenView(row, on),
    cases: cases.map((c) => ({
      id: c.id,
      caseNumber: c.case_number,
      programmeName: c.programme_name,
      phase: c.phase as CasePhase,
      closeOutcome: c.close_outcome as CloseOutcome | null,
      referredOn: c.referred_on,
    })),
  };
}
