import type { Tx } from '../../db/client.ts';
import { endSessionsOfUser } from '../../db/repositories/session.repository.ts';
import { deactivateUser, type UserRow } from '../../db/repositories/user.repository.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor } from '../context.ts';

/**
 * Deactivates a staff account, by its administrator or by the municipality's log-in: it can no longer
 * log in, and its sessions end at once rather than at their next timeout.
 */
export async function deactivateAccount(
  tx: Tx,
  actor: Actor | null,
  user: UserRow,
  at: Date,
  audit: { before: unknown; after: unknown },
): Promise<void> {
  await deactivateUser(tx, user.id, at);
  await endSessionsOfUser(tx, user.id, at);
  await recordAudit(tx, actor, at, {
    municipalityId: user.municipality_id,
    action: 'user.deactivate',
    entityType: 'user',
    entityId: user.id,
    ...audit,
  });
}
