import { sql, type SelectQueryBuilder } from 'kysely';

// One page of a list (spec: Lists): the rows of the page asked for, in the query's order, and how many
// rows the whole list has. Offset paging, because a page number in the address is what people share and
// bookmark; the query's ORDER BY must end in a unique column, so a row is on exactly one page.

export interface PageWindow {
  /** From 1. */
  page: number;
  size: number;
}

export interface PageRows<O> {
  rows: O[];
  total: number;
  /** The page shown: the one asked for, or the last one when that lies past the end. */
  page: number;
}

/**
 * Two statements: the count (the query without its columns and order, so PostgreSQL skips the
 * columns' subqueries) and the page. The query must not GROUP BY, and its joins must not repeat a row.
 */
export async function pageOfRows<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  { page, size }: PageWindow,
): Promise<PageRows<O>> {
  // The generic builder cannot see the column it is given, so its type is said here.
  const counted = (await query
    .clearSelect()
    .clearOrderBy()
    .select(sql<number | string>`count(*)`.as('total'))
    .executeTakeFirst()) as { total: number | string } | undefined;
  const total = Number(counted?.total ?? 0);
  const shown = Math.min(page, Math.max(1, Math.ceil(total / size)));
  const rows =
    total === 0
      ? []
      : await query
          .limit(size)
          .offset((shown - 1) * size)
          .execute();
  return { rows, total, page: shown };
}

/** The pattern for a case-insensitive "contains" match of what a person typed (no wildcards of theirs). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
