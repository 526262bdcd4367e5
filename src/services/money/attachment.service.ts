import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { findCase } from '../../db/repositories/case.repository.ts';
import {
  findAttachment,
  insertAttachment,
  type AttachmentInfo,
  type PurchaseRequestRow,
} from '../../db/repositories/money.repository.ts';
import { checkAttachment, type AttachmentType } from '../../domain/attachment-file.ts';
import { Conflict, NotFound, ValidationFailed } from '../../domain/errors.ts';
import { ATTACHMENT_KINDS, FINANCE_STATUSES, type AttachmentKind } from '../../domain/purchase-request.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import { loadCase, logAccess } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { parseInput, say } from '../form-fields.ts';
import { isUuid } from '../ids.ts';
import { lockRequest } from './purchase-record.ts';
import { message } from '../../i18n/index.ts';

// Attachments of a purchase request (spec: Attachments and receipts): the support person adds quotes and
// receipts, finance invoices and proofs of payment. Stored in the database with a SHA-256 checksum; the type
// is checked by content. Reading one is a read of the case's data, logged for staff who work on cases.

export const AttachmentInput = z.object({
  kind: z.enum(ATTACHMENT_KINDS, { error: say('field.attachment.kind') }),
});

/** An attachment as pages and the API list it: never its content. */
export interface AttachmentView {
  id: string;
  kind: AttachmentKind;
  fileName: string;
  sizeBytes: number;
  uploadedAt: Date;
}

export function toAttachmentView(a: AttachmentInfo): AttachmentView {
  return {
    id: a.id,
    kind: a.kind as AttachmentKind,
    fileName: a.file_name,
    sizeBytes: a.size_bytes,
    uploadedAt: a.uploaded_at,
  };
}

export interface AttachmentFile {
  fileName: string;
  contentType: string;
  sha256: string;
  content: Uint8Array;
}

export function createAttachmentService(deps: ServiceDeps) {
  const { database, clock } = deps;

  return {
    /** Adds a file to a request; returns the attachment's id and the request's case. */
    async attach(
      actor: Actor,
      requestId: string,
      input: unknown,
      file: { name: string; bytes: Uint8Array } | null,
    ): Promise<{ attachmentId: string; caseId: string }> {
      authorize(actor, 'purchase.attach');
      const municipalityId = ownMunicipality(actor);
      const at = clock.now();
      return database.transaction({ municipalityId }, async (tx) => {
        // Whose request it is comes first: someone who may not see it learns nothing from its checks.
        const { request } = await lockRequest(tx, actor, 'purchase.attach', requestId);
        if (!financeSees(actor, request.status)) throw new NotFound();
        const v = parseInput(AttachmentInput, input);
        const checked = file
          ? checkAttachment(file.name, file.bytes)
          : ({ ok: false, message: message('field.attachment.none') } as const);
        if (!checked.ok) throw new ValidationFailed({ file: checked.message });
        const bytes = file?.bytes ?? new Uint8Array();
        if (request.status === 'cancelled' || request.status === 'rejected') {
          throw new Conflict(message('error.money.requestClosed'), 'request_closed');
        }
        const attachmentId = await storeAttachment(tx, actor, at, request, v.kind, checked, bytes);
        return { attachmentId, caseId: request.case_id };
      });
    },

    /** One attachment's file, for those who may see its request. */
    async download(actor: Actor, attachmentId: string, purpose: string): Promise<AttachmentFile> {
      authorize(actor, 'purchase.readAttachment');
      const municipalityId = ownMunicipality(actor);
      const at = clock.now();
      return database.transaction({ municipalityId }, async (tx) => {
        const row = isUuid(attachmentId) ? await findAttachment(tx, attachmentId) : undefined;
        if (!row) throw new NotFound();
        let caseRow;
        if (actor.role === 'finance') {
          authorize(actor, 'purchase.readAttachment', { municipalityId: row.municipality_id });
          if (!financeSees(actor, row.status)) throw new NotFound();
          caseRow = await findCase(tx, row.case_id);
          if (!caseRow) throw new NotFound();
        } else {
          caseRow = await loadCase(tx, actor, 'purchase.readAttachment', row.case_id);
        }
        // An invoice or receipt may carry the citizen's name: whoever opens it is in the access log.
        await logAccess(tx, actor, at, purpose, [
          { caseId: caseRow.id, citizenId: caseRow.citizen_id, municipalityId: caseRow.municipality_id },
        ]);
        return {
          fileName: row.file_name,
          contentType: row.content_type,
          sha256: row.sha256,
          content: row.content,
        };
      });
    },
  };
}

/**
 * Stores a checked file on a request with its checksum and audit event; the caller has checked who may
 * and locked the request. Also the citizen's photo of a quote when they propose a purchase (spec: Proposals).
 */
export async function storeAttachment(
  tx: Tx,
  actor: Actor,
  at: Date,
  request: Pick<PurchaseRequestRow, 'id' | 'municipality_id'>,
  kind: AttachmentKind,
  checked: { fileName: string; type: AttachmentType },
  bytes: Uint8Array,
): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const attachmentId = await insertAttachment(tx, {
    municipality_id: request.municipality_id,
    purchase_request_id: request.id,
    kind,
    file_name: checked.fileName,
    content_type: checked.type,
    size_bytes: bytes.length,
    sha256,
    content: bytes,
    uploaded_by: actor.userId,
    uploaded_at: at,
  });
  await recordAudit(tx, actor, at, {
    municipalityId: request.municipality_id,
    action: 'purchase.attach',
    entityType: 'purchase_attachment',
    entityId: attachmentId,
    after: { requestId: request.id, kind, sizeBytes: bytes.length, sha256 },
  });
  return attachmentId;
}

/** Finance sees a request's papers from its approval on (spec: Attachments and receipts), never a draft's. */
function financeSees(actor: Actor, status: string): boolean {
  return actor.role !== 'finance' || (FINANCE_STATUSES as readonly string[]).includes(status);
}
