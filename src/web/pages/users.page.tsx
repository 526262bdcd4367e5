import type { FieldErrors } from '../../domain/errors.ts';
import { MUNICIPAL_STAFF_ROLES } from '../../domain/roles.ts';
import type { UserView } from '../../services/access/user.service.ts';
import { Alert } from '../components/alert.tsx';
import { ErrorSummary, Form, SelectField, TextField, type Values } from '../components/form.tsx';
import { DataTable } from '../components/data-table.tsx';
import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';

export function UsersPage({
  ctx,
  users,
  notice,
}: {
  ctx: PageContext;
  users: UserView[];
  notice?: string | undefined;
}) {
  const { t, actor } = ctx;
  return (
    <Layout ctx={ctx} title={t('users.title')} authority={actor?.municipalityName}>
      {notice ? (
        <Alert kind="success" iconLabel={t('common.saved')}>
          <p>{notice}</p>
        </Alert>
      ) : null}
      <h1>{t('users.title')}</h1>
      <p>{t('users.intro', { municipality: actor?.municipalityName ?? '' })}</p>
      <p>
        <a href="/brugere/ny" class="button button-primary">
          {t('users.new')}
        </a>
      </p>
      <DataTable
        caption={t('users.title')}
        scroll
        rows={users}
        columns={[
          { header: t('users.name'), cell: (u) => u.name },
          { header: t('users.email'), cell: (u) => u.email },
          { header: t('users.role'), cell: (u) => t(`role.${u.role}`) },
          { header: t('users.status'), cell: (u) => <StatusBadge ctx={ctx} user={u} /> },
          {
            header: t('users.actions'),
            cell: (u) => (u.active && u.id !== actor?.userId ? <UserActions ctx={ctx} user={u} /> : null),
          },
        ]}
      />
    </Layout>
  );
}

function StatusBadge({ ctx, user }: { ctx: PageContext; user: UserView }) {
  const { t } = ctx;
  if (!user.active) return <span class="badge">{t('users.inactive')}</span>;
  if (user.hasPendingCode) return <span class="badge badge-info">{t('users.codePending')}</span>;
  return <span class="badge badge-success">{t('users.active')}</span>;
}

function UserActions({ ctx, user }: { ctx: PageContext; user: UserView }) {
  const { t } = ctx;
  return (
    <div class="button-group">
      <Form ctx={ctx} action={`/brugere/${user.id}/engangskode`}>
        <button
          type="submit"
          class="button button-secondary"
          aria-label={t('users.resetCodeLabel', { name: user.name })}
        >
          {t('users.resetCode')}
        </button>
      </Form>
      <a
        href={`/brugere/${user.id}/deaktiver`}
        class="button button-secondary"
        aria-label={t('users.deactivateLabel', { name: user.name })}
      >
        {t('users.deactivate')}
      </a>
    </div>
  );
}

export function NewUserPage({
  ctx,
  values = {},
  errors,
}: {
  ctx: PageContext;
  values?: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t, actor } = ctx;
  const f = { ctx, values, errors };
  const roles = MUNICIPAL_STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  return (
    <Layout
      ctx={ctx}
      title={t('users.create.title')}
      authority={actor?.municipalityName}
      hasErrors={!!errors}
    >
      <div class="row">
        <div class="col-12 col-lg-8">
          <ErrorSummary ctx={ctx} errors={errors} />
          <h1>{t('users.create.title')}</h1>
          <Form ctx={ctx} action="/brugere">
            <TextField {...f} name="name" label={t('users.name')} autocomplete="off" />
            <TextField {...f} name="email" type="email" label={t('users.email')} autocomplete="off" />
            <SelectField
              {...f}
              name="role"
              label={t('users.role')}
              hint={t('users.create.roleHint')}
              options={[{ value: '', label: '' }, ...roles]}
            />
            <div class="button-group">
              <button type="submit" class="button button-primary">
                {t('users.create.submit')}
              </button>
              <a href="/brugere" class="button button-secondary">
                {t('programme.cancel')}
              </a>
            </div>
          </Form>
        </div>
      </div>
    </Layout>
  );
}

/** Shown once, right after the code is made: it is never stored in readable form. */
export function OneTimeCodePage({ ctx, user, code }: { ctx: PageContext; user: UserView; code: string }) {
  const { t, actor } = ctx;
  const title = t('users.code.title', { name: user.name });
  return (
    <Layout ctx={ctx} title={title} authority={actor?.municipalityName}>
      <h1>{title}</h1>
      <p class="font-lead">{t('users.code.text', { name: user.name })}</p>
      <p class="one-time-code" id="one-time-code">
        {code}
      </p>
      <p>
        {t('users.email')}: {user.email}
      </p>
      <p>
        <a href="/brugere" class="button button-secondary">
          {t('users.code.back')}
        </a>
      </p>
    </Layout>
  );
}

/** Deactivation logs a colleague out at once: it is asked for on a page of its own. */
export function ConfirmDeactivationPage({ ctx, user }: { ctx: PageContext; user: UserView }) {
  const { t, actor } = ctx;
  const title = t('users.confirm.title', { name: user.name });
  return (
    <Layout ctx={ctx} title={title} authority={actor?.municipalityName}>
      <h1>{title}</h1>
      <p class="font-lead">{t('users.confirm.text', { name: user.name })}</p>
      <Form ctx={ctx} action={`/brugere/${user.id}/deaktiver`}>
        <div class="button-group">
          <button type="submit" class="button button-warning">
            {t('users.confirm.submit', { name: user.name })}
          </button>
          <a href="/brugere" class="button button-secondary">
            {t('users.confirm.cancel')}
          </a>
        </div>
      </Form>
    </Layout>
  );
}
