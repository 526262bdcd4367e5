import type { Context } from 'hono';
import { routePath } from 'hono/route';
import type { AppError } from '../domain/errors.ts';
import type { AppEnv } from '../http/env.ts';
import type { Message, MessageKey } from '../i18n/index.ts';

// A refused step (a Conflict: the step is not possible now) is shown on the page it came from, in the
// error summary, with its reason and, where there is one, the way forward as a link
// (spec: Refused steps). The services say why by a stable code; which page leads on is the pages' business, so the
// links live here, keyed by that code.

export interface WayForward {
  href: string;
  label: MessageKey;
}

/** What the error summary shows for a refused step. */
export interface ShownRefusal {
  message: Message;
  way?: WayForward | undefined;
}

/** The ids in the address the refused step was posted to: its case, and its purchase request. */
interface Where {
  caseId: string;
  requestId: string | undefined;
}

const WAYS: Readonly<Record<string, (where: Where) => WayForward>> = {
  // Closing returns the unspent money to the pool; what is reserved must be paid or released first.
  reservations_open: ({ caseId }) => ({
    href: `/forloeb/${caseId}/budget#anmodninger`,
    label: 'refusal.way.releaseReservations',
  }),
  paused: ({ caseId }) => ({ href: `/forloeb/${caseId}/genoptag`, label: 'refusal.way.resume' }),
  period_over: ({ caseId }) => ({ href: `/forloeb/${caseId}/afslut`, label: 'refusal.way.complete' }),
  not_confirmed: ({ caseId, requestId }) => ({
    href: `/forloeb/${caseId}/anmodninger/${requestId ?? ''}#bekraeft`,
    label: 'refusal.way.confirm',
  }),
  budget_exceeded: ({ caseId }) => ({ href: `/forloeb/${caseId}/budget`, label: 'refusal.way.budget' }),
  case_not_active: ({ caseId }) => ({ href: `/forloeb/${caseId}`, label: 'refusal.way.case' }),
};

/** The refusal as the page shows it; a way forward only for a case's pages (the links name the case). */
export function refusalOf(c: Context<AppEnv>, error: AppError): ShownRefusal {
  const way = WAYS[error.code];
  const onCase = routePath(c).startsWith('/forloeb/:id');
  if (!way || !onCase) return { message: error.userMessage };
  return {
    message: error.userMessage,
    way: way({ caseId: c.req.param('id') ?? '', requestId: c.req.param('requestId') }),
  };
}
