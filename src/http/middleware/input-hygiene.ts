import type { MiddlewareHandler } from 'hono';
import { translator } from '../../i18n/index.ts';
import type { AppEnv } from '../env.ts';

// What a request carries outside its body — the path and its ids, the query string (searches, filters,
// `tilbage`), the cookies — is read by the routes directly, mostly without a form schema. A control
// character there is never typed by a person (PostgreSQL refuses NUL; a line break in a redirect breaks
// the response), so the request is refused before anything reads it. Form and API bodies are judged field by field
// by the services' schemas (services/form-fields.ts), with the message at the field.

/**
 * A percent-encoded C0 control character or DEL. Raw ones do not get this far: the URL parser encodes
 * or drops them, and Node's HTTP parser refuses them in a header (all but a harmless tab).
 */
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;

export function inputHygiene(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (ENCODED_CONTROL.test(c.req.url) || ENCODED_CONTROL.test(c.req.header('cookie') ?? '')) {
      return c.text(translator(c.get('lang'))('error.controlInRequest'), 400);
    }
    await next();
  };
}
