import { da, type MessageKey } from './da.ts';
import { en } from './en.ts';

export type Lang = 'da' | 'en';
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
  readonly params?: Readonly<Record<string, MessageParam>>;
}

/**
 * A parameter is a value (a name, a formatted amount, a number) or itself a message: a phrase such as
 * "the municipality's account" that the sentence names, or a list of sentences shown one after another.
 */
export type MessageParam = string | number | Message | readonly Message[];

export function message(key: MessageKey, params?: Record<string, MessageParam>): Message {
  return params ? { key, params } : { key };
}

/** A message in the reader's language: nested messages are translated too, a list joined by spaces. */
export function translate(t: Translate, m: Message): string {
  if (!m.params) return t(m.key);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(m.params)) {
    params[name] = isMessageList(value)
      ? value.map((v) => translate(t, v)).join(' ')
      : typeof value === 'object'
        ? translate(t, value)
        : value;
  }
  return t(m.key, params);
}

function isMessageList(value: MessageParam): value is readonly Message[] {
  return Array.isArray(value);
}
