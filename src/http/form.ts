import type { Context } from 'hono';

export type FormData = Record<string, string | File | (string | File)[]>;

/**
 * The request's form fields. Always parsed with `all: true`: Hono caches the first parse, so every
 * reader must ask the same way.
 */
export async function readForm(c: Context): Promise<FormData> {
  const body: Record<string, unknown> = await c.req.parseBody({ all: true });
  return body as FormData;
}

/** A single text field (the first, if the field was sent twice). */
export function text(form: FormData, name: string): string {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** An uploaded file's name and bytes, or null when none was chosen (an empty file field). */
export async function fileField(
  form: FormData,
  name: string,
): Promise<{ name: string; bytes: Uint8Array } | null> {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (!(first instanceof File) || first.size === 0) return null;
  return { name: first.name, bytes: new Uint8Array(await first.arrayBuffer()) };
}

/** Turns `a.b.c` field names into nested objects, the shape the services' schemas expect. */
export function nestForm(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(form)) {
    if (name.startsWith('_')) continue;
    const path = name.split('.');
    let node = out;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      node = (typeof next === 'object' && next !== null ? next : (node[part] = {})) as Record<
        string,
        unknown
      >;
    }
    const leaf = path.at(-1);
    if (leaf)
      node[leaf] = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value : value.name;
  }
  return out;
}
