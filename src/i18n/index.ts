import { da, type MessageKey } from './da.ts';
import { en } from './en.ts';

export type Lang = 'da' | 'en';
export const LANGS: readonly Lang[] = ['da', 'en'];
export type { MessageKey };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { da, en };

export function translator(lang: Lang): Translate {
  const catalogue = CATALOGUES[lang];
  return (key, params) => {
    let text = catalogue[key];
    if (params)
      for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(value));
    return text;
  };
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(da, key);
}

export function isLang(value: unknown): value is Lang {
  return value === 'da' || value === 'en';
}

/**
 * A sentence for the user, not yet in a language: a catalogue key and its parameters. Errors and field
 * messages carry these from the domain and the services; the page or API answer translates them into
 * the reader's language.
 */
export interface Message {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

export function message(key: MessageKey, params?: Record<string, string | number>): Message {
  return params ? { key, params } : { key };
}
