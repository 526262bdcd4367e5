import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../../domain/errors.ts';
import type { PageContext } from '../context.ts';
import { ErrorSummary } from './error-summary.tsx';
import { SelectField, TextField } from './form.tsx';

// A list's filter (spec: Lists): a GET form, so it works without JavaScript and a filtered list can be
// bookmarked; the search, the list's own filters, the order. What the address held that could not be
// used is said above it, and the list is shown without it.

export function ListFilter({
  ctx,
  action,
  values,
  errors,
  sorts,
  searchHint,
  submit,
  children,
  actions,
}: {
  ctx: PageContext;
  action: string;
  values: Record<string, string>;
  errors: FieldErrors | undefined;
  sorts: { value: string; label: string }[];
  /** What the search looks in; no search field without it. */
  searchHint?: string;
  submit: string;
  children?: Child;
  /** More buttons after the submit (another use of the same fields, e.g. a download). */
  actions?: Child;
}) {
  const { t } = ctx;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="get" action={action} class="mt-5 mb-6" role="search">
        <fieldset>
          <legend class="h3">{t('cases.filter.title')}</legend>
          {searchHint === undefined ? null : (
            <TextField
              ctx={ctx}
              name="soeg"
              label={t('list.search')}
              hint={searchHint}
              values={values}
              errors={errors}
              width="l"
            />
          )}
          {children}
          <SelectField ctx={ctx} name="sorter" label={t('list.sort')} options={sorts} values={values} />
          <button type="submit" class="button button-secondary">
            {submit}
          </button>
          {actions}
        </fieldset>
      </form>
    </>
  );
}
