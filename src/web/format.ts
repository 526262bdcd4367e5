import { danishDateOf } from '../domain/calendar-date.ts';
import type { Lang, MessageKey, Translate } from '../i18n/index.ts';
import type { PageContext } from './context.ts';

// Dates and times as Danes read them, always in Danish time whatever the server's zone. The formatters
// are made once per language: making one costs far more than formatting with it.
const LOCALE: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

function perLanguage(options: Intl.DateTimeFormatOptions): Record<Lang, Intl.DateTimeFormat> {
  return {
    da: new Intl.DateTimeFormat(LOCALE.da, options),
    en: new Intl.DateTimeFormat(LOCALE.en, options),
  };
}

const DATE_TIME = perLanguage({
  timeZone: 'Europe/Copenhagen',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const DATE = perLanguage({ timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

export function formatDateTime(at: Date, lang: Lang): string {
  return DATE_TIME[lang].format(at);
}

export function formatDate(isoDate: string, lang: Lang): string {
  return DATE[lang].format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * The Danish day of an instant, written as formatDate writes a date: a column of dates uses one of the
 * two throughout, never a mix of days and times.
 */
export function formatDateOf(at: Date, lang: Lang): string {
  return formatDate(danishDateOf(at), lang);
}

/** Who did something, as a history shows it: "name (role)", or "system" when no person did. */
export function actorText(
  ctx: PageContext,
  actor: { name: string | null; role: string | null } | null,
): string {
  if (!actor) return ctx.t('audit.system');
  return `${actor.name ?? ''}${actor.role ? ` (${ctx.t(`role.${actor.role}` as MessageKey)})` : ''}`;
}

/** A label that may be missing (a code outside its scale) in the reader's language; undefined if missing. */
export function labelOf(t: Translate, key: MessageKey | undefined): string | undefined {
  return key === undefined ? undefined : t(key);
}
