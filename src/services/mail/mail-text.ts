import type { MailKind } from '../../db/schema-mail.ts';
import { translator, type Lang } from '../../i18n/index.ts';
import type { WorkKind } from '../work/work-item.ts';

// The words of a notification (spec: E-mail notifications): how many things of each kind wait, and a link
// to the front page. Nothing else — no name, no case number, no amount — so a mail that goes astray tells
// no one anything about a citizen.

export interface KindCount {
  kind: WorkKind;
  count: number;
}

export function mailText(
  kind: MailKind,
  counts: readonly KindCount[],
  lang: Lang,
  baseUrl: URL,
): { subject: string; body: string } {
  const t = translator(lang);
  const lines = counts
    .filter((c) => c.count > 0)
    .map((c) => `- ${t(`mail.count.${c.kind}.${c.count === 1 ? 'one' : 'other'}`, { count: c.count })}`);
  const frontPage = new URL('/', baseUrl).href;
  const body = [
    t(kind === 'digest' ? 'mail.digest.intro' : 'mail.new.intro'),
    '',
    ...lines,
    '',
    t('mail.link', { url: frontPage }),
    '',
    '-- ',
    t('mail.footer'),
    '',
  ].join('\n');
  return { subject: t(kind === 'digest' ? 'mail.digest.subject' : 'mail.new.subject'), body };
}
