import type { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { insertNote, notesOf } from '../../db/repositories/note.repository.ts';
import { isCaseClosed } from '../../domain/case-lifecycle.ts';
import { Conflict, ValidationFailed } from '../../domain/errors.ts';
import { isAllowed } from '../../domain/permissions.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import { loadCase, logAccess, notInFuture, today } from './case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { parseInput } from '../form-fields.ts';
import { NoteInput } from './note.schemas.ts';
import { message } from '../../i18n/index.ts';

// Follow-up notes (opfølgning; spec: Follow-up notes): dated notes on progress, written by the support person
// or a coordinator. They are shared with the citizen unless marked internal; internal ones are only ever read
// by those with 'note.readInternal'. A note is a record: corrections are written as a new note.

export interface NoteView {
  id: string;
  writtenOn: string;
  body: string;
  internal: boolean;
  author: { userId: string; name: string; role: string };
  createdAt: Date;
}

export type NoteFields = z.output<typeof NoteInput>;

async function writeNote(tx: Tx, actor: Actor, at: Date, caseId: string, v: NoteFields): Promise<string> {
  const row = await loadCase(tx, actor, 'note.write', caseId, true);
  if (isCaseClosed(row.phase)) throw new Conflict(message('case.refused.case_closed'), 'case_closed');
  const writtenOn = notInFuture(v.writtenOn ?? today(at), at, 'writtenOn');
  if (writtenOn < row.referred_on) {
    throw new ValidationFailed({ writtenOn: message('field.note.beforeReferral') });
  }
  const note = await insertNote(tx, {
    municipality_id: row.municipality_id,
    case_id: row.id,
    written_on: writtenOn,
    body: v.body,
    internal: v.internal,
    author_user_id: actor.userId,
    created_at: at,
  });
  // The note's words stay in the note; the audit says that one was written, when and how shared.
  await recordAudit(tx, actor, at, {
    municipalityId: row.municipality_id,
    action: 'note.write',
    entityType: 'follow_up_note',
    entityId: note.id,
    after: { caseId: row.id, writtenOn, internal: v.internal },
  });
  return note.id;
}

export function createNoteService(deps: ServiceDeps) {
  const { database, clock } = deps;

  return {
    /** Returns the new note's id. */
    async add(actor: Actor, caseId: string, input: unknown): Promise<string> {
      authorize(actor, 'note.write');
      const municipalityId = ownMunicipality(actor);
      const v = parseInput(NoteInput, input);
      const at = clock.now();
      return database.transaction({ municipalityId }, (tx) => writeNote(tx, actor, at, caseId, v));
    },

    /** The case's notes, newest first; internal ones only for those who may read them. */
    async list(actor: Actor, caseId: string, purpose: string): Promise<NoteView[]> {
      authorize(actor, 'note.read');
      const municipalityId = ownMunicipality(actor);
      const at = clock.now();
      return database.transaction({ municipalityId }, async (tx) => {
        const row = await loadCase(tx, actor, 'note.read', caseId);
        const rows = await notesOf(tx, row.id, isAllowed(actor.role, 'note.readInternal'));
        await logAccess(tx, actor, at, purpose, [
          { caseId: row.id, citizenId: row.citizen_id, municipalityId },
        ]);
        return rows.map((n) => ({
          id: n.id,
          writtenOn: n.written_on,
          body: n.body,
          internal: n.internal,
          author: { userId: n.author_user_id, name: n.author_name, role: n.author_role },
          createdAt: n.created_at,
        }));
      });
    },
  };
}
