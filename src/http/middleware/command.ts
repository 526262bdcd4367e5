import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { CommandKey, StoredResponse } from '../../services/command.service.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { readForm } from '../form.ts';

// Every state change an actor asks for is one command in one transaction (ADR 0011): this middleware
// hands the whole handling of a POST, PUT, PATCH or DELETE — the service calls and the rendering of the
// response — to the command service, which runs it in one transaction with the idempotency key. Forms
// carry a fresh key in a hidden field; API clients send an Idempotency-Key header. A repeat gets the
// first response back; a response that is an error keeps nothing, so the key stays free.

const IDEMPOTENCY_FIELD = '_idem';
export const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY = /^[A-Za-z0-9_-]{8,100}$/;
const REPLAYED_HEADERS = ['location', 'content-type'];
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * `signIn`: the public forms that check a password or a code (log-in, password by code, activation, a
 * shop's voucher redemption). They are not the actor's commands, even when someone logged in sends them: their throttle's reservation
 * must commit whatever the answer, so they run outside a command's transaction. `ownSignIn`: the
 * actor's changes to their own sign-in, which any sign-in level may make (command.service.ts).
 */
export function commands(
  { services }: AppDeps,
  signIn: readonly string[],
  ownSignIn: readonly string[],
): MiddlewareHandler<AppEnv> {
  const outside = new Set(signIn);
  const own = new Set(ownSignIn);
  return async (c, next) => {
    const actor = c.get('actor');
    if (!actor || !UNSAFE.has(c.req.method) || outside.has(c.req.path)) return next();
    // The body is read before the transaction starts (session.ts): a slow upload never holds the database.
    const found = await commandInput(c);
    const key: CommandKey | null = found.key
      ? {
          key: found.key,
          fingerprint: services.commands.fingerprint(c.req.method, c.req.path, found.body),
        }
      : null;
    // An API call is one service call: a failure is answered with an error and nothing else, so its
    // parts need no savepoints (db/transaction.ts, TransactionOptions).
    const api = c.req.path.startsWith('/api/');
    const outcome = await services.commands.run(
      actor,
      key,
      async () => {
        await next();
        return { response: await storable(c.res), keep: c.res.status < 400 };
      },
      { savepoints: !api, ownSignIn: own.has(c.req.path) },
    );
    if (outcome.kind === 'replay') {
      const { status, headers, body } = outcome.response;
      // A 204 (No Content) or 304 may not carry a body, not even an empty string: Response throws.
      const replayed = { ...headers, 'Idempotent-Replayed': 'true' };
      if (NULL_BODY_STATUSES.has(status)) return c.body(null, status as 204, replayed);
      return c.body(body, status as 200, replayed);
    }
  };
}

/** What a repeat gets back. A response that shows a secret names a page to send the repeat to instead. */
async function storable(res: Response): Promise<StoredResponse> {
  const replayAs = res.headers.get('x-replay-as');
  if (replayAs) {
    res.headers.delete('x-replay-as');
    return { status: 303, headers: { location: replayAs }, body: '' };
  }
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: res.status, headers, body: await res.clone().text() };
}

const inputs = new WeakMap<Context, Promise<CommandInput>>();

interface CommandInput {
  key: string | null;
  body: string;
}

/** A command's idempotency key and the body it is fingerprinted by, read once per request. */
export function commandInput(c: Context): Promise<CommandInput> {
  let input = inputs.get(c);
  if (!input) {
    input = keyAndBody(c);
    inputs.set(c, input);
  }
  return input;
}

async function keyAndBody(c: Context): Promise<CommandInput> {
  const header = c.req.header('idempotency-key');
  const type = c.req.header('content-type') ?? '';
  const valid = (key: unknown) => (typeof key === 'string' && KEY.test(key) ? key : null);
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const form = await readForm(c);
    const fields = await Promise.all(
      Object.entries(form)
        .filter(([name]) => name !== '_csrf' && name !== IDEMPOTENCY_FIELD)
        .map(async ([name, value]) => [
          name,
          Array.isArray(value) ? await Promise.all(value.map(fieldText)) : await fieldText(value),
        ]),
    );
    return { key: valid(header ?? form[IDEMPOTENCY_FIELD]), body: JSON.stringify(fields) };
  }
  return { key: valid(header), body: await c.req.text() };
}

/** A file counts by its name and the hash of its bytes: another file under the same key is another request. */
async function fieldText(value: string | File): Promise<string> {
  if (typeof value === 'string') return value;
  const digest = createHash('sha256')
    .update(new Uint8Array(await value.arrayBuffer()))
    .digest('hex');
  return `file:${value.name}:${digest}`;
}
