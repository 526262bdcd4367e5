import type { Child } from 'hono/jsx';

// A list as a DKFDS table: the caption for screen readers, a header per column, and on a phone each
// cell shown under its column's header (data-title, DKFDS's responsive headers).

export interface Column<R> {
  header: string;
  cell: (row: R) => Child;
  /** Amounts and dates: never broken over two lines. */
  nowrap?: boolean;
}

export function DataTable<R>({
  caption,
  columns,
  rows,
  scroll = false,
}: {
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  /** Many columns: the table scrolls in a region of its own (reachable by keyboard) when it is too wide. */
  scroll?: boolean;
}) {
  const table = (
    <table class="table table--zebra table--responsive-headers">
      <caption class="sr-only">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col">{c.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            {columns.map((c) => {
              const content = c.cell(row);
              // An empty cell shows no label on a phone, where each cell stands under its header.
              const empty = content === '' || content === null || content === undefined;
              const cls = [c.nowrap ? 'text-nowrap' : '', empty ? 'table-cell-empty' : ''].filter(Boolean);
              return (
                <td
                  data-title={empty ? undefined : c.header}
                  class={cls.length > 0 ? cls.join(' ') : undefined}
                >
                  {content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return scroll ? (
    <div class="table--responsive-scroll" tabindex={0} role="region" aria-label={caption}>
      {table}
    </div>
  ) : (
    table
  );
}
