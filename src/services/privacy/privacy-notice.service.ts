import type { Tx } from '../../db/client.ts';
import { findMunicipality, listMunicipalities } from '../../db/repositories/municipality.repository.ts';
import { listProgrammes, programmeNames } from '../../db/repositories/programme.repository.ts';
import { NotFound } from '../../domain/errors.ts';
import type { LegalBasis } from '../../domain/retention.ts';
import { ownCase } from '../portal/portal-case.ts';
import type { Actor, ServiceDeps } from '../context.ts';

// The privacy notice (spec: Privacy notice; GDPR art. 13 and 14), built from the data controller's rows:
// the municipality and its programmes' legal basis, retention period and privacy contact. It is public,
// like the accessibility statement, and holds nothing about a person, so it has no permission of its own:
// who asks only decides which municipality it is about. Anyone may read a municipality's notice by its
// three-digit code; without one, a signed-in user reads their own municipality's (a citizen: their own
// case's programme), and a visitor or the national evaluator the general notice, which lists every
// municipality and its programmes.

export interface ProgrammeNotice {
  name: string;
  legalBasis: LegalBasis;
  /** Months after the case is closed before its personal data is anonymised. */
  retentionMonths: number;
  /** Where its citizens ask about their data; null: the municipality itself. */
  privacyContact: string | null;
}

export interface MunicipalityNotice {
  /** The municipality's three-digit code. */
  code: number;
  /** The data controller. */
  name: string;
  programmes: ProgrammeNotice[];
}

export type PrivacyNotice =
  | { kind: 'municipality'; municipality: MunicipalityNotice }
  | { kind: 'general'; municipalities: { code: number; name: string; programmes: string[] }[] };

export function createPrivacyNoticeService({ database }: ServiceDeps) {
  return {
    /**
     * The notice of the municipality named by its three-digit code, for anyone (an unknown or malformed
     * code is NotFound); without a code, the reader's own (null: a visitor), else the general notice.
     */
    async notice(actor: Actor | null, municipalityCode?: string): Promise<PrivacyNotice> {
      if (municipalityCode !== undefined) {
        if (!/^\d{3}$/.test(municipalityCode)) throw new NotFound();
        const code = Number(municipalityCode);
        return database.transaction({ municipalityId: code }, async (tx) => ({
          kind: 'municipality',
          municipality: await municipalityNotice(tx, code, null),
        }));
      }
      const own = actor?.municipalityId ?? null;
      if (actor === null || own === null) return generalNotice(database);
      return database.transaction({ municipalityId: own }, async (tx) => {
        // The citizen's notice is about their own case's programme (spec: Own case only).
        const programmeId = actor.role === 'citizen' ? (await ownCase(tx, actor)).programme_id : null;
        return { kind: 'municipality', municipality: await municipalityNotice(tx, own, programmeId) };
      });
    },
  };
}

/** One municipality and its programmes (only `programmeId`, when given). */
async function municipalityNotice(
  tx: Tx,
  code: number,
  programmeId: string | null,
): Promise<MunicipalityNotice> {
  const municipality = await findMunicipality(tx, code);
  if (!municipality) throw new NotFound();
  const programmes = (await listProgrammes(tx, code))
    .filter((p) => programmeId === null || p.id === programmeId)
    .map((p) => ({
      name: p.name,
      legalBasis: p.legal_basis,
      retentionMonths: p.retention_months,
      privacyContact: p.privacy_contact,
    }));
  return { code, name: municipality.name, programmes };
}

/** Every municipality with its programmes' names: public facts, read across municipalities on purpose. */
function generalNotice(database: ServiceDeps['database']): Promise<PrivacyNotice> {
  return database.transaction('all', async (tx) => {
    const names = await programmeNames(tx);
    const municipalities = (await listMunicipalities(tx))
      .map((m) => ({
        code: m.id,
        name: m.name,
        programmes: names.filter((p) => p.municipality_id === m.id).map((p) => p.name),
      }))
      // By name, as a reader looks for their municipality.
      .sort((a, b) => a.name.localeCompare(b.name, 'da'));
    return { kind: 'general', municipalities };
  });
}
