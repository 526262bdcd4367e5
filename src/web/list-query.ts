import type { Context } from 'hono';
import { ValidationFailed, type FieldErrors } from '../domain/errors.ts';
import type { AppEnv } from '../http/env.ts';

// A list page's address (spec: Lists): Danish query names, like the app's Danish paths, read into the
// service's input names (the API's). A filter form is a GET form, so a filtered page can be bookmarked
// and works without JavaScript; a value the service refuses is left out and said above the list.

/** A list's own query names (Danish) and the service's input names they stand for. */
type QueryNames = Readonly<Record<string, string>>;

/** Every list's: the page, the order and the search. */
const PAGE_NAMES: QueryNames = { side: 'page', sorter: 'sort', soeg: 'q' };

export interface ListRead<T> {
  result: T;
  /** The address's values by their Danish names, less any refused: the filter form and the page links. */
  values: Record<string, string>;
  /** What was refused, by Danish name, for the page's error summary. */
  errors: FieldErrors | undefined;
}

/** Reads the list; a refused value is dropped and read again without, so the page never fails on it. */
export async function readList<T>(
  c: Context<AppEnv>,
  names: QueryNames,
  read: (input: Record<string, string>) => Promise<T>,
): Promise<ListRead<T>> {
  const all = { ...PAGE_NAMES, ...names };
  const values: Record<string, string> = {};
  const input: Record<string, string> = {};
  for (const [danish, field] of Object.entries(all)) {
    const value = c.req.query(danish)?.trim();
    if (value === undefined || value === '') continue;
    values[danish] = value;
    input[field] = value;
  }
  try {
    return { result: await read(input), values, errors: undefined };
  } catch (error) {
    if (!(error instanceof ValidationFailed)) throw error;
    // What was refused, by the service's names and by the address's, left out of both.
    const refused = new Set(Object.keys(error.fields));
    const danishOf = (field: string) => Object.keys(all).find((k) => all[k] === field) ?? field;
    const errors: FieldErrors = Object.fromEntries(
      Object.entries(error.fields).map(([field, said]) => [danishOf(field), said]),
    );
    const without = (o: Record<string, string>, fieldOf: (name: string) => string) =>
      Object.fromEntries(Object.entries(o).filter(([name]) => !refused.has(fieldOf(name))));
    return {
      result: await read(without(input, (name) => name)),
      values: without(values, (name) => all[name] ?? name),
      errors,
    };
  }
}

/**
 * The address of another page of the same list, with the same filter, order and search. `name`: the
 * page number's name, for a second list on the same page (the vendor page's proposals).
 */
export function pageHref(
  path: string,
  values: Readonly<Record<string, string>>,
  page: number,
  name = 'side',
): string {
  const params = new URLSearchParams(Object.entries(values).filter(([n]) => n !== name));
  if (page > 1) params.set(name, String(page));
  const query = params.toString();
  return query === '' ? path : `${path}?${query}`;
}
