import { Hono, type Context } from 'hono';
import {
  AppError,
  NotFound,
  TooManyAttempts,
  Unauthenticated,
  SignInLevelTooLow,
  Unavailable,
  ValidationFailed,
  type FieldErrors,
} from '../../domain/errors.ts';
import { message, translate, translator, type Message, type Translate } from '../../i18n/index.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { CsrfRejected } from '../middleware/csrf.ts';
import { addCaseRoutes } from './cases.api.ts';
import { addPlanRoutes } from './plans.api.ts';
import { addQuestionnaireRoutes } from './questionnaires.api.ts';
import { addFinanceRoutes } from './finance.api.ts';
import { addMoneyRoutes } from './money.api.ts';
import { addOrganisationRoutes } from './organisation.api.ts';
import { addReportRoutes } from './report.api.ts';
import { addWorkRoutes } from './work.api.ts';
import { ApiRegistry } from './registry.ts';

// /api/v1: the JSON skin over the same services as the pages (spec: JSON API). Each handler is one call.

function createApiRegistry({ services }: AppDeps): ApiRegistry {
  const api = new ApiRegistry();
  addOrganisationRoutes(api, services);
  addCaseRoutes(api, services);
  addPlanRoutes(api, services);
  addQuestionnaireRoutes(api, services);
  addMoneyRoutes(api, services);
  addFinanceRoutes(api, services);
  addReportRoutes(api, services);
  addWorkRoutes(api, services);
  return api;
}

export function createApiApp(deps: AppDeps): Hono<AppEnv> {
  const api = createApiRegistry(deps);
  const app = new Hono<AppEnv>();
  // Made at the first request for it, not at every start (about a twentieth of the start-up).
  let document: object | undefined;
  app.get('/openapi.json', (c) => c.json((document ??= api.openApi(`${deps.config.baseUrl.origin}/api/v1`))));
  api.mount(app);
  return app;
}

/**
 * The JSON error mapper: a stable code, a message in the caller's language (the `lang` cookie, else
 * Accept-Language, else Danish; see app.ts), the fields at fault and the request id.
 */
export function apiError(c: Context<AppEnv>, error: unknown): Response {
  const requestId = c.get('requestId');
  const t = translator(c.get('lang'));
  const body = (code: string, said: Message, extra: object = {}) => ({
    error: { code, message: translate(t, said), requestId, ...extra },
  });
  if (error instanceof Unauthenticated)
    return c.json(body('unauthenticated', message('error.api.unauthenticated')), 401);
  if (error instanceof NotFound) return c.json(body('not_found', message('error.api.notFound')), 404);
  if (error instanceof ValidationFailed)
    return c.json(body(error.code, error.userMessage, { fields: translatedFields(t, error.fields) }), 422);
  if (error instanceof TooManyAttempts) {
    c.header('Retry-After', String(error.retryAfterSeconds));
    return c.json(body(error.code, error.userMessage), 429);
  }
  if (error instanceof SignInLevelTooLow) return c.json(body(error.code, error.userMessage), 403);
  if (error instanceof CsrfRejected) return c.json(body('csrf', message('error.api.csrf')), 403);
  if (error instanceof Unavailable) {
    c.header('Retry-After', String(error.retryAfterSeconds));
    return c.json(body(error.code, message('error.api.unavailable')), 503);
  }
  if (error instanceof AppError)
    return c.json(body(error.code, error.userMessage), error.code === 'idempotency_mismatch' ? 422 : 409);
  return c.json(body('internal', message('error.api.internal')), 500);
}

/** The fields at fault, each message in the caller's language: the answer's `fields` stays name → text. */
function translatedFields(t: Translate, fields: FieldErrors): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([name, said]) => [name, translate(t, said)]));
}
