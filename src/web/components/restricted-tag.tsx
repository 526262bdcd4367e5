import type { PageContext } from '../context.ts';

/**
 * "Begrænset": a case whose processing is restricted (GDPR art. 18; spec: Restriction), flagged wherever
 * a case is listed or shown, so nobody tries to change it.
 */
export function RestrictedTag({ ctx }: { ctx: PageContext }) {
  return <span class="badge badge-error">{ctx.t('dataSubject.tag.restricted')}</span>;
}
