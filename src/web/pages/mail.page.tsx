import type { FieldErrors } from '../../domain/errors.ts';
import { OUTBOX_SHOWN, type NotifySettings, type OutboxEntry } from '../../services/mail/mail.service.ts';
import { NOTIFY_CHOICES } from '../../services/mail/mail.schemas.ts';
import { Alert, DoneNotice } from '../components/alert.tsx';
import { DataTable } from '../components/data-table.tsx';
import { ErrorSummary, Form, RadioGroup, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';
import { formatDateTime } from '../format.ts';

// E-mail notifications (spec: E-mail notifications): the staff user's own choice, and the
// administrator's view of the municipality's outbox — who, when and how it went, never what it says.

export function OutboxPage({
  ctx,
  mails,
  serverConfigured,
}: {
  ctx: PageContext;
  mails: OutboxEntry[];
  serverConfigured: boolean;
}) {
  const { t, lang, actor } = ctx;
  const status = (m: OutboxEntry) =>
    m.sentAt
      ? t('mail.outbox.status.sent', { at: formatDateTime(m.sentAt, lang) })
      : t(m.attempts > 0 ? 'mail.outbox.status.failing' : 'mail.outbox.status.waiting');
  return (
    <Layout ctx={ctx} title={t('mail.outbox.title')} authority={actor?.municipalityName}>
      <h1>{t('mail.outbox.title')}</h1>
      <p>{t('mail.outbox.intro')}</p>
      {serverConfigured ? null : (
        <Alert kind="info" iconLabel={t('mail.icon.info')}>
          <p>{t('mail.outbox.noServer')}</p>
        </Alert>
      )}
      {mails.length === 0 ? (
        <p>{t('mail.outbox.none')}</p>
      ) : (
        <DataTable
          caption={t('mail.outbox.title')}
          rows={mails}
          scroll
          columns={[
            { header: t('mail.outbox.recipient'), cell: (m) => m.recipientName },
            { header: t('mail.outbox.kind'), cell: (m) => t(`mail.outbox.kind.${m.kind}`) },
            {
              header: t('mail.outbox.created'),
              cell: (m) => formatDateTime(m.createdAt, lang),
              nowrap: true,
            },
            { header: t('mail.outbox.status'), cell: status },
            { header: t('mail.outbox.attempts'), cell: (m) => m.attempts },
            {
              header: t('mail.outbox.nextAttempt'),
              cell: (m) => (m.sentAt ? '' : formatDateTime(m.nextAttemptAt, lang)),
              nowrap: true,
            },
            { header: t('mail.outbox.lastError'), cell: (m) => m.lastError ?? '' },
          ]}
        />
      )}
      {mails.length >= OUTBOX_SHOWN ? <p>{t('mail.outbox.shown', { count: OUTBOX_SHOWN })}</p> : null}
    </Layout>
  );
}

export function NotifySettingsPage({
  ctx,
  settings,
  serverConfigured,
  notice,
  values,
  errors,
}: {
  ctx: PageContext;
  settings: NotifySettings;
  serverConfigured: boolean;
  notice?: string | undefined;
  values?: Values | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { t, actor } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t('mail.settings.title')}
      authority={actor?.municipalityName}
      hasErrors={!!errors}
    >
      <ErrorSummary ctx={ctx} errors={errors} />
      <DoneNotice notice={notice} iconLabel={t('mail.icon.done')} />
      <h1>{t('mail.settings.title')}</h1>
      <p>{t('mail.settings.intro')}</p>
      {serverConfigured ? null : (
        <Alert kind="info" iconLabel={t('mail.icon.info')}>
          <p>{t('mail.settings.noServer')}</p>
        </Alert>
      )}
      <Form ctx={ctx} action="/mine-indstillinger">
        <RadioGroup
          ctx={ctx}
          name="notify"
          label={t('mail.settings.notify')}
          hint={settings.email ? t('mail.settings.address', { email: settings.email }) : undefined}
          options={NOTIFY_CHOICES.map((choice) => ({ value: choice, label: t(`mail.settings.${choice}`) }))}
          values={values ?? { notify: settings.notify }}
          errors={errors}
        />
        <button type="submit" class="button button-primary">
          {t('mail.settings.submit')}
        </button>
      </Form>
      <p class="mt-6">
        <a href="/mine-indstillinger/to-trin">{t('secondFactor.link')}</a>
      </p>
    </Layout>
  );
}
