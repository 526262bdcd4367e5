import type { Lang } from '../../i18n/index.ts';
import type { IconName } from '../assets.ts';
import type { PageContext } from '../context.ts';
import { Icon } from './icon.tsx';

// DKFDS's pagination under a list (spec: Lists): plain links, so it works without JavaScript. From 768 px
// the page numbers (the first, the last and those around the current one); on a phone "Side 2 af 9"
// between first, previous, next and last.

interface PageInfo {
  page: number;
  pages: number;
  size: number;
  total: number;
}

/** The page numbers to show, with null where a run of them is left out. */
function pageNumbers(page: number, pages: number): (number | null)[] {
  const wanted = new Set([1, pages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const shown: (number | null)[] = [];
  for (const n of sorted) {
    const last = shown[shown.length - 1];
    if (typeof last === 'number' && n - last === 2) shown.push(n - 1);
    else if (typeof last === 'number' && n - last > 2) shown.push(null);
    shown.push(n);
  }
  return shown;
}

const ARROW_LABELS = {
  first: 'list.first',
  previous: 'list.previous',
  next: 'list.next',
  last: 'list.last',
} as const;

const COUNT: Record<Lang, Intl.NumberFormat> = {
  da: new Intl.NumberFormat('da-DK'),
  en: new Intl.NumberFormat('en-GB'),
};

/** "Viser 51–100 af 2.280", said to screen readers when a new page loads too. */
export function PageCount({ ctx, info, shown }: { ctx: PageContext; info: PageInfo; shown: number }) {
  if (info.total === 0) return null;
  const from = (info.page - 1) * info.size + 1;
  const count = (n: number) => COUNT[ctx.lang].format(n);
  return (
    <p class="mt-4 mb-2" role="status">
      {ctx.t('list.showing', {
        from: count(from),
        to: count(from + shown - 1),
        total: count(info.total),
      })}
    </p>
  );
}

export function Pagination({
  ctx,
  info,
  href,
  label,
}: {
  ctx: PageContext;
  info: PageInfo;
  href: (page: number) => string;
  /** The navigation's name when the page has a second list (each landmark its own name). */
  label?: string;
}) {
  const { t } = ctx;
  const { page, pages } = info;
  if (pages <= 1) return null;
  // Before the first page there is nothing to go back to, after the last nothing further: DKFDS keeps
  // the arrow's place (hidden) so the numbers do not move.
  const arrow = (to: number, kind: 'first' | 'previous' | 'next' | 'last', icon: IconName) => {
    const cls = `button button-arrow button-${kind}`;
    const back = kind === 'first' || kind === 'previous';
    if (back ? page === 1 : page === pages) return <span class={`${cls} hidden`} aria-hidden="true" />;
    const label = t(ARROW_LABELS[kind]);
    // On a phone only the arrow shows, so the link carries its name.
    return (
      <a href={href(to)} class={cls} aria-label={label}>
        {back ? <Icon name={icon} /> : null}
        <span class="pagination-nav-link">{label}</span>
        {back ? null : <Icon name={icon} />}
      </a>
    );
  };
  return (
    <nav class="pagination" aria-label={label ?? t('list.pagination')}>
      {arrow(1, 'first', 'first-page')}
      {arrow(page - 1, 'previous', 'chevron-left')}
      <span class="pagination-mobile">{t('list.pageOf', { page, pages })}</span>
      <ul class="pagination__items">
        {pageNumbers(page, pages).map((n) =>
          n === null ? (
            <li class="pagination-item pagination-overflow" role="presentation">
              <span>…</span>
            </li>
          ) : (
            <li class="pagination-item pagination-number">
              <a
                href={href(n)}
                class={n === page ? 'current-page' : undefined}
                aria-current={n === page ? 'page' : undefined}
                aria-label={t('list.page', { page: n })}
              >
                {n}
              </a>
            </li>
          ),
        )}
      </ul>
      {arrow(page + 1, 'next', 'chevron-right')}
      {arrow(pages, 'last', 'last-page')}
    </nav>
  );
}
