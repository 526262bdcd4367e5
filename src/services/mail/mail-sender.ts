import type { DatabaseHandle } from '../../db/client.ts';
import {
  leaseDueMails,
  markMailFailed,
  markMailSent,
  removeSentBefore,
  type MailRow,
} from '../../db/repositories/mail.repository.ts';
import { retryDelayMs, SEND_LEASE_MS } from '../../domain/mail.ts';
import type { Clock } from '../context.ts';
import { failureOf, type MailTransport } from './smtp-transport.ts';

// The sender (spec: E-mail notifications): takes the mails whose time has come from the outbox and hands
// them to the mail server. A mail is leased in a short transaction and handed over outside it, so a slow
// or absent mail server never holds the database; a sender that dies mid-way leaves its lease to run
// out, and the mail is taken again (at least once: a mail may arrive twice, never not at all). A refusal
// keeps the mail and tries it again later and later, at least every six hours.

const BATCH = 20;
/** Sent mails are kept this long for the administrator to see, then removed. */
const KEEP_SENT_MS = 30 * 24 * 3_600_000;

export interface SendRun {
  sent: number;
  failed: number;
}

export async function sendDueMails(
  database: DatabaseHandle,
  clock: Clock,
  transport: MailTransport,
): Promise<SendRun> {
  const run: SendRun = { sent: 0, failed: 0 };
  for (;;) {
    const now = clock.now();
    const due = await database.transaction('all', (tx) =>
      leaseDueMails(tx, now, new Date(now.getTime() + SEND_LEASE_MS), BATCH),
    );
    for (const mail of due) {
      if (await sendOne(database, clock, transport, mail)) run.sent++;
      else run.failed++;
    }
    // A failing server fails the whole batch: stop and wait for the next round rather than go on.
    if (due.length < BATCH || run.failed > 0) return run;
  }
}

async function sendOne(
  database: DatabaseHandle,
  clock: Clock,
  transport: MailTransport,
  mail: MailRow,
): Promise<boolean> {
  try {
    await transport.send({ to: mail.recipient, subject: mail.subject, text: mail.body });
  } catch (error) {
    const attempts = mail.attempts + 1;
    const nextAttemptAt = new Date(clock.now().getTime() + retryDelayMs(attempts));
    await database.transaction('all', (tx) =>
      markMailFailed(tx, mail.id, { attempts, nextAttemptAt, error: failureOf(error) }),
    );
    return false;
  }
  await database.transaction('all', (tx) => markMailSent(tx, mail.id, clock.now()));
  return true;
}

/** Removes sent mails older than 30 days; unsent ones stay whatever their age. */
export function removeOldSentMails(database: DatabaseHandle, clock: Clock): Promise<number> {
  return database.transaction('all', (tx) =>
    removeSentBefore(tx, new Date(clock.now().getTime() - KEEP_SENT_MS)),
  );
}
