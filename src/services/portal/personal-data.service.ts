import type { Tx } from '../../db/client.ts';
import { findCitizenById, type CitizenRow } from '../../db/repositories/citizen.repository.ts';
import { casesOfPerson, supportPersonsOf } from '../../db/repositories/personal-data.repository.ts';
import { findUserById } from '../../db/repositories/user.repository.ts';
import { formatCpr } from '../../domain/cpr.ts';
import { NotFound } from '../../domain/errors.ts';
import { recordAudit } from '../audit.service.ts';
import { today } from '../cases/case-record.ts';
import { maskedCprOf } from '../cases/citizen-view.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { createCprVault } from '../cpr-vault.ts';
import { handledRequests, type HandledRequest } from '../privacy/data-subject-requests.ts';
import { caseData, EVERYONE_NAMED, type CaseData } from './personal-data-case.ts';
import { accessLogEntries, type AccessLogEntry } from './portal-access-log.service.ts';
import { portalRunner } from './portal.service.ts';

// "Mine data" (GDPR art. 15; spec: Mine data): everything the system
// holds about the citizen, gathered from their log-in (never from an id in the request), for the page
// and for the JSON download.
//
// Decisions (docs/decisions/0009-citizen-access-log-and-my-data.md):
// - The CPR number is masked on the page (it is seen over a shoulder, on a shared phone) and given in
//   full in the download: it is the citizen's own number and their own copy.
// - Shared follow-up notes are given in full. Internal notes and the support person's own
//   questionnaires (belief, assessment) are not given by the self-service; the page and the file say
//   how many there are and that the citizen can ask the municipality for them. Art. 15 covers them,
//   but a public authority may withhold some of them (databeskyttelsesloven § 22; internal working
//   documents under the public administration acts), and that weighing is a caseworker's, case by
//   case, not a program's. Saying that they exist keeps the right visible.
// - Where the programme does not show the citizen the grant (`citizenSeesAmount`
//   off; spec: Amount shown to the citizen), the grant postings are left out in the same way, and the file
//   says so.
// - Staff names: a citizen's own support person is named (the citizen knows them); other staff by role
//   (see portal-access-log.service.ts).
// - Reading this yourself is not written to the access log (that log is of staff reads); the download
//   gets an audit entry, without any of its content.

export interface PersonData {
  name: string;
  /** DDMMYY-XXXX: the page's form. */
  maskedCpr: string;
  birthDate: string;
  legalGender: string;
  phone: string | null;
  email: string | null;
  preferredLanguage: string;
  /** The e-mail or mobile number the citizen logs in with; null without a log-in. */
  login: string | null;
}

export type { CaseData } from './personal-data-case.ts';

export interface PersonalData {
  exportedAt: Date;
  person: PersonData;
  cases: CaseData[];
  accessLog: AccessLogEntry[];
  /** The requests about their data handled on their cases (spec: Data-subject requests). */
  requests: HandledRequest[];
}

/**
 * Everything held about the citizen. `full` is the coordinator's full copy (spec: Full copy): nothing
 * withheld, and every staff member named.
 */
export async function gatherPersonalData(tx: Tx, citizenId: string, at: Date, full = false) {
  const citizen = await findCitizenById(tx, citizenId);
  if (!citizen) throw new Error('A case lacks its citizen');
  const cases = await casesOfPerson(tx, citizenId);
  const caseIds = cases.map((c) => c.id);
  const named = full ? EVERYONE_NAMED : await supportPersonsOf(tx, caseIds);
  const data: PersonalData = {
    exportedAt: at,
    person: await personOf(tx, citizen),
    cases: [],
    accessLog: await accessLogEntries(tx, citizenId, caseIds, full),
    requests: await handledRequests(tx, caseIds, named),
  };
  for (const c of cases) data.cases.push(await caseData(tx, c, named, today(at), full));
  return { data, citizen, cases };
}

async function personOf(tx: Tx, citizen: CitizenRow): Promise<PersonData> {
  const user = citizen.user_id ? await findUserById(tx, citizen.user_id) : undefined;
  return {
    name: citizen.name,
    maskedCpr: maskedCprOf(citizen.birth_date),
    birthDate: citizen.birth_date,
    legalGender: citizen.legal_gender,
    phone: citizen.phone,
    email: citizen.email,
    preferredLanguage: citizen.preferred_language,
    login: user?.email ?? user?.phone ?? null,
  };
}

export function createPersonalDataService(deps: ServiceDeps) {
  const withOwnCase = portalRunner(deps);
  const vault = createCprVault(deps.secrets.cpr);

  return {
    /** Everything held about the citizen, for the page (the CPR number masked). Not logged. */
    async ofMine(actor: Actor): Promise<PersonalData> {
      return withOwnCase(
        actor,
        async (tx, row, at) => (await gatherPersonalData(tx, row.citizen_id, at)).data,
      );
    },

    /**
     * The same as a download, with the full CPR number (the citizen's own copy). The download is
     * audited: who, when, of whom — never what it held.
     */
    async exportMine(actor: Actor): Promise<PersonalData & { person: PersonData & { cpr: string } }> {
      return withOwnCase(actor, async (tx, row, at) => {
        const { data, citizen } = await gatherPersonalData(tx, row.citizen_id, at);
        await recordAudit(tx, actor, at, {
          municipalityId: row.municipality_id,
          action: 'personal_data.export',
          entityType: 'citizen',
          entityId: citizen.id,
          after: { cases: data.cases.length, accessLogEntries: data.accessLog.length },
        });
        // A citizen who can log in is never anonymised; the guard keeps the types honest.
        if (citizen.cpr_encrypted === null) throw new NotFound();
        return { ...data, person: { ...data.person, cpr: formatCpr(vault.decrypt(citizen.cpr_encrypted)) } };
      });
    },
  };
}
