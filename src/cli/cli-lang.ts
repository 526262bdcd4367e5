import type { Lang } from '../i18n/index.ts';

/**
 * The command line speaks the operator's language as the locale names it (LC_ALL, then LC_MESSAGES,
 * then LANG): English for `en…`, otherwise Danish, the product's first language.
 */
export function cliLang(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'da';
}
