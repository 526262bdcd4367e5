import type { Actor } from '../../src/services/context.ts';
import type { TestContext } from '../setup/test-db.ts';
import { AARHUS, caseIn, staff, type Phase } from './case-factory.ts';

// A logged-in citizen of a case, for tests of the citizen's portal. The case is made by the
// demo's Aarhus coordinator and support person unless one is given.

export interface CitizenSession {
  token: string;
  actor: Actor;
  caseId: string;
  citizenId: string;
  /** What the citizen logs in with, and their password. */
  login: string;
  password: string;
  coordinator: Actor;
  support: Actor;
}

let counter = 0;

export async function citizenSession(
  t: TestContext,
  options: {
    phase?: Phase;
    /** An existing case (with its citizen) instead of a new one. */
    existing?: { caseId: string; citizenId: string };
    coordinator?: Actor;
    support?: Actor;
  } = {},
): Promise<CitizenSession> {
  const coordinator = options.coordinator ?? (await staff(t, AARHUS, 'koordinator'));
  const support = options.support ?? (await staff(t, AARHUS, 'stotteperson'));
  const { caseId, citizenId } =
    options.existing ?? (await caseIn(t, options.phase ?? 'active', { coordinator, support }));
  const n = ++counter;
  const login = `borger${n}.${process.pid}@test.example`;
  const password = 'grøn cykel ved søen om morgenen';
  // The path a real citizen takes: a code from the support person, then their own log-in and password.
  const { code } = await t.services.citizenLogin.issueActivationCode(support, caseId);
  const { token, actor } = await t.services.citizenLogin.activate(
    { code, login, password, passwordRepeat: password },
    `203.0.113.${n % 250}`,
  );
  return { token, actor, caseId, citizenId, login, password, coordinator, support };
}
