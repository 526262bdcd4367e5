import type { Context, Hono } from 'hono';
import type { FieldErrors } from '../domain/errors.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { nestForm, readForm } from '../http/form.ts';
import type { Values } from './components/form.tsx';
import { pageContext } from './context.ts';
import { submitForm } from './form-route.ts';
import { NotifySettingsPage, OutboxPage } from './pages/mail.page.tsx';
import { doneNotice, requireActor, seeOther } from './request.ts';

// E-mail notifications (spec: E-mail notifications): the administrator's outbox and each staff user's
// own choice of e-mails.

export function registerMailRoutes(app: Hono<AppEnv>, { services, config }: AppDeps): void {
  const serverConfigured = config.mail.smtp !== undefined;

  app.get('/udgaaende-e-mails', async (c) => {
    const mails = await services.mail.outbox(requireActor(c));
    return c.html(<OutboxPage ctx={pageContext(c)} mails={mails} serverConfigured={serverConfigured} />);
  });

  const renderSettings = async (
    c: Context<AppEnv>,
    extra: { notice?: string | undefined; values?: Values; errors?: FieldErrors },
    status: 200 | 422 = 200,
  ) => {
    const settings = await services.mail.settings(requireActor(c));
    return c.html(
      <NotifySettingsPage
        ctx={pageContext(c)}
        settings={settings}
        serverConfigured={serverConfigured}
        {...extra}
      />,
      status,
    );
  };

  app.get('/mine-indstillinger', (c) =>
    renderSettings(c, { notice: doneNotice(c, 'besked', { gemt: 'mail.settings.saved' }) }),
  );

  app.post('/mine-indstillinger', async (c) => {
    const actor = requireActor(c);
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        await services.mail.choose(actor, form, pageContext(c).lang);
        return seeOther(c, '/mine-indstillinger?besked=gemt');
      },
      { invalid: (error) => renderSettings(c, { values: form, errors: error.fields }, 422) },
    );
  });
}
