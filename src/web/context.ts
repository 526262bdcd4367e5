import type { Context } from 'hono';
import { randomUUID } from 'node:crypto';
import type { AppEnv } from '../http/env.ts';
import type { Actor } from '../services/context.ts';
import { translator, type Lang, type Translate } from '../i18n/index.ts';
import { SESSION_WARNING_BEFORE_MS } from '../domain/session-policy.ts';
import { refusalOf, type ShownRefusal } from './refusal.ts';

/** What every page needs to render: language, who is logged in, and the tokens forms must carry. */
export interface PageContext {
  t: Translate;
  lang: Lang;
  actor: Actor | null;
  csrfToken: string;
  nonce: string;
  path: string;
  /** Seconds until the idle warning shows; null when not logged in. */
  warnInSeconds: number | null;
  /** A fresh idempotency key for each form rendered. */
  idempotencyKey: () => string;
  /** The step just refused, shown in the page's error summary with its way forward. */
  refusal?: ShownRefusal | undefined;
}

export function pageContext(c: Context<AppEnv>): PageContext {
  const lang = c.get('lang');
  const expiresAt = c.get('sessionExpiresAt');
  const refused = c.get('refused');
  return {
    t: translator(lang),
    lang,
    actor: c.get('actor'),
    csrfToken: c.get('csrfToken'),
    nonce: c.get('nonce'),
    path: c.req.path,
    warnInSeconds: expiresAt
      ? Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000) - SESSION_WARNING_BEFORE_MS / 1000)
      : null,
    idempotencyKey: () => randomUUID(),
    refusal: refused ? refusalOf(c, refused) : undefined,
  };
}
