import { findCitizenByCprHashes, casesOfCitizen } from '../../db/repositories/citizen.repository.ts';
import { findMunicipality } from '../../db/repositories/municipality.repository.ts';
import { findUserById } from '../../db/repositories/user.repository.ts';
import { isCaseClosed } from '../../domain/case-lifecycle.ts';
import { toActor } from '../access/auth.service.ts';
import { createCitizenLoginService } from '../access/citizen-login.service.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { createCprVault } from '../cpr-vault.ts';
import { syntheticCpr } from './demo-cpr.ts';
import { DEMO_MUNICIPALITIES, DEMO_PASSWORD, type DemoLogin } from './demo-organisation.ts';
import { DEMO_PERSONAS } from './demo-personas.ts';

// Two demo citizens with a portal log-in (spec: Demo personas), made the way a real one is: their support
// person issues an activation code and the citizen uses it. Mads logs in by e-mail, Sara by mobile number.
// A citizen who has a log-in already is left alone, so loading again changes nothing.

const DEMO_CITIZEN_LOGINS = [
  { persona: 'mads', login: 'borger@aarhus.example' },
  // Shown as a Dane writes it; stored as +4520260001.
  { persona: 'sara', login: '20 26 00 01' },
] as const;

export function demoCitizenLogins(): DemoLogin[] {
  return DEMO_CITIZEN_LOGINS.map(({ persona, login }) => {
    const p = DEMO_PERSONAS.find((x) => x.key === persona);
    const m = DEMO_MUNICIPALITIES.find((x) => x.id === p?.municipalityId);
    if (!p || !m) throw new Error(`No demo persona ${persona}`);
    return { municipality: `${m.name} (${m.id})`, role: 'citizen', name: p.name, email: login };
  });
}

export async function loadDemoCitizenLogins(deps: ServiceDeps): Promise<void> {
  const vault = createCprVault(deps.secrets.cpr);
  const citizenLogin = createCitizenLoginService(deps);
  for (const { persona, login } of DEMO_CITIZEN_LOGINS) {
    const p = DEMO_PERSONAS.find((x) => x.key === persona);
    if (!p) throw new Error(`No demo persona ${persona}`);
    const hashes = vault.lookupHashes(syntheticCpr(p.birthDate, p.serial, p.gender));
    const found = await deps.database.transaction({ municipalityId: p.municipalityId }, async (tx) => {
      const citizen = await findCitizenByCprHashes(tx, p.municipalityId, hashes);
      if (!citizen || citizen.user_id) return null;
      const open = (await casesOfCitizen(tx, citizen.id)).find(
        (c) => !isCaseClosed(c.phase) && c.support_user_id !== null,
      );
      const support = open?.support_user_id ? await findUserById(tx, open.support_user_id) : undefined;
      const municipality = await findMunicipality(tx, p.municipalityId);
      if (!open || !support) return null;
      const actor: Actor = toActor({ ...support, municipality_name: municipality?.name ?? null });
      return { caseId: open.id, actor };
    });
    if (!found) continue;
    const { code } = await citizenLogin.issueActivationCode(found.actor, found.caseId);
    await citizenLogin.activate(
      { code, login, password: DEMO_PASSWORD, passwordRepeat: DEMO_PASSWORD },
      'demo-loader',
    );
  }
}
