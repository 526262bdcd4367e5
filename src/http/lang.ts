import type { Context } from 'hono';
import type { Config } from '../config.ts';
import { isLang, type Lang } from '../i18n/index.ts';
import { readCookie } from './cookies.ts';
import type { AppEnv } from './env.ts';

/**
 * The reader's language: the `lang` cookie (the choice made on the pages), else for the JSON API the
 * caller's Accept-Language, else Danish. Pages ignore Accept-Language: they speak Danish until the user
 * switches, whatever the browser's setting.
 */
export function requestLang(c: Context<AppEnv>, config: Config): Lang {
  const chosen = readCookie(c, config, 'lang');
  if (isLang(chosen)) return chosen;
  if (c.req.path.startsWith('/api/')) return acceptedLang(c.req.header('accept-language')) ?? 'da';
  return 'da';
}

/** The first of Danish and English in an Accept-Language header, by weight ("en-GB,en;q=0.9,da;q=0.8"). */
export function acceptedLang(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...options] = part.trim().split(';');
    const lang = tag.trim().toLowerCase().split('-')[0];
    const weight = options.map((o) => /^\s*q=([\d.]+)\s*$/.exec(o)?.[1]).find((w) => w !== undefined);
    const q = weight === undefined ? 1 : Number(weight);
    if (isLang(lang) && q > 0 && (best === undefined || q > best.q)) best = { lang, q };
  }
  return best?.lang;
}
