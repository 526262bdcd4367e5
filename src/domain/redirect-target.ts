// Where to send someone back to, when the address comes from the request (the language switch's
// `tilbage`). Only a path on this site is followed: it must begin with `/`, and it is judged as a
// browser will read it, after the WHATWG URL parser has dropped tabs and line breaks, read `\` as `/`
// and resolved `..`. So `/\t/evil.example`, `/\evil.example` and `/a/../..//evil.example`, which all
// come out as `//evil.example` (another host), are refused.

/** Only the origin matters: the value is resolved against it and must stay on it. */
const HERE = new URL('https://borgerbudget.invalid');

/** The path (with query and fragment) to redirect to, or `fallback` when the value leaves the site. */
export function localRedirectTarget(value: string | undefined, fallback = '/'): string {
  if (!value?.startsWith('/') || !URL.canParse(value, HERE)) return fallback;
  const url = new URL(value, HERE);
  if (url.origin !== HERE.origin || url.pathname.startsWith('//')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
