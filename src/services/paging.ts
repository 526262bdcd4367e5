import { z } from 'zod';
import type { PageRows, PageWindow } from '../db/paging.ts';
import { message } from '../i18n/index.ts';
import { issue, plainText, say } from './form-fields.ts';

// The shared part of every list's input (spec: Lists): which page, how many on it, the order, and a
// free-text search. A page number or size that is no number falls back to the default, so an edited
// address never fails; a search that looks like a CPR number is refused, so none is searched for.

/** Rows on a page of a staff list. */
const PAGE_SIZE = 50;
/** The most rows the API gives on one page. */
const MAX_PAGE_SIZE = 100;

export interface Paged<T> {
  items: T[];
  /** The page shown, from 1 (the last page when a later one was asked for). */
  page: number;
  size: number;
  /** Rows in the whole list, over all pages. */
  total: number;
  pages: number;
}

/** A whole number from `min` to `max`, else `fallback`; a string from an address or a JSON number. */
function wholeOr(fallback: number, min: number, max: number) {
  return z
    .unknown()
    .optional()
    .transform((v) => {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
      return Number.isSafeInteger(n) && n >= min && n <= max ? n : fallback;
    });
}

/** The order of a list: one of its sort codes, else the first (the list's default). */
function sortOf<const S extends readonly [string, ...string[]]>(codes: S) {
  return z
    .unknown()
    .optional()
    .transform((v): S[number] =>
      (codes as readonly string[]).includes(v as string) ? (v as S[number]) : codes[0],
    );
}

/** Ten digits, with or without the dash: a CPR number's shape (spec: CPR numbers). */
const CPR_SHAPE = /\d{6}\s*-?\s*\d{4}/;

/** Free text to search names and numbers with; empty is no search. Never a CPR number (spec: CPR numbers). */
export const searchText = plainText()
  .max(100, say('field.tooLong'))
  .optional()
  .transform((v, ctx): string | null => {
    if (v === undefined || v === '') return null;
    if (CPR_SHAPE.test(v)) {
      ctx.addIssue(issue(message('field.search.noCpr')));
      return z.NEVER;
    }
    return v;
  });

/** A page number from 1; for a second list on a page, under its own name. */
export const pageNumber = wholeOr(1, 1, 1_000_000);

/** The page fields of a list with one order: page and limit. */
export const windowFields = { page: pageNumber, limit: wholeOr(PAGE_SIZE, 1, MAX_PAGE_SIZE) };

/** The page fields every list's schema spreads into its own: page, limit, sort. */
export function pageFields<const S extends readonly [string, ...string[]]>(sorts: S) {
  return { ...windowFields, sort: sortOf(sorts) };
}

export function windowOf(input: { page: number; limit: number }): PageWindow {
  return { page: input.page, size: input.limit };
}

/** A page of rows from the repository (db/paging.ts) as the service's answer. */
export function pagedRows<R, T>(
  { rows, total, page }: PageRows<R>,
  size: number,
  item: (row: R) => T,
): Paged<T> {
  return { items: rows.map(item), page, size, total, pages: Math.max(1, Math.ceil(total / size)) };
}

/** One page of a list already made in full (a filter only the domain can decide). */
export function pageOfList<T>(all: readonly T[], { page, size }: PageWindow): Paged<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const shown = Math.min(page, pages);
  return {
    items: all.slice((shown - 1) * size, shown * size),
    page: shown,
    size,
    total: all.length,
    pages,
  };
}
