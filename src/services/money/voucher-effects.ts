import { createHash } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { insertAccessLog } from '../../db/repositories/access-log.repository.ts';
import type { CaseRecord } from '../../db/repositories/case.repository.ts';
import { insertAttachment } from '../../db/repositories/money.repository.ts';

// What a shop's redemption writes besides the voucher and the request (voucher-redeem.ts), in its
// transaction: the receipt attached and the line in the citizen's access log.

export async function attachReceipt(
  tx: Tx,
  at: Date,
  request: { id: string; municipality_id: number },
  vendorId: string,
  file: { fileName: string; type: string; bytes: Uint8Array },
): Promise<string> {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  await insertAttachment(tx, {
    municipality_id: request.municipality_id,
    purchase_request_id: request.id,
    kind: 'receipt',
    file_name: file.fileName,
    content_type: file.type,
    size_bytes: file.bytes.length,
    sha256,
    content: file.bytes,
    uploaded_by: null,
    uploaded_by_vendor_id: vendorId,
    uploaded_at: at,
  });
  return sha256;
}

/** The citizen sees in their access log that the shop redeemed their voucher. */
export async function logShopAccess(tx: Tx, at: Date, caseRow: CaseRecord, vendorId: string): Promise<void> {
  await insertAccessLog(tx, [
    {
      municipality_id: caseRow.municipality_id,
      occurred_at: at,
      user_id: null,
      vendor_id: vendorId,
      user_role: 'vendor',
      subject_type: 'case',
      subject_id: caseRow.id,
      purpose: 'POST /indloes/kvittering',
      request_id: null,
      citizen_id: caseRow.citizen_id,
      case_id: caseRow.id,
    },
  ]);
}
