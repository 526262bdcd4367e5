import { isCaseOpen } from '../../domain/case-lifecycle.ts';
import { citizenWays } from '../../domain/sign-in.ts';
import type { Tx } from '../../db/client.ts';
import { caseWaysOfUser } from '../../db/repositories/citizen.repository.ts';

/**
 * Whether a portal user may log in with the code and the password chosen with it: not when a programme of
 * one of their open cases asks for MitID only (spec: Citizen log-in).
 */
export async function codeOffered(tx: Tx, userId: string): Promise<boolean> {
  const cases = await caseWaysOfUser(tx, userId);
  return citizenWays(cases.filter((c) => isCaseOpen(c.phase)).map((c) => c.citizen_sign_in)).code;
}
