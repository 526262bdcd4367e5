import type { Lang } from '../i18n/index.ts';

// Dates and times as Danes read them, always in Danish time whatever the server's zone.
const LOCALE: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

export function formatDateTime(at: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    timeZone: 'Europe/Copenhagen',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

export function formatDate(isoDate: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}
