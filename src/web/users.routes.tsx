import type { Context, Hono } from 'hono';
import type { FieldErrors } from '../domain/errors.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { nestForm, readForm } from '../http/form.ts';
import type { Actor } from '../services/context.ts';
import type { Values } from './components/form.tsx';
import { pageContext } from './context.ts';
import { submitForm } from './form-route.ts';
import { ApiTokensPage, NewApiTokenPage } from './pages/api-tokens.page.tsx';
import { ConfirmDeactivationPage, NewUserPage, OneTimeCodePage, UsersPage } from './pages/users.page.tsx';
import { readList } from './list-query.ts';
import { requireActor, seeOther } from './request.ts';

// The administrator's pages: the municipality's users, and the API keys of its systems.

/** The user list's own query names (list-query.ts). */
const USER_QUERY = { rolle: 'role', status: 'status' };

/** The key list's own query names. */
const TOKEN_QUERY = { status: 'status' };

export function registerUserRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  app.get('/brugere', async (c) => {
    const actor = requireActor(c);
    const list = await readList(c, USER_QUERY, (input) => services.users.page(actor, input));
    // The user just deactivated (or whose second factor was reset), looked up by id: they need not be on
    // the page shown.
    const deactivated = c.req.query('deaktiveret');
    const reset = c.req.query('to-trin-nulstillet');
    const name = deactivated === undefined ? null : await services.users.nameOf(actor, deactivated);
    const resetName = reset === undefined ? null : await services.users.nameOf(actor, reset);
    const { t } = pageContext(c);
    const notice = name
      ? t('users.deactivated', { name })
      : resetName
        ? t('secondFactor.resetDone', { name: resetName })
        : undefined;
    return c.html(<UsersPage ctx={pageContext(c)} list={list} notice={notice} />);
  });

  app.get('/brugere/ny', (c) => {
    services.users.assertMayCreate(requireActor(c));
    return c.html(<NewUserPage ctx={pageContext(c)} />);
  });

  app.post('/brugere', async (c) => {
    const actor = requireActor(c);
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        const { user, code } = await services.users.create(actor, form);
        markSecret(c, '/brugere');
        return c.html(<OneTimeCodePage ctx={pageContext(c)} user={user} code={code} />, 201);
      },
      {
        invalid: (error) =>
          c.html(<NewUserPage ctx={pageContext(c)} values={form} errors={error.fields} />, 422),
      },
    );
  });

  app.get('/brugere/:id/deaktiver', async (c) => {
    const user = await services.users.getForDeactivation(requireActor(c), c.req.param('id'));
    return c.html(<ConfirmDeactivationPage ctx={pageContext(c)} user={user} />);
  });

  app.post('/brugere/:id/deaktiver', async (c) => {
    const actor = requireActor(c);
    const id = c.req.param('id');
    await services.users.deactivate(actor, id);
    return seeOther(c, `/brugere?deaktiveret=${encodeURIComponent(id)}`);
  });

  // spec: Staff log-in — the user's second factor, recovery codes and sessions end; they enrol again.
  app.post('/brugere/:id/to-trin/nulstil', async (c) => {
    const id = c.req.param('id');
    await services.secondFactor.reset(requireActor(c), id);
    return seeOther(c, `/brugere?to-trin-nulstillet=${encodeURIComponent(id)}`);
  });

  app.post('/brugere/:id/engangskode', async (c) => {
    const actor = requireActor(c);
    const { user, code } = await services.users.issueResetCode(actor, c.req.param('id'));
    markSecret(c, '/brugere');
    return c.html(<OneTimeCodePage ctx={pageContext(c)} user={user} code={code} />, 201);
  });
}

export function registerApiTokenRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  const render = async (c: Context<AppEnv>, actor: Actor, values?: Values, errors?: FieldErrors) => {
    const [list, users] = await Promise.all([
      readList(c, TOKEN_QUERY, (input) => services.apiTokens.list(actor, input)),
      services.users.list(actor),
    ]);
    return c.html(
      <ApiTokensPage ctx={pageContext(c)} list={list} users={users} values={values} errors={errors} />,
      errors ? 422 : 200,
    );
  };

  app.get('/api-noegler', (c) => render(c, requireActor(c)));

  app.post('/api-noegler', async (c) => {
    const actor = requireActor(c);
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        const { token } = await services.apiTokens.issue(actor, form);
        markSecret(c, '/api-noegler');
        return c.html(<NewApiTokenPage ctx={pageContext(c)} token={token} />, 201);
      },
      { invalid: (error) => render(c, actor, form, error.fields) },
    );
  });

  app.post('/api-noegler/:id/tilbagekald', async (c) => {
    await services.apiTokens.revoke(requireActor(c), c.req.param('id'));
    return seeOther(c, '/api-noegler');
  });
}

/**
 * A response that shows a secret (a one-time code) is not kept for idempotent replay; a repeated
 * request is sent to `replayAs` instead.
 */
export function markSecret(c: Context<AppEnv>, replayAs: string): void {
  c.header('X-Replay-As', replayAs);
}
