import type { Tx } from '../../db/client.ts';
import { findCase, updateCase } from '../../db/repositories/case.repository.ts';
import { retentionOfCase, type RetentionRow } from '../../db/repositories/retention.repository.ts';
import { Conflict, NotFound } from '../../domain/errors.ts';
import { message } from '../../i18n/index.ts';
import { authorize, authorizeCase, ownMunicipality } from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import { caseTarget, today } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { isUuid } from '../ids.ts';
import { parseInput } from '../form-fields.ts';
import { caseRetention, type CaseRetention } from './retention-entry.ts';
import { LegalHoldInput } from './retention.schemas.ts';

// The coordinator's view of a case's retention, and the legal hold that stops its anonymisation (a
// complaint, a court case, an inspection: spec: Retention). Setting and lifting are each one command
// with its audit event, which says only that a hold was set or lifted: the reason may name the citizen.
// A restricted case (art. 18) is read-only, but a hold protects it further, so it is allowed there too.

/** The case under the coordinator's access check, its row locked when `lock`. */
async function onCase<T>(
  deps: ServiceDeps,
  actor: Actor,
  caseId: string,
  lock: boolean,
  fn: (tx: Tx, row: RetentionRow, at: Date) => Promise<T>,
): Promise<T> {
  authorize(actor, 'case.retention');
  const municipalityId = ownMunicipality(actor);
  const at = deps.clock.now();
  return deps.database.transaction({ municipalityId }, async (tx) => {
    const found = isUuid(caseId) ? await findCase(tx, caseId) : undefined;
    if (!found) throw new NotFound();
    authorizeCase(actor, 'case.retention', caseTarget(found));
    const row = await retentionOfCase(tx, caseId, lock);
    if (!row) throw new NotFound();
    return fn(tx, row, at);
  });
}

/** That a hold was set or lifted, and nothing of its reason. */
async function recordHold(tx: Tx, actor: Actor, at: Date, row: RetentionRow, held: boolean): Promise<void> {
  await recordAudit(tx, actor, at, {
    municipalityId: row.municipality_id,
    action: held ? 'case.setLegalHold' : 'case.liftLegalHold',
    entityType: 'case',
    entityId: row.id,
    before: { legalHold: row.legal_hold_since !== null },
    after: { legalHold: held },
  });
}

export function createLegalHold(deps: ServiceDeps) {
  return {
    /** When the case's personal data is anonymised ("anonymiseres den …"), and what stops it. */
    forCase(actor: Actor, caseId: string): Promise<CaseRetention> {
      return onCase(deps, actor, caseId, false, (_tx, row, at) =>
        Promise.resolve(caseRetention(row, today(at))),
      );
    },

    /** Stops the anonymisation, with the reason; a case already held gets the new reason. */
    setLegalHold(actor: Actor, caseId: string, input: unknown): Promise<void> {
      return onCase(deps, actor, caseId, true, async (tx, row, at) => {
        const v = parseInput(LegalHoldInput, input);
        if (row.anonymised_at !== null) {
          throw new Conflict(message('retention.refused.anonymised'), 'case_anonymised');
        }
        await updateCase(tx, row.id, {
          legal_hold_reason: v.reason,
          legal_hold_since: row.legal_hold_since ?? at,
          updated_at: at,
        });
        await recordHold(tx, actor, at, row, true);
      });
    },

    /** Lets the anonymisation run again, from its own date (at once if that has passed). */
    liftLegalHold(actor: Actor, caseId: string): Promise<void> {
      return onCase(deps, actor, caseId, true, async (tx, row, at) => {
        if (row.anonymised_at !== null) {
          throw new Conflict(message('retention.refused.anonymised'), 'case_anonymised');
        }
        if (row.legal_hold_since === null) {
          throw new Conflict(message('retention.refused.noHold'), 'no_legal_hold');
        }
        await updateCase(tx, row.id, { legal_hold_reason: null, legal_hold_since: null, updated_at: at });
        await recordHold(tx, actor, at, row, false);
      });
    },
  };
}
