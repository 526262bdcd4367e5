import type { Selectable } from 'kysely';
import { MUNICIPAL_STAFF_ROLES } from '../../domain/roles.ts';
import type { Tx } from '../client.ts';
import type { MailKind, MailOutboxTable, NotifyChoice } from '../schema-mail.ts';

// The mail outbox, what each user was last told of, and each staff user's choice
// (spec: E-mail notifications). Queries only.

export type MailRow = Selectable<MailOutboxTable>;

/** Active municipal staff with an e-mail address who chose `notify`, in the transaction's scope. */
export function recipientsChoosing(tx: Tx, notify: NotifyChoice) {
  return tx
    .selectFrom('app_user as u')
    .innerJoin('municipality as m', 'm.id', 'u.municipality_id')
    .select(['u.id', 'u.municipality_id', 'm.name as municipality_name', 'u.name', 'u.email', 'u.role'])
    .select('u.notify_lang')
    .where('u.notify', '=', notify)
    .where('u.active', '=', true)
    .where('u.email', 'is not', null)
    .where('u.role', 'in', MUNICIPAL_STAFF_ROLES)
    .where('u.municipality_id', 'is not', null)
    .$narrowType<{ municipality_id: number; email: string }>()
    .orderBy('u.municipality_id')
    .orderBy('u.id')
    .execute();
}

export type RecipientRow = Awaited<ReturnType<typeof recipientsChoosing>>[number];

export async function insertMail(
  tx: Tx,
  mail: {
    municipalityId: number;
    userId: string;
    recipient: string;
    subject: string;
    body: string;
    kind: MailKind;
    at: Date;
  },
): Promise<string> {
  const row = await tx
    .insertInto('mail_outbox')
    .values({
      municipality_id: mail.municipalityId,
      recipient_user_id: mail.userId,
      recipient: mail.recipient,
      subject: mail.subject,
      body: mail.body,
      kind: mail.kind,
      created_at: mail.at,
      next_attempt_at: mail.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** When the user's last mail of `kind` was made, if ever. */
export async function lastMailAt(tx: Tx, userId: string, kind: MailKind): Promise<Date | undefined> {
  const row = await tx
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.max('created_at').as('last'))
    .where('recipient_user_id', '=', userId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row?.last ?? undefined;
}

/**
 * Takes up to `limit` unsent mails whose time has come and leases them until `leaseUntil`, so another
 * sender leaves them alone while this one hands them over; rows another sender is taking are skipped.
 */
export async function leaseDueMails(tx: Tx, now: Date, leaseUntil: Date, limit: number): Promise<MailRow[]> {
  const due = await tx
    .selectFrom('mail_outbox')
    .select('id')
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  if (due.length === 0) return [];
  return tx
    .updateTable('mail_outbox')
    .set({ next_attempt_at: leaseUntil })
    .where(
      'id',
      'in',
      due.map((d) => d.id),
    )
    .returningAll()
    .execute();
}

export async function markMailSent(tx: Tx, id: string, at: Date): Promise<void> {
  await tx
    .updateTable('mail_outbox')
    .set((eb) => ({ sent_at: at, attempts: eb('attempts', '+', 1), last_error: null }))
    .where('id', '=', id)
    .execute();
}

export async function markMailFailed(
  tx: Tx,
  id: string,
  failure: { attempts: number; nextAttemptAt: Date; error: string },
): Promise<void> {
  await tx
    .updateTable('mail_outbox')
    .set({ attempts: failure.attempts, next_attempt_at: failure.nextAttemptAt, last_error: failure.error })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .execute();
}

/** Sent mails older than `before` go: their work is done, and the outbox stays short. */
export async function removeSentBefore(tx: Tx, before: Date): Promise<number> {
  const result = await tx.deleteFrom('mail_outbox').where('sent_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The municipality's newest mails with the recipient's name; no bodies. */
export function outboxOfMunicipality(tx: Tx, municipalityId: number, limit: number) {
  return tx
    .selectFrom('mail_outbox as o')
    .innerJoin('app_user as u', 'u.id', 'o.recipient_user_id')
    .select([
      'o.id',
      'u.name as recipient_name',
      'o.kind',
      'o.created_at',
      'o.attempts',
      'o.next_attempt_at',
      'o.last_error',
      'o.sent_at',
    ])
    .where('o.municipality_id', '=', municipalityId)
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id')
    .limit(limit)
    .execute();
}

export interface Told {
  hashes: string[];
  counts: Record<string, number>;
}

/** What the user was last told of, the row locked; undefined when never told. */
export async function toldOf(tx: Tx, userId: string): Promise<Told | undefined> {
  const row = await tx
    .selectFrom('mail_notified')
    .select(['key_hashes', 'counts'])
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  return row && { hashes: row.key_hashes, counts: row.counts };
}

export async function saveTold(
  tx: Tx,
  told: Told & { userId: string; municipalityId: number; at: Date },
): Promise<void> {
  const counts = JSON.stringify(told.counts);
  await tx
    .insertInto('mail_notified')
    .values({
      user_id: told.userId,
      municipality_id: told.municipalityId,
      key_hashes: told.hashes,
      counts,
      updated_at: told.at,
    })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ key_hashes: told.hashes, counts, updated_at: told.at }),
    )
    .execute();
}

export async function forgetToldKeys(tx: Tx, userId: string): Promise<void> {
  await tx.deleteFrom('mail_notified').where('user_id', '=', userId).execute();
}

export function notifyChoiceOf(tx: Tx, userId: string) {
  return tx
    .selectFrom('app_user')
    .select(['notify', 'notify_lang', 'email'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function setNotifyChoice(
  tx: Tx,
  userId: string,
  choice: { notify: NotifyChoice; lang: 'da' | 'en' },
): Promise<void> {
  await tx
    .updateTable('app_user')
    .set({ notify: choice.notify, notify_lang: choice.lang })
    .where('id', '=', userId)
    .execute();
}
