import { IssueTokenInput } from '../../services/access/api-token.service.ts';
import { CreateUserInput } from '../../services/access/user.schemas.ts';
import { ProgrammeSettingsInput } from '../../services/cases/programme.schemas.ts';
import type { Services } from '../../services/index.ts';
import type { ApiRegistry } from './registry.ts';
import { PAGE_QUERY, actorOf, pageHeaders, param } from './route-helpers.ts';
import { actorJson, programmeJson, userJson } from './serializers.ts';

// /api/v1 for the caller, the municipality's programmes, its staff users and their API tokens
// (spec: JSON API). One service call per handler.

/** Registers the routes of the caller, programmes, users and API tokens. */
export function addOrganisationRoutes(api: ApiRegistry, services: Services): void {
  addProgrammeRoutes(api, services);
  addUserRoutes(api, services);
  addApiTokenRoutes(api, services);
}

/** Who the caller is, and the programmes with their rules. */
function addProgrammeRoutes(api: ApiRegistry, services: Services): void {
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
}

/** The municipality's staff users (spec: Roles). */
function addUserRoutes(api: ApiRegistry, services: Services): void {
  api.add({
    method: 'get',
    path: '/users',
    tag: 'users',
    summary: "The municipality's staff users (administrator)",
    returns: 'One page of users; the whole count in X-Total-Count, the next and previous pages in Link.',
    query: {
      ...PAGE_QUERY,
      sort: 'navn (active first, then name; the default), email, rolle (role), oprettet (newest first).',
      q: 'Name or e-mail address contains it.',
      role: 'Only this role.',
      status: 'active or deactivated.',
    },
    handler: async (c) => {
      const page = await services.users.page(actorOf(c), c.req.query());
      pageHeaders(c, page);
      return page.items.map(userJson);
    },
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
}

/** Personal API tokens: issued, listed and revoked by the administrator. */
function addApiTokenRoutes(api: ApiRegistry, services: Services): void {
  api.add({
    method: 'get',
    path: '/api-tokens',
    tag: 'api-tokens',
    summary: "The municipality's API tokens (administrator); never the tokens themselves",
    returns: 'One page of tokens; the whole count in X-Total-Count, the next and previous pages in Link.',
    query: {
      ...PAGE_QUERY,
      sort: 'oprettet (newest first, the default), navn (name), udloeber (expiring first).',
      q: "The token's name, or its user's name or e-mail address, contains it.",
      status: 'active, revoked or expired.',
    },
    handler: async (c) => {
      const page = await services.apiTokens.list(actorOf(c), c.req.query());
      pageHeaders(c, page);
      return page.items.map((t) => ({
        id: t.id,
        name: t.name,
        user: t.userEmail,
        createdAt: t.createdAt.toISOString(),
        lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
        revokedAt: t.revokedAt?.toISOString() ?? null,
        expiresAt: t.expiresAt.toISOString(),
      }));
    },
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
}
