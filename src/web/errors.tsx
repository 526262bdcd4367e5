import type { Context } from 'hono';
import { AppError, NotFound, SignInLevelTooLow, Unauthenticated, Unavailable } from '../domain/errors.ts';
import type { AppEnv } from '../http/env.ts';
import { translate } from '../i18n/index.ts';
import { CsrfRejected } from '../http/middleware/csrf.ts';
import { pageContext } from './context.ts';
import { ErrorPage } from './pages/error.page.tsx';
import { refusalOf } from './refusal.ts';

// The error mapper for pages (conventions: Typed errors): a typed error becomes a status and a page in plain
// words; anything else is a 500 with the request id, and its details go only to the log.
export function renderPageError(c: Context<AppEnv>, error: unknown): Response | Promise<Response> {
  const ctx = pageContext(c);
  const { t } = ctx;
  const requestId = c.get('requestId');
  if (error instanceof Unauthenticated) {
    return c.redirect(c.req.path === '/' ? '/log-ind' : '/log-ind?besked=udlobet', 303);
  }
  if (error instanceof NotFound) {
    return c.html(
      <ErrorPage ctx={ctx} title={t('error.notFound.title')} text={t('error.notFound.text')} />,
      404,
    );
  }
  const refused =
    error instanceof CsrfRejected
      ? { title: t('error.csrf.title'), text: t('error.csrf.text') }
      : error instanceof SignInLevelTooLow
        ? { title: t('error.signInLevel.title'), text: translate(t, error.userMessage) }
        : null;
  if (refused) return c.html(<ErrorPage ctx={ctx} {...refused} requestId={requestId} />, 403);
  if (error instanceof Unavailable) {
    c.header('Retry-After', String(error.retryAfterSeconds));
    return c.html(
      <ErrorPage
        ctx={ctx}
        title={t('error.unavailable.title')}
        text={t(c.req.method === 'GET' ? 'error.unavailable.page' : 'error.unavailable.form')}
        requestId={requestId}
        retry={c.req.method === 'GET' ? c.req.path : undefined}
      />,
      503,
    );
  }
  if (error instanceof AppError) {
    return c.html(
      <ErrorPage
        ctx={ctx}
        title={t('error.conflict.title')}
        text={translate(t, error.userMessage)}
        requestId={requestId}
        way={refusalOf(c, error).way}
      />,
      409,
    );
  }
  return c.html(
    <ErrorPage
      ctx={ctx}
      title={t('error.server.title')}
      text={t('error.server.text')}
      requestId={requestId}
    />,
    500,
  );
}

export function renderNotFound(c: Context<AppEnv>): Response | Promise<Response> {
  return renderPageError(c, new NotFound());
}
