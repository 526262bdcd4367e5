import type { FieldErrors } from '../../domain/errors.ts';
import type { ApiTokenView } from '../../services/access/api-token.service.ts';
import type { UserView } from '../../services/access/user.service.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorSummary, Form, SelectField, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';
import { formatDateOf, formatDateTime } from '../format.ts';
import { ListFilter } from '../components/list-filter.tsx';
import { PageCount, Pagination } from '../components/pagination.tsx';
import { pageHref, type ListRead } from '../list-query.ts';
import type { Paged } from '../../services/paging.ts';
import { TOKEN_SORTS } from '../../domain/list-orders.ts';

export function ApiTokensPage({
  ctx,
  list,
  users,
  values = {},
  errors,
}: {
  ctx: PageContext;
  list: ListRead<Paged<ApiTokenView>>;
  users: UserView[];
  values?: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t, actor } = ctx;
  return (
    <Layout ctx={ctx} title={t('tokens.title')} authority={actor?.municipalityName} hasErrors={!!errors}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('tokens.title')}</h1>
      <p>{t('tokens.intro')}</p>
      <TokenList ctx={ctx} list={list} />
      <h2 class="mt-7">{t('tokens.new')}</h2>
      <NewTokenForm ctx={ctx} users={users} values={values} errors={errors} />
    </Layout>
  );
}

/** The keys, filtered and a page at a time; before the first key, only that there is none. */
function TokenList({ ctx, list }: { ctx: PageContext; list: ListRead<Paged<ApiTokenView>> }) {
  const { t } = ctx;
  const { result, values, errors } = list;
  if (result.total === 0 && Object.keys(values).length === 0) return <p>{t('tokens.none')}</p>;
  const all = { value: '', label: t('list.all') };
  const statuses = (['active', 'revoked', 'expired'] as const).map((s) => ({
    value: s,
    label: t(`list.tokens.${s}`),
  }));
  return (
    <>
      <ListFilter
        ctx={ctx}
        action="/api-noegler"
        values={values}
        errors={errors}
        sorts={TOKEN_SORTS.map((s) => ({ value: s, label: t(`list.tokens.sort.${s}`) }))}
        searchHint={t('list.tokens.searchHint')}
        submit={t('list.submit')}
      >
        <SelectField
          ctx={ctx}
          name="status"
          label={t('list.status')}
          options={[all, ...statuses]}
          values={values}
          errors={errors}
        />
      </ListFilter>
      {result.items.length === 0 ? (
        <p>{t('list.none')}</p>
      ) : (
        <>
          <PageCount ctx={ctx} info={result} shown={result.items.length} />
          <TokensTable ctx={ctx} tokens={result.items} />
          <Pagination ctx={ctx} info={result} href={(n) => pageHref('/api-noegler', values, n)} />
        </>
      )}
    </>
  );
}

/** The keys, with who they act as, when they were last used and when they expire; a live key can be revoked. */
function TokensTable({ ctx, tokens }: { ctx: PageContext; tokens: ApiTokenView[] }) {
  const { t, lang } = ctx;
  return (
    <DataTable
      caption={t('tokens.title')}
      rows={tokens}
      columns={[
        { header: t('tokens.name'), cell: (tk) => tk.name },
        { header: t('tokens.user'), cell: (tk) => tk.userName },
        { header: t('tokens.created'), cell: (tk) => formatDateTime(tk.createdAt, lang) },
        {
          header: t('tokens.lastUsed'),
          cell: (tk) => (tk.lastUsedAt ? formatDateTime(tk.lastUsedAt, lang) : t('tokens.never')),
        },
        { header: t('tokens.expires'), cell: (tk) => formatDateOf(tk.expiresAt, lang) },
        {
          header: t('users.actions'),
          cell: (tk) =>
            tk.revokedAt || tk.expired ? (
              <span class="badge">{t(tk.revokedAt ? 'tokens.revoked' : 'tokens.expired')}</span>
            ) : (
              <Form ctx={ctx} action={`/api-noegler/${tk.id}/tilbagekald`}>
                <button
                  type="submit"
                  class="button button-warning"
                  aria-label={t('tokens.revokeLabel', { name: tk.name })}
                >
                  {t('tokens.revoke')}
                </button>
              </Form>
            ),
        },
      ]}
    />
  );
}

/** A new key acts as one of the municipality's active users. */
function NewTokenForm({
  ctx,
  users,
  values,
  errors,
}: {
  ctx: PageContext;
  users: UserView[];
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const options = [
    { value: '', label: '' },
    ...users
      .filter((u) => u.active)
      .map((u) => ({ value: u.id, label: `${u.name} (${t(`role.${u.role}`)})` })),
  ];
  return (
    <Form ctx={ctx} action="/api-noegler">
      <SelectField
        ctx={ctx}
        name="userId"
        label={t('tokens.user')}
        options={options}
        values={values}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name="name"
        label={t('tokens.name')}
        hint={t('tokens.nameHint')}
        values={values}
        errors={errors}
      />
      <button type="submit" class="button button-primary">
        {t('tokens.submit')}
      </button>
    </Form>
  );
}

export function NewApiTokenPage({ ctx, token }: { ctx: PageContext; token: string }) {
  const { t, actor } = ctx;
  return (
    <Layout ctx={ctx} title={t('tokens.shown.title')} authority={actor?.municipalityName}>
      <h1>{t('tokens.shown.title')}</h1>
      <p class="font-lead">{t('tokens.shown.text')}</p>
      <p class="one-time-code one-time-code--long" id="api-token">
        {token}
      </p>
      <p>
        <a href="/api-noegler" class="button button-secondary">
          {t('tokens.back')}
        </a>
      </p>
    </Layout>
  );
}
