import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { ValidationFailed } from '../../domain/errors.ts';
import type { AppEnv } from '../env.ts';
import { readForm } from '../form.ts';
import { message } from '../../i18n/index.ts';

// Every API route is declared once: the handler and its OpenAPI description come from the same zod
// schemas the services validate with, so the document cannot drift from what the API accepts.

type Method = 'get' | 'post' | 'put' | 'delete';

/** What a route that answers with a file (`produces`) returns instead of JSON. */
export interface FileResult {
  fileName: string;
  contentType: string;
  body: string | Uint8Array;
}

export interface ApiRoute {
  method: Method;
  /** OpenAPI-style path below /api/v1, e.g. /users/{id}. */
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  /** A multipart/form-data upload: these text fields and a file in `file`; the handler gets the form. */
  upload?: z.ZodObject;
  /** Optional query parameters, name → what it means. */
  query?: Record<string, string>;
  /** The success answer is a file of one of these media types (the handler returns a FileResult). */
  produces?: readonly string[];
  /** What a success answers with, for the document. */
  returns: string;
  status?: 200 | 201 | 204;
  /** Money moves: a call without an Idempotency-Key is refused, so a retried request cannot act twice. */
  requireIdempotencyKey?: boolean;
  handler: (c: Context<AppEnv>, body: unknown) => Promise<unknown>;
}

export class ApiRegistry {
  readonly routes: ApiRoute[] = [];

  add(route: ApiRoute): void {
    this.routes.push(route);
  }

  mount(app: Hono<AppEnv>): void {
    for (const route of this.routes) {
      const honoPath = route.path.replace(/\{(\w+)\}/g, ':$1');
      app.on(route.method.toUpperCase(), honoPath, async (c) => {
        if (route.requireIdempotencyKey && !c.req.header('idempotency-key')) {
          throw new ValidationFailed(
            { 'Idempotency-Key': message('field.api.idempotencyKey') },
            message('error.api.idempotencyKeyMissing'),
          );
        }
        const body = route.upload ? await readForm(c) : route.body ? await readJson(c) : undefined;
        const result = await route.handler(c, body);
        if (route.status === 204) return c.body(null, 204);
        if (route.produces) return fileResponse(c, result as FileResult);
        return c.json(result as object, route.status ?? 200);
      });
    }
  }

  openApi(serverUrl: string): object {
    const paths: Record<string, Record<string, object>> = {};
    for (const r of this.routes) {
      (paths[r.path] ??= {})[r.method] = operationOf(r);
    }
    return {
      openapi: '3.1.0',
      info: {
        title: 'Borgerbudget API',
        version: '1',
        description:
          'The same services and authorisation as the web pages. Authenticate with a personal API token ' +
          "(Authorization: Bearer bb_…) issued by the municipality's administrator. Every mutating call takes an " +
          'Idempotency-Key header: each call is one transaction with its key, so a replay with the same key — after a ' +
          'time-out, a lost connection or a 503 — returns the first result, or does the work once if it never ' +
          'happened. The same key with a different body is refused with 422. Keys are kept 24 hours (configurable); ' +
          'an answer with an error status keeps nothing.',
      },
      servers: [{ url: serverUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: '__Host-bb_session' },
        },
        schemas: { Error: ERROR_SCHEMA },
      },
      paths,
    };
  }
}

/** One route's operation in the OpenAPI document. */
function operationOf(r: ApiRoute): object {
  return {
    summary: r.summary,
    tags: [r.tag],
    parameters: parametersOf(r),
    ...requestBody(r),
    responses: responsesOf(r),
    security: [{ bearer: [] }, { session: [] }],
  };
}

/** The path's own parameters, the query's, and the Idempotency-Key header of every change. */
function parametersOf(r: ApiRoute): object[] {
  const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  return [
    ...params,
    ...Object.entries(r.query ?? {}).map(([name, description]) => ({
      name,
      in: 'query',
      required: false,
      schema: { type: 'string' },
      description,
    })),
    ...(r.method === 'get' ? [] : [{ ...IDEMPOTENCY_PARAMETER, required: r.requireIdempotencyKey === true }]),
  ];
}

/** The success answer, and the error answers every route may give. */
function responsesOf(r: ApiRoute): object {
  return {
    [String(r.status ?? 200)]: {
      description: r.returns,
      ...(r.produces
        ? {
            content: Object.fromEntries(
              r.produces.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
            ),
          }
        : {}),
    },
    '401': { description: 'Not logged in, or an unknown or revoked token.' },
    '404': { description: 'Not found — also the answer when the caller may not see it.' },
    ...(r.body || r.upload
      ? { '422': { description: 'Invalid input; `error.fields` names each field and what to fix.' } }
      : {}),
    '503': {
      description:
        'The database cannot be reached; nothing was saved. Retry after `Retry-After` seconds, with the same Idempotency-Key.',
    },
  };
}

function requestBody(r: ApiRoute): object {
  const schema = (type: z.ZodType) => z.toJSONSchema(type, { io: 'input', unrepresentable: 'any' });
  if (r.upload) {
    const fields = schema(r.upload) as { properties?: object; required?: string[] };
    const form = {
      ...fields,
      properties: { ...fields.properties, file: { type: 'string', format: 'binary' } },
      required: [...(fields.required ?? []), 'file'],
    };
    return { requestBody: { required: true, content: { 'multipart/form-data': { schema: form } } } };
  }
  if (!r.body) return {};
  return { requestBody: { required: true, content: { 'application/json': { schema: schema(r.body) } } } };
}

/** A file answer: never cached, always a download under its own name. */
function fileResponse(c: Context<AppEnv>, file: FileResult): Response {
  return c.body(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'Cache-Control': 'private, no-store',
  });
}

const IDEMPOTENCY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  schema: { type: 'string', minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' },
  description:
    'A key the client makes up per operation (e.g. a UUID); a repeat with the same key returns the first answer and has no further effect.',
};

const ERROR_SCHEMA = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        fields: { type: 'object', additionalProperties: { type: 'string' } },
        requestId: { type: 'string' },
      },
      required: ['code', 'message', 'requestId'],
    },
  },
};

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/json')) return {};
  try {
    return await c.req.json<unknown>();
  } catch {
    const said = message('error.api.invalidJson');
    throw new ValidationFailed({ _body: said }, said);
  }
}
