import {
  forgetToldKeys,
  notifyChoiceOf,
  outboxOfMunicipality,
  setNotifyChoice,
} from '../../db/repositories/mail.repository.ts';
import type { MailKind, NotifyChoice } from '../../db/schema-mail.ts';
import { NotFound } from '../../domain/errors.ts';
import type { Lang } from '../../i18n/index.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { parseInput } from '../form-fields.ts';
import { queueDigests, queueNewWork, type ListWork, type QueueSettings } from './mail-queue.ts';
import { removeOldSentMails, sendDueMails } from './mail-sender.ts';
import { NotifyInput } from './mail.schemas.ts';
import type { MailTransport } from './smtp-transport.ts';

// E-mail notifications (spec: E-mail notifications): each staff user's choice, the administrator's view
// of the outbox, and the jobs the running app calls — the digest, the news, the sender.

/** How many mails the administrator's page shows, newest first. */
export const OUTBOX_SHOWN = 200;

export interface OutboxEntry {
  id: string;
  recipientName: string;
  kind: MailKind;
  createdAt: Date;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
}

export interface NotifySettings {
  notify: NotifyChoice;
  email: string | null;
}

export function createMailService(deps: ServiceDeps, listWork: ListWork) {
  const { database, clock } = deps;
  return {
    outbox: (actor: Actor) => outbox(deps, actor),
    settings: (actor: Actor) => settings(deps, actor),
    /** The user's own choice; their mails are written in `lang`, the language they chose it in. */
    choose: (actor: Actor, input: unknown, lang: Lang) => choose(deps, actor, input, lang),
    queueDigests: (settings: QueueSettings) => queueDigests(deps, listWork, settings),
    queueNewWork: (settings: QueueSettings) => queueNewWork(deps, listWork, settings),
    sendDue: (transport: MailTransport) => sendDueMails(database, clock, transport),
    removeOldSent: () => removeOldSentMails(database, clock),
  };
}

async function outbox(deps: ServiceDeps, actor: Actor): Promise<OutboxEntry[]> {
  authorize(actor, 'mail.outbox');
  const municipalityId = ownMunicipality(actor);
  const rows = await deps.database.transaction({ municipalityId }, (tx) =>
    outboxOfMunicipality(tx, municipalityId, OUTBOX_SHOWN),
  );
  return rows.map((r) => ({
    id: r.id,
    recipientName: r.recipient_name,
    kind: r.kind,
    createdAt: r.created_at,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    sentAt: r.sent_at,
  }));
}

async function settings(deps: ServiceDeps, actor: Actor): Promise<NotifySettings> {
  authorize(actor, 'mail.chooseNotify');
  const municipalityId = ownMunicipality(actor);
  const row = await deps.database.transaction({ municipalityId }, (tx) => notifyChoiceOf(tx, actor.userId));
  if (!row) throw new NotFound();
  return { notify: row.notify, email: row.email };
}

async function choose(deps: ServiceDeps, actor: Actor, input: unknown, lang: Lang): Promise<void> {
  authorize(actor, 'mail.chooseNotify');
  const municipalityId = ownMunicipality(actor);
  const { notify } = parseInput(NotifyInput, input);
  const now = deps.clock.now();
  await deps.database.transaction({ municipalityId }, async (tx) => {
    const before = await notifyChoiceOf(tx, actor.userId);
    if (!before) throw new NotFound();
    await setNotifyChoice(tx, actor.userId, { notify, lang });
    if (before.notify === notify && before.notify_lang === lang) return;
    // Whoever chooses to hear at once starts afresh: what waits now is noted, not sent.
    if (before.notify !== notify) await forgetToldKeys(tx, actor.userId);
    await recordAudit(tx, actor, now, {
      municipalityId,
      action: 'user.setNotify',
      entityType: 'user',
      entityId: actor.userId,
      before: { notify: before.notify, lang: before.notify_lang },
      after: { notify, lang },
    });
  });
}
