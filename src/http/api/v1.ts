import { Hono, type Context } from 'hono';
import {
  AppError,
  NotFound,
  TooManyAttempts,
  Unauthenticated,
  Unavailable,
  ValidationFailed,
} from '../../domain/errors.ts';
import { IssueTokenInput } from '../../services/access/api-token.service.ts';
import { ProgrammeSettingsInput } from '../../services/cases/programme.schemas.ts';
import { CreateUserInput } from '../../services/access/user.service.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { CsrfRejected } from '../middleware/csrf.ts';
import { addCaseRoutes } from './cases.api.ts';
import { addPlanRoutes } from './plans.api.ts';
import { addQuestionnaireRoutes } from './questionnaires.api.ts';
import { addFinanceRoutes } from './finance.api.ts';
import { addMoneyRoutes } from './money.api.ts';
import { addReportRoutes } from './report.api.ts';
import { ApiRegistry } from './registry.ts';
import { actorOf } from './route-helpers.ts';
import { actorJson, programmeJson, userJson } from './serializers.ts';

// /api/v1: the JSON skin over the same services as the pages (spec: JSON API). Each handler is one call.

export function createApiRegistry({ services }: AppDeps): ApiRegistry {
  const api = new ApiRegistry();
  const param = (c: Context<AppEnv>, name: string) => c.req.param(name) ?? '';

  api.add({
    method: 'get',
    path: '/me',
    tag: 'session',
    summary: 'Who the caller is',
    returns: 'The user.',
    handler: (c) => Promise.resolve(actorJson(actorOf(c))),
  });

  api.add({
    method: 'get',
    path: '/programmes',
    tag: 'programmes',
    summary: "The municipality's programmes with their rules",
    returns: 'A list of programmes.',
    handler: async (c) => (await services.programmes.list(actorOf(c))).map(programmeJson),
  });
  api.add({
    method: 'get',
    path: '/programmes/{id}',
    tag: 'programmes',
    summary: 'One programme with its rules',
    returns: 'The programme.',
    handler: async (c) => programmeJson(await services.programmes.get(actorOf(c), param(c, 'id'))),
  });
  api.add({
    method: 'put',
    path: '/programmes/{id}/settings',
    tag: 'programmes',
    summary: "Change a programme's settings and rules (coordinator)",
    body: ProgrammeSettingsInput,
    returns: 'The programme as saved.',
    handler: async (c, body) =>
      programmeJson(await services.programmes.updateSettings(actorOf(c), param(c, 'id'), body)),
  });

  api.add({
    method: 'get',
    path: '/users',
    tag: 'users',
    summary: "The municipality's staff users (administrator)",
    returns: 'A list of users.',
    handler: async (c) => (await services.users.list(actorOf(c))).map(userJson),
  });
  api.add({
    method: 'post',
    path: '/users',
    tag: 'users',
    summary: 'Create a staff user; returns the one-time code for choosing a password',
    body: CreateUserInput,
    returns: 'The user and the one-time code (shown once).',
    status: 201,
    handler: async (c, body) => {
      const { user, code } = await services.users.create(actorOf(c), body);
      return { user: userJson(user), oneTimeCode: code };
    },
  });
  api.add({
    method: 'post',
    path: '/users/{id}/deactivate',
    tag: 'users',
    summary: "Deactivate a user; ends the user's sessions",
    returns: 'Nothing.',
    status: 204,
    handler: (c) => services.users.deactivate(actorOf(c), param(c, 'id')),
  });
  api.add({
    method: 'post',
    path: '/users/{id}/one-time-code',
    tag: 'users',
    summary: 'Issue a new one-time code for choosing a password',
    returns: 'The code (shown once).',
    status: 201,
    handler: async (c) => {
      const { user, code } = await services.users.issueResetCode(actorOf(c), param(c, 'id'));
      return { user: userJson(user), oneTimeCode: code };
    },
  });

  api.add({
    method: 'get',
    path: '/api-tokens',
    tag: 'api-tokens',
    summary: "The municipality's API tokens (administrator); never the tokens themselves",
    returns: 'A list.',
    handler: async (c) =>
      (await services.apiTokens.list(actorOf(c))).map((t) => ({
        id: t.id,
        name: t.name,
        user: t.userEmail,
        createdAt: t.createdAt.toISOString(),
        lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
        revokedAt: t.revokedAt?.toISOString() ?? null,
      })),
  });
  api.add({
    method: 'post',
    path: '/api-tokens',
    tag: 'api-tokens',
    summary: 'Issue a personal API token for a user (shown once)',
    body: IssueTokenInput,
    returns: 'The token id and the token.',
    status: 201,
    handler: (c, body) => services.apiTokens.issue(actorOf(c), body),
  });
  api.add({
    method: 'delete',
    path: '/api-tokens/{id}',
    tag: 'api-tokens',
    summary: 'Revoke an API token',
    returns: 'Nothing.',
    status: 204,
    handler: (c) => services.apiTokens.revoke(actorOf(c), param(c, 'id')),
  });
  addCaseRoutes(api, services);
  addPlanRoutes(api, services);
  addQuestionnaireRoutes(api, services);
  addMoneyRoutes(api, services);
  addFinanceRoutes(api, services);
  addReportRoutes(api, services);
  return api;
}

export function createApiApp(deps: AppDeps): Hono<AppEnv> {
  const api = createApiRegistry(deps);
  const app = new Hono<AppEnv>();
  const document = api.openApi(`${deps.config.baseUrl.origin}/api/v1`);
  app.get('/openapi.json', (c) => c.json(document));
  api.mount(app);
  return app;
}

/** The JSON error mapper: a stable code, a message, the fields at fault and the request id. */
export function apiError(c: Context<AppEnv>, error: unknown): Response {
  const requestId = c.get('requestId');
  const body = (code: string, message: string, extra: object = {}) => ({
    error: { code, message, requestId, ...extra },
  });
  if (error instanceof Unauthenticated)
    return c.json(body('unauthenticated', 'Log in, or send a valid API token.'), 401);
  if (error instanceof NotFound) return c.json(body('not_found', 'Not found.'), 404);
  if (error instanceof ValidationFailed)
    return c.json(body(error.code, error.message, { fields: error.fields }), 422);
  if (error instanceof TooManyAttempts) {
    c.header('Retry-After', String(error.retryAfterSeconds));
    return c.json(body(error.code, error.message), 429);
  }
  if (error instanceof CsrfRejected) return c.json(body('csrf', 'Cross-site request refused.'), 403);
  if (error instanceof Unavailable) {
    c.header('Retry-After', String(error.retryAfterSeconds));
    return c.json(
      body(
        error.code,
        'The database cannot be reached. Nothing was saved; retry with the same Idempotency-Key.',
      ),
      503,
    );
  }
  if (error instanceof AppError)
    return c.json(body(error.code, error.message), error.code === 'idempotency_mismatch' ? 422 : 409);
  return c.json(body('internal', 'Something went wrong. Nothing was saved.'), 500);
}
