import type { FieldErrors } from '../../domain/errors.ts';
import { MUNICIPAL_STAFF_ROLES } from '../../domain/roles.ts';
import type { StaffSignInRefusal } from '../../services/access/staff-sso-sign-in.ts';
import type { StaffSsoView } from '../../services/access/staff-sso.service.ts';
import { Alert, DoneNotice } from '../components/alert.tsx';
import { DataTable } from '../components/data-table.tsx';
import { Checkbox, ErrorSummary, Form, SelectField, TextField, type Values } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import { SummaryTable } from '../components/summary-table.tsx';
import type { PageContext } from '../context.ts';

// The administrator's page for the municipality's own log-in
// (spec: Staff log-in with the municipality's log-in), and the page that says why a log-in through it was refused.

/** The staff issuer as the server is configured, or undefined when it is not. */
export interface StaffIssuerShown {
  issuer: string;
  municipalityClaim: string;
  groupsClaim: string;
}

export const STAFF_SSO_PATH = '/brugere/kommunens-log-in';

export interface Typed {
  form: 'settings' | 'group';
  values: Values;
}

export function StaffSsoPage({
  ctx,
  view,
  server,
  typed,
  errors,
  notice,
}: {
  ctx: PageContext;
  view: StaffSsoView;
  server: StaffIssuerShown | undefined;
  /** What was typed in the form that was refused, shown again beside its errors. */
  typed?: Typed | undefined;
  errors?: FieldErrors | undefined;
  notice?: string | undefined;
}) {
  const { t, actor } = ctx;
  return (
    <Layout ctx={ctx} title={t('sso.title')} authority={actor?.municipalityName} hasErrors={!!errors}>
      <div class="row">
        <div class="col-12 col-lg-9">
          <ErrorSummary ctx={ctx} errors={errors} />
          <DoneNotice notice={notice} iconLabel={t('common.saved')} />
          <h1>{t('sso.title')}</h1>
          <p class="font-lead">{t('sso.intro')}</p>
          <Settings ctx={ctx} view={view} server={server} typed={typed} errors={errors} />
          <h2 class="mt-7">{t('sso.mapping')}</h2>
          <p>{t('sso.mappingIntro')}</p>
          <MappingTable ctx={ctx} view={view} editable={!!server} />
          {server ? (
            <GroupRoleForm
              ctx={ctx}
              server={server}
              values={typed?.form === 'group' ? typed.values : {}}
              errors={errors}
            />
          ) : null}
        </div>
      </div>
    </Layout>
  );
}

/** What the server knows of the issuer, and the municipality's settings: a form, or read-only. */
function Settings({
  ctx,
  view,
  server,
  typed,
  errors,
}: {
  ctx: PageContext;
  view: StaffSsoView;
  server: StaffIssuerShown | undefined;
  typed: Typed | undefined;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const stored = { enabled: view.enabled, claimValue: view.claimValue ?? '' };
  if (!server) {
    return (
      <>
        <Alert kind="warning" iconLabel={t('sso.notConfiguredLabel')}>
          <p>{t('sso.notConfigured')}</p>
        </Alert>
        <h2>{t('sso.settings')}</h2>
        <SummaryTable
          caption={t('sso.settings')}
          rows={[
            [t('sso.status'), t(view.enabled ? 'sso.on' : 'sso.off')],
            [t('sso.claimValueShort'), view.claimValue ?? t('sso.noValue')],
          ]}
        />
      </>
    );
  }
  return (
    <>
      <p>
        {t('sso.server', {
          issuer: server.issuer,
          claim: server.municipalityClaim,
          groups: server.groupsClaim,
        })}
      </p>
      <h2>{t('sso.settings')}</h2>
      <SettingsForm
        ctx={ctx}
        server={server}
        values={typed?.form === 'settings' ? typed.values : stored}
        errors={errors}
      />
    </>
  );
}

/** What both of the page's forms are drawn from: the typed values and their errors, or the stored ones. */
type FormProps = {
  ctx: PageContext;
  server: StaffIssuerShown;
  values: Values;
  errors: FieldErrors | undefined;
};

function SettingsForm({ ctx, server, values, errors }: FormProps) {
  const { t } = ctx;
  return (
    <Form ctx={ctx} action={STAFF_SSO_PATH}>
      <Checkbox
        ctx={ctx}
        name="enabled"
        label={t('sso.enabled')}
        hint={t('sso.enabledHint')}
        values={values}
      />
      <TextField
        ctx={ctx}
        name="claimValue"
        label={t('sso.claimValue', { claim: server.municipalityClaim })}
        hint={t('sso.claimValueHint')}
        values={values}
        errors={errors}
        autocomplete="off"
      />
      <button type="submit" class="button button-primary">
        {t('sso.save')}
      </button>
    </Form>
  );
}

function MappingTable({ ctx, view, editable }: { ctx: PageContext; view: StaffSsoView; editable: boolean }) {
  const { t } = ctx;
  if (view.mapping.length === 0) return <p>{t('sso.mappingNone')}</p>;
  const columns = [
    { header: t('sso.group'), cell: (m: StaffSsoView['mapping'][number]) => m.group },
    { header: t('sso.role'), cell: (m: StaffSsoView['mapping'][number]) => t(`role.${m.role}`) },
  ];
  const remove = {
    header: t('sso.actions'),
    cell: (m: StaffSsoView['mapping'][number]) => (
      <Form ctx={ctx} action={`${STAFF_SSO_PATH}/grupper/fjern`}>
        <input type="hidden" name="group" value={m.group} />
        <button
          type="submit"
          class="button button-secondary"
          aria-label={t('sso.removeLabel', { group: m.group })}
        >
          {t('sso.remove')}
        </button>
      </Form>
    ),
  };
  return (
    <DataTable
      caption={t('sso.mapping')}
      rows={view.mapping}
      columns={editable ? [...columns, remove] : columns}
    />
  );
}

function GroupRoleForm({ ctx, server, values, errors }: FormProps) {
  const { t } = ctx;
  const roles = MUNICIPAL_STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  return (
    <>
      <h3 class="mt-6">{t('sso.add')}</h3>
      <Form ctx={ctx} action={`${STAFF_SSO_PATH}/grupper`}>
        <TextField
          ctx={ctx}
          name="group"
          label={t('sso.group')}
          hint={t('sso.groupHint', { groups: server.groupsClaim })}
          values={values}
          errors={errors}
          autocomplete="off"
        />
        <SelectField
          ctx={ctx}
          name="role"
          label={t('sso.role')}
          options={[{ value: '', label: '' }, ...roles]}
          values={values}
          errors={errors}
        />
        <button type="submit" class="button button-primary">
          {t('sso.addSubmit')}
        </button>
      </Form>
    </>
  );
}

/** Why a log-in was refused: by the service, or `failed` when the issuer's answer did not check out. */
export type StaffSsoRefusal = StaffSignInRefusal | 'failed';

/** Why a log-in through the municipality's log-in was refused, in plain words, and the way back. */
export function StaffSsoRefusedPage({ ctx, reason }: { ctx: PageContext; reason: StaffSsoRefusal }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('sso.refused.title')}>
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <h1>{t('sso.refused.title')}</h1>
          <p class="font-lead">{t(`sso.refused.${reason}`)}</p>
          <p>
            <a href="/log-ind" class="button button-secondary">
              {t('sso.refused.back')}
            </a>
          </p>
        </div>
      </div>
    </Layout>
  );
}
