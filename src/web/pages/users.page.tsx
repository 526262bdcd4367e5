import type { FieldErrors } from '../../domain/errors.ts';
import { MUNICIPAL_STAFF_ROLES } from '../../domain/roles.ts';
import type { UserView } from '../../services/access/user.service.ts';
import { Alert } from '../components/alert.tsx';
import { ErrorSummary, Form, SelectField, TextField, type Values } from '../components/form.tsx';
import { DataTable } from '../components/data-table.tsx';
import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';
import { ListFilter } from '../components/list-filter.tsx';
import { PageCount, Pagination } from '../components/pagination.tsx';
import { pageHref, type ListRead } from '../list-query.ts';
import type { Paged } from '../../services/paging.ts';
import { USER_SORTS } from '../../domain/list-orders.ts';

export function UsersPage({
  ctx,
  list,
  notice,
}: {
  ctx: PageContext;
  list: ListRead<Paged<UserView>>;
  notice?: string | undefined;
}) {
  const { t, actor } = ctx;
  const { result, values } = list;
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
        </a>{' '}
        <a href="/brugere/kommunens-log-in" class="button button-secondary">
          {t('sso.link')}
        </a>
      </p>
      <UserFilter ctx={ctx} list={list} />
      {result.items.length === 0 ? (
        <p>{t('list.none')}</p>
      ) : (
        <>
          <PageCount ctx={ctx} info={result} shown={result.items.length} />
          <UserTable ctx={ctx} users={result.items} />
          <Pagination ctx={ctx} info={result} href={(n) => pageHref('/brugere', values, n)} />
        </>
      )}
    </Layout>
  );
}

/** The user list's filter: search, role, active or deactivated, order. */
function UserFilter({ ctx, list: { values, errors } }: { ctx: PageContext; list: ListRead<unknown> }) {
  const { t } = ctx;
  const all = { value: '', label: t('list.all') };
  return (
    <ListFilter
      ctx={ctx}
      action="/brugere"
      values={values}
      errors={errors}
      sorts={USER_SORTS.map((s) => ({ value: s, label: t(`list.users.sort.${s}`) }))}
      searchHint={t('list.users.searchHint')}
      submit={t('list.submit')}
    >
      <div class="row">
        <div class="col-12 col-md-6">
          <SelectField
            ctx={ctx}
            name="rolle"
            label={t('users.role')}
            options={[all, ...MUNICIPAL_STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
            values={values}
            errors={errors}
          />
        </div>
        <div class="col-12 col-md-6">
          <SelectField
            ctx={ctx}
            name="status"
            label={t('list.status')}
            options={[
              all,
              { value: 'active', label: t('list.users.active') },
              { value: 'deactivated', label: t('list.users.deactivated') },
            ]}
            values={values}
            errors={errors}
          />
        </div>
      </div>
    </ListFilter>
  );
}

function UserTable({ ctx, users }: { ctx: PageContext; users: UserView[] }) {
  const { t, actor } = ctx;
  return (
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
  );
}

function StatusBadge({ ctx, user }: { ctx: PageContext; user: UserView }) {
  const { t } = ctx;
  if (!user.active) return <span class="badge">{t('users.inactive')}</span>;
  if (user.external) return <span class="badge badge-success">{t('sso.userBadge')}</span>;
  if (user.hasPendingCode) return <span class="badge badge-info">{t('users.codePending')}</span>;
  return <span class="badge badge-success">{t('users.active')}</span>;
}

function UserActions({ ctx, user }: { ctx: PageContext; user: UserView }) {
  const { t } = ctx;
  return (
    <div class="button-group">
      {/* A user of the municipality's log-in has no password here (spec: Staff log-in with the municipality's log-in). */}
      {user.external ? null : (
        <Form ctx={ctx} action={`/brugere/${user.id}/engangskode`}>
          <button
            type="submit"
            class="button button-secondary"
            aria-label={t('users.resetCodeLabel', { name: user.name })}
          >
            {t('users.resetCode')}
          </button>
        </Form>
      )}
      {user.hasSecondFactor ? (
        <Form ctx={ctx} action={`/brugere/${user.id}/to-trin/nulstil`}>
          <button
            type="submit"
            class="button button-secondary"
            aria-label={t('secondFactor.resetLabel', { name: user.name })}
          >
            {t('secondFactor.reset')}
          </button>
        </Form>
      ) : null}
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
