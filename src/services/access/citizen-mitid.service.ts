import { parseCpr } from '../../domain/cpr.ts';
import { isCaseOpen } from '../../domain/case-lifecycle.ts';
import { MitIdRefused } from '../../domain/errors.ts';
import { citizenWays, meetsLevel, nsisLevelOf } from '../../domain/sign-in.ts';
import { casesByCprHashes, lockCitizen } from '../../db/repositories/citizen.repository.ts';
import { findMunicipality } from '../../db/repositories/municipality.repository.ts';
import { findUserById } from '../../db/repositories/user.repository.ts';
import { createCprVault, type CprVault } from '../cpr-vault.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { startSession } from './auth.service.ts';
import { createCitizenUser } from './citizen-login.service.ts';
import type { VerifiedIdentity } from './oidc.ts';

// The citizen's log-in with MitID through a NemLog-in broker (spec: Citizen log-in). The broker's ID token
// is checked by the relying party (oidc.ts); here its claims become a session or a refusal. The level must
// be at least substantial (NSIS betydelig). The CPR number is found through the vault's keyed hashes, never
// compared in plain text, stored, or logged; it must belong to a citizen of an open case whose programme
// offers MitID. Their portal account is the one they have, or made now as the activation code makes it. A
// refusal creates nothing.

/** Where the broker puts the CPR number and the level (config: OIDC_CITIZEN_CPR_CLAIM, _ASSURANCE_CLAIM). */
export interface CitizenClaimNames {
  cprClaim: string;
  assuranceClaim: string;
}

export function createCitizenMitIdService(deps: ServiceDeps) {
  const vault = createCprVault(deps.secrets.cpr);
  return {
    /** A session for the citizen the verified identity names, or MitIdRefused. */
    signIn: (identity: VerifiedIdentity, names: CitizenClaimNames) =>
      signInWithMitId(deps, vault, identity, names),
  };
}

async function signInWithMitId(
  deps: ServiceDeps,
  vault: CprVault,
  identity: VerifiedIdentity,
  names: CitizenClaimNames,
): Promise<{ token: string; actor: Actor }> {
  const { database, clock } = deps;
  const assurance = nsisLevelOf(identity.claims[names.assuranceClaim]);
  if (!assurance || !meetsLevel(assurance, 'substantial')) throw new MitIdRefused('level');
  const claim = identity.claims[names.cprClaim];
  const cpr = typeof claim === 'string' ? parseCpr(claim) : undefined;
  if (!cpr?.ok) throw new MitIdRefused('unknown');
  const hashes = vault.lookupHashes(cpr.cpr);
  // In every municipality: the CPR number is all that is known yet. The newest open case decides which
  // municipality's citizen this is, should a person be one in two.
  const open = (await database.transaction('all', (tx) => casesByCprHashes(tx, hashes))).filter((c) =>
    isCaseOpen(c.phase),
  );
  const newest = open[0];
  if (!newest) throw new MitIdRefused('unknown');
  const theirs = open.filter((c) => c.citizen_id === newest.citizen_id).map((c) => c.citizen_sign_in);
  if (!citizenWays(theirs).mitId) throw new MitIdRefused('notOffered');
  const now = clock.now();
  return database.transaction({ municipalityId: newest.municipality_id }, async (tx) => {
    const citizen = await lockCitizen(tx, newest.citizen_id);
    if (!citizen) throw new MitIdRefused('unknown');
    const user = citizen.user_id
      ? await findUserById(tx, citizen.user_id)
      : await createCitizenUser(tx, null, now, citizen);
    if (!user) throw new Error('A citizen linked to a missing user');
    if (!user.active) throw new MitIdRefused('closed');
    const municipality = await findMunicipality(tx, citizen.municipality_id);
    return startSession(tx, { ...user, municipality_name: municipality?.name ?? null }, now, {
      method: 'mitid',
      assurance,
      issuerSession: identity.sid,
    });
  });
}
