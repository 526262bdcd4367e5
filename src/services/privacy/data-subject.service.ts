import type { Tx } from '../../db/client.ts';
import type { CaseRecord } from '../../db/repositories/case.repository.ts';
import { insertDataSubjectRequest, setRestriction } from '../../db/repositories/data-subject.repository.ts';
import { casesOfPerson } from '../../db/repositories/personal-data.repository.ts';
import { Conflict } from '../../domain/errors.ts';
import { message } from '../../i18n/index.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import type { AuditAction } from '../audit-actions.ts';
import { recordAudit } from '../audit.service.ts';
import { loadCase, logAccess } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { createCprVault, type CprVault } from '../cpr-vault.ts';
import { parseInput } from '../form-fields.ts';
import { gatherFullCopy, type FullCopy } from './data-subject-copy.ts';
import { privacyOf, type PrivacyView } from './data-subject-privacy.ts';
import type { DataSubjectRequestKind } from './data-subject-requests.ts';
import { EraseInput, RequestNoteInput, RestrictInput } from './data-subject.schemas.ts';
import { anonymiseCase } from './retention.service.ts';

// The citizen's requests about their data, handled on their case by the coordinator
// (spec: Data-subject requests): the privacy state of the case, the full copy (art. 15), restriction
// (art. 18) and erasure (art. 17). Each request is one command in one transaction: the request row, its
// audit event (ids and the kind, never content) and, where data is read, the access log.

export type { PrivacyView } from './data-subject-privacy.ts';

const AUDIT_ACTION: Record<DataSubjectRequestKind, AuditAction> = {
  access: 'dataSubject.access',
  restriction: 'dataSubject.restrict',
  restriction_lifted: 'dataSubject.liftRestriction',
  erasure: 'dataSubject.erase',
};

/** The request row and its audit event: ids and the kind only (the note may hold the citizen's words). */
async function recordRequest(
  tx: Tx,
  actor: Actor,
  at: Date,
  row: CaseRecord,
  kind: DataSubjectRequestKind,
  note: string | null,
): Promise<void> {
  const id = await insertDataSubjectRequest(tx, {
    municipality_id: row.municipality_id,
    case_id: row.id,
    kind,
    note,
    handled_at: at,
    handled_by: actor.userId,
  });
  await recordAudit(tx, actor, at, {
    municipalityId: row.municipality_id,
    action: AUDIT_ACTION[kind],
    entityType: 'case',
    entityId: row.id,
    after: { requestId: id, kind },
  });
}

type OnCase = <T>(
  actor: Actor,
  caseId: string,
  lock: boolean,
  fn: (tx: Tx, row: CaseRecord, at: Date) => Promise<T>,
) => Promise<T>;

/**
 * One request on a case: the role, then one transaction in the actor's municipality with the case
 * (404 for a case the coordinator may not see, before any input is judged). `lock` for a change; the
 * requests themselves are allowed on a restricted case (case-record.ts).
 */
function caseRunner({ database, clock }: ServiceDeps): OnCase {
  return async (actor, caseId, lock, fn) => {
    authorize(actor, 'dataSubject.handle');
    const municipalityId = ownMunicipality(actor);
    const at = clock.now();
    return database.transaction({ municipalityId }, async (tx) =>
      fn(tx, await loadCase(tx, actor, 'dataSubject.handle', caseId, lock), at),
    );
  };
}

/** The case's privacy page: anonymisation, legal hold, restriction, erasure and the requests. */
function privacy(onCase: OnCase, actor: Actor, caseId: string, purpose: string): Promise<PrivacyView> {
  return onCase(actor, caseId, false, async (tx, row, at) => {
    const view = await privacyOf(tx, row, at);
    await logAccess(tx, actor, at, purpose, [
      { caseId: row.id, citizenId: row.citizen_id, municipalityId: row.municipality_id },
    ]);
    return view;
  });
}

/**
 * The full copy (art. 15): everything held about the citizen, recorded as their request. The copy is
 * the command's answer and is kept nowhere; every case of the citizen it reads is logged.
 */
function fullCopy(
  onCase: OnCase,
  vault: CprVault,
  actor: Actor,
  caseId: string,
  input: unknown,
  purpose: string,
): Promise<FullCopy> {
  return onCase(actor, caseId, false, async (tx, row, at) => {
    const v = parseInput(RequestNoteInput, input);
    await recordRequest(tx, actor, at, row, 'access', v.note);
    const copy = await gatherFullCopy(tx, vault, actor, row, at);
    const cases = await casesOfPerson(tx, row.citizen_id);
    await logAccess(
      tx,
      actor,
      at,
      purpose,
      cases.map((c) => ({ caseId: c.id, citizenId: c.citizen_id, municipalityId: c.municipality_id })),
    );
    return copy;
  });
}

/** Restriction (art. 18): the case becomes read-only until it is lifted (spec: Restriction). */
function restrict(onCase: OnCase, actor: Actor, caseId: string, input: unknown): Promise<void> {
  return onCase(actor, caseId, true, async (tx, row, at) => {
    const v = parseInput(RestrictInput, input);
    if (row.anonymised_at !== null) {
      throw new Conflict(message('dataSubject.error.anonymised'), 'case_anonymised');
    }
    if (row.restricted_since !== null) {
      throw new Conflict(message('dataSubject.error.alreadyRestricted'), 'already_restricted');
    }
    await setRestriction(tx, row.id, { reason: v.reason, since: at }, at);
    await recordRequest(tx, actor, at, row, 'restriction', v.reason);
  });
}

/** The restriction lifted: the case can be changed again. */
function liftRestriction(onCase: OnCase, actor: Actor, caseId: string, input: unknown): Promise<void> {
  return onCase(actor, caseId, true, async (tx, row, at) => {
    const v = parseInput(RequestNoteInput, input);
    if (row.restricted_since === null) {
      throw new Conflict(message('dataSubject.error.notRestricted'), 'not_restricted');
    }
    await setRestriction(tx, row.id, null, at);
    await recordRequest(tx, actor, at, row, 'restriction_lifted', v.note);
  });
}

/**
 * Erasure (art. 17), where the programme's legal basis allows it (spec: Erasure): the case is anonymised
 * by the same path as at the end of its retention period, and the request recorded, in one transaction.
 */
function erase(onCase: OnCase, actor: Actor, caseId: string, input: unknown): Promise<void> {
  return onCase(actor, caseId, true, async (tx, row, at) => {
    const view = await privacyOf(tx, row, at);
    if (view.erasure) throw new Conflict(view.erasure.message, `erasure_${view.erasure.code}`);
    parseInput(EraseInput, input);
    await anonymiseCase(tx, actor, at, row.id, 'erasure');
    await recordRequest(tx, actor, at, row, 'erasure', null);
  });
}

export function createDataSubjectService(deps: ServiceDeps) {
  const onCase = caseRunner(deps);
  const vault = createCprVault(deps.secrets.cpr);
  return {
    privacy: (actor: Actor, caseId: string, purpose: string) => privacy(onCase, actor, caseId, purpose),
    fullCopy: (actor: Actor, caseId: string, input: unknown, purpose: string) =>
      fullCopy(onCase, vault, actor, caseId, input, purpose),
    restrict: (actor: Actor, caseId: string, input: unknown) => restrict(onCase, actor, caseId, input),
    liftRestriction: (actor: Actor, caseId: string, input: unknown) =>
      liftRestriction(onCase, actor, caseId, input),
    erase: (actor: Actor, caseId: string, input: unknown) => erase(onCase, actor, caseId, input),
  };
}
