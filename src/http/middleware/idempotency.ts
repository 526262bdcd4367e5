import type { Context, MiddlewareHandler } from 'hono';
import type { StoredResponse } from '../../services/idempotency.service.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { readForm } from '../form.ts';

// One effect per idempotency key (SPEC §3). Forms carry a fresh key in a hidden field; API clients send
// an Idempotency-Key header. A repeat gets the first response back; a failed request lets go of its key.

export const IDEMPOTENCY_FIELD = '_idem';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY = /^[A-Za-z0-9_-]{8,100}$/;
const REPLAYED_HEADERS = ['location', 'content-type'];
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function idempotency({ services }: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    if (!actor || !UNSAFE.has(c.req.method)) return next();
    const found = await keyAndBody(c);
    if (!found) return next();
    const fingerprint = services.idempotency.fingerprint(c.req.method, c.req.path, found.body);
    const claim = await services.idempotency.claim(actor, found.key, fingerprint);
    if (claim.kind === 'replay') {
      const { status, headers, body } = claim.response;
      // A 204 (No Content) or 304 may not carry a body, not even an empty string: Response throws.
      const replayed = { ...headers, 'Idempotent-Replayed': 'true' };
      if (NULL_BODY_STATUSES.has(status)) return c.body(null, status as 204, replayed);
      return c.body(body, status as 200, replayed);
    }
    try {
      await next();
    } catch (error) {
      await services.idempotency.release(actor, found.key);
      throw error;
    }
    if (c.res.status >= 400) {
      await services.idempotency.release(actor, found.key);
      return;
    }
    await services.idempotency.complete(actor, found.key, await storable(c.res));
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

async function keyAndBody(c: Context): Promise<{ key: string; body: string } | null> {
  const header = c.req.header('idempotency-key');
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const form = await readForm(c);
    const key = header ?? form[IDEMPOTENCY_FIELD];
    if (typeof key !== 'string' || !KEY.test(key)) return null;
    const fields = Object.entries(form)
      .filter(([name]) => name !== '_csrf' && name !== IDEMPOTENCY_FIELD)
      .map(([name, value]) => [name, Array.isArray(value) ? value.map(fieldText) : fieldText(value)]);
    return { key, body: JSON.stringify(fields) };
  }
  if (!header || !KEY.test(header)) return null;
  return { key: header, body: await c.req.text() };
}

/** Files count by name and size: enough to tell two different uploads apart. */
function fieldText(value: string | File): string {
  return typeof value === 'string' ? value : `file:${value.name}:${value.size}`;
}
