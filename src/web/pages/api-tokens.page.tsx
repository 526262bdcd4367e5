import type { FieldErrors } from '../../domain/errors.ts';
import type { ApiTokenView } from '../../services/access/api-token.service.ts';
import type { UserView } from '../../services/access/user.service.ts';
import { ErrorSummary, Form, SelectField, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';
import { formatDateTime } from '../format.ts';

export function ApiTokensPage({
  ctx,
  tokens,
  users,
  values = {},
  errors,
}: {
  ctx: PageContext;
  tokens: ApiTokenView[];
  users: UserView[];
  values?: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t, lang, actor } = ctx;
  const options = [
    { value: '', label: '' },
    ...users
      .filter((u) => u.active)
      .map((u) => ({ value: u.id, label: `${u.name} (${t(`role.${u.role}`)})` })),
  ];
  return (
    <Layout ctx={ctx} title={t('tokens.title')} authority={actor?.municipalityName} hasErrors={!!errors}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('tokens.title')}</h1>
      <p>{t('tokens.intro')}</p>
      {tokens.length === 0 ? (
        <p>{t('tokens.none')}</p>
      ) : (
        <table class="table table--zebra table--responsive-headers">
          <caption class="sr-only">{t('tokens.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tokens.name')}</th>
              <th scope="col">{t('tokens.user')}</th>
              <th scope="col">{t('tokens.created')}</th>
              <th scope="col">{t('tokens.lastUsed')}</th>
              <th scope="col">{t('users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((tk) => (
              <tr>
                <td data-title={t('tokens.name')}>{tk.name}</td>
                <td data-title={t('tokens.user')}>{tk.userName}</td>
                <td data-title={t('tokens.created')}>{formatDateTime(tk.createdAt, lang)}</td>
                <td data-title={t('tokens.lastUsed')}>
                  {tk.lastUsedAt ? formatDateTime(tk.lastUsedAt, lang) : t('tokens.never')}
                </td>
                <td data-title={t('users.actions')}>
                  {tk.revokedAt ? (
                    <span class="badge">{t('tokens.revoked')}</span>
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
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 class="mt-7">{t('tokens.new')}</h2>
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
    </Layout>
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
