import type { Tx } from '../../db/client.ts';
import {
  insertMail,
  lastMailAt,
  recipientsChoosing,
  saveTold,
  toldOf,
  type RecipientRow,
} from '../../db/repositories/mail.repository.ts';
import type { MailKind } from '../../db/schema-mail.ts';
import { danishDateOf } from '../../domain/calendar-date.ts';
import { digestDue, newInKind } from '../../domain/mail.ts';
import type { Role } from '../../domain/roles.ts';
import { keyedHash } from '../access/tokens.ts';
import { recordAudit } from '../audit.service.ts';
import { claimToday, giveBack } from '../backup/daily-job.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import type { WorkGroup } from '../work/work-item.ts';
import { mailText, type KindCount } from './mail-text.ts';

// Putting notifications in the outbox (spec: E-mail notifications): the daily digest for those who chose
// it, and a mail when something new waits for those who chose that. Each mail is its own transaction in
// the recipient's municipality, with its audit event: the mail and its record commit together or not at
// all. The sender (mail-sender.ts) takes them from there.

/** What waits for one user at a moment, as their front page lists it (work/work.service.ts listWorkFor). */
export type ListWork = (tx: Tx, actor: Actor, at: Date) => Promise<readonly WorkGroup[]>;

export interface QueueSettings {
  /** The app's address, for the link to the front page. */
  baseUrl: URL;
  /** The Danish hour of the day from which the day's digest goes out. */
  digestHour: number;
}

export interface QueueRun {
  /** False when it is not yet the hour, today's digest was made, or another process is making it. */
  ran: boolean;
  queued: number;
  /** Users whose mail could not be made; tried again at the next run. */
  failed: number;
}

const DIGEST_JOB = 'mail-digest';

/** The day's digests, once a Danish calendar day across processes, from the configured hour on. */
export async function queueDigests(
  deps: ServiceDeps,
  listWork: ListWork,
  settings: QueueSettings,
): Promise<QueueRun> {
  const now = deps.clock.now();
  if (!digestDue(now, settings.digestHour)) return { ran: false, queued: 0, failed: 0 };
  const claim = await claimToday(deps.database, DIGEST_JOB, now);
  if (!claim.claimed) return { ran: false, queued: 0, failed: 0 };
  const run = await forEachRecipient(deps, 'digest', (tx, r) =>
    queueDigestFor(tx, deps, listWork, settings, r, now),
  );
  // A digest that could not be made is tried again at the next hourly run; those made are not made twice.
  if (run.failed > 0) await giveBack(deps.database, DIGEST_JOB, claim);
  return { ran: true, ...run };
}

/** A mail to each user who wants to hear at once, when an item waits that was not there when last told. */
export async function queueNewWork(
  deps: ServiceDeps,
  listWork: ListWork,
  settings: QueueSettings,
): Promise<QueueRun> {
  const now = deps.clock.now();
  const run = await forEachRecipient(deps, 'immediate', (tx, r) =>
    queueNewFor(tx, deps, listWork, settings, r, now),
  );
  return { ran: true, ...run };
}

async function forEachRecipient(
  deps: ServiceDeps,
  notify: 'digest' | 'immediate',
  each: (tx: Tx, recipient: RecipientRow) => Promise<boolean>,
): Promise<{ queued: number; failed: number }> {
  const recipients = await deps.database.transaction('all', (tx) => recipientsChoosing(tx, notify));
  let queued = 0;
  let failed = 0;
  for (const r of recipients) {
    try {
      if (await deps.database.transaction({ municipalityId: r.municipality_id }, (tx) => each(tx, r)))
        queued++;
    } catch {
      failed++;
    }
  }
  return { queued, failed };
}

async function queueDigestFor(
  tx: Tx,
  deps: ServiceDeps,
  listWork: ListWork,
  settings: QueueSettings,
  r: RecipientRow,
  now: Date,
): Promise<boolean> {
  const today = danishDateOf(now);
  const last = await lastMailAt(tx, r.id, 'digest');
  if (last && danishDateOf(last) === today) return false;
  const groups = await listWork(tx, actorOf(r), now);
  const counts = groups.map((g) => ({ kind: g.kind, count: g.count }));
  if (!counts.some((c) => c.count > 0)) return false;
  await queueMail(tx, r, 'digest', counts, settings.baseUrl, now);
  return true;
}

async function queueNewFor(
  tx: Tx,
  deps: ServiceDeps,
  listWork: ListWork,
  settings: QueueSettings,
  r: RecipientRow,
  now: Date,
): Promise<boolean> {
  // Locks what the user was told, so two processes never tell the same thing twice.
  const told = await toldOf(tx, r.id);
  const groups = await listWork(tx, actorOf(r), now);
  const kinds = groups.map((g) => ({
    kind: g.kind,
    count: g.count,
    carried: g.items.map((item) => keyedHash(deps.secrets.session, item.key)),
  }));
  const current = {
    hashes: kinds.flatMap((k) => k.carried),
    counts: Object.fromEntries(kinds.map((k) => [k.kind, k.count])),
  };
  const changed =
    told === undefined ||
    current.hashes.join() !== told.hashes.join() ||
    kinds.some((k) => told.counts[k.kind] !== k.count);
  if (changed) await saveTold(tx, { userId: r.id, municipalityId: r.municipality_id, at: now, ...current });
  // The first look only takes note: what waited before the choice was made is not news.
  if (told === undefined) return false;
  const counts: KindCount[] = kinds.map((k) => ({
    kind: k.kind,
    count: newInKind(k, told.hashes, told.counts[k.kind] ?? 0),
  }));
  if (!counts.some((c) => c.count > 0)) return false;
  await queueMail(tx, r, 'new', counts, settings.baseUrl, now);
  return true;
}

async function queueMail(
  tx: Tx,
  r: RecipientRow,
  kind: MailKind,
  counts: readonly KindCount[],
  baseUrl: URL,
  now: Date,
): Promise<void> {
  const { subject, body } = mailText(kind, counts, r.notify_lang, baseUrl);
  const mailId = await insertMail(tx, {
    municipalityId: r.municipality_id,
    userId: r.id,
    recipient: r.email,
    subject,
    body,
    kind,
    at: now,
  });
  await recordAudit(tx, null, now, {
    municipalityId: r.municipality_id,
    action: 'mail.queue',
    entityType: 'user',
    entityId: r.id,
    after: { mailId, kind, items: counts.reduce((sum, c) => sum + c.count, 0) },
  });
}

/** The recipient as the actor whose work is listed: the list is theirs, as on their own front page. */
function actorOf(r: RecipientRow): Actor {
  return {
    userId: r.id,
    role: r.role as Role,
    municipalityId: r.municipality_id,
    municipalityName: r.municipality_name,
    name: r.name,
    email: r.email,
  };
}
