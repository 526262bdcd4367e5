import type { MunicipalityNotice } from '../../services/privacy/privacy-notice.service.ts';
import type { PageContext } from '../context.ts';
import { Contact, DATATILSYNET } from '../pages/privacy-notice.page.tsx';
import { PORTAL_ACCESS_LOG } from './pages/access-log.page.tsx';
import { PORTAL_MY_DATA } from './pages/personal-data.page.tsx';
import { PortalLayout } from './portal-layout.tsx';

// The privacy notice in the citizen's words (spec: Privacy notice; spec: Citizen portal): the same facts as
// the general page, for the programme of the citizen's own case, in short sentences and everyday words
// (LIX ≤ 35), with links to "Mine data" and the access log, where the citizen uses the rights at once.

/** How long, in months and, when it is whole years, in years too. */
function keepText(ctx: PageContext, months: number): string {
  return months % 12 === 0
    ? ctx.t('privacy.citizen.keep.years', { months, years: months / 12 })
    : ctx.t('privacy.citizen.keep.months', { months });
}

function Rights({ ctx, m }: { ctx: PageContext; m: MunicipalityNotice }) {
  const { t } = ctx;
  return (
    <>
      <h2>{t('privacy.citizen.rights.heading')}</h2>
      <ul>
        <li>
          {t('privacy.citizen.rights.access')} {t('privacy.citizen.rights.accessAll')}{' '}
          <a href={PORTAL_MY_DATA}>{t('privacy.citizen.rights.accessLink')}</a>
        </li>
        <li>{t('privacy.citizen.rights.rectify')}</li>
        <li>{t('privacy.citizen.rights.restrict')}</li>
        {m.programmes.map(({ legalBasis }) => (
          <>
            <li>{t(`privacy.citizen.rights.erase.${legalBasis}`)}</li>
            <li>{t(`privacy.citizen.rights.object.${legalBasis}`)}</li>
          </>
        ))}
        <li>
          {t('privacy.citizen.rights.complain')}{' '}
          <a href={DATATILSYNET}>{t('privacy.citizen.rights.complainLink')}</a>
        </li>
      </ul>
    </>
  );
}

function How({ ctx, m }: { ctx: PageContext; m: MunicipalityNotice }) {
  const { t } = ctx;
  const contacts = m.programmes.flatMap((p) => (p.privacyContact === null ? [] : [p.privacyContact]));
  return (
    <>
      <h2>{t('privacy.citizen.how.heading')}</h2>
      <p>{t('privacy.citizen.how.support')}</p>
      {contacts.length > 0 ? (
        contacts.map((contact) => (
          <p>
            {t('privacy.citizen.how.contact')} <Contact contact={contact} />
          </p>
        ))
      ) : (
        <p>{t('privacy.citizen.how.municipality', { municipality: m.name })}</p>
      )}
      <p>{t('privacy.citizen.how.answer')}</p>
    </>
  );
}

/** What we keep and never keep, and who sees it. */
function Data({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <>
      <h2>{t('privacy.citizen.data.heading')}</h2>
      <ul>
        <li>{t('privacy.citizen.data.identity')}</li>
        <li>{t('privacy.citizen.data.contact')}</li>
        <li>{t('privacy.citizen.data.plan')}</li>
        <li>{t('privacy.citizen.data.notes')}</li>
        <li>{t('privacy.citizen.data.answers')}</li>
        <li>{t('privacy.citizen.data.money')}</li>
        <li>{t('privacy.citizen.data.baseline')}</li>
      </ul>
      <p>{t('privacy.citizen.data.never')}</p>

      <h2>{t('privacy.citizen.who.heading')}</h2>
      <ul>
        <li>{t('privacy.citizen.who.staff')}</li>
        <li>{t('privacy.citizen.who.finance')}</li>
        <li>{t('privacy.citizen.who.vendors')}</li>
        <li>{t('privacy.citizen.who.agency')}</li>
        <li>{t('privacy.citizen.who.none')}</li>
      </ul>
    </>
  );
}

export function PortalPrivacyPage({
  ctx,
  municipality: m,
}: {
  ctx: PageContext;
  municipality: MunicipalityNotice;
}) {
  const { t } = ctx;
  return (
    <PortalLayout ctx={ctx} title={t('privacy.citizen.title')}>
      <h1>{t('privacy.citizen.title')}</h1>
      <p class="font-lead">{t('privacy.citizen.lede', { municipality: m.name })}</p>

      <h2>{t('privacy.citizen.why.heading')}</h2>
      <ul>
        <li>{t('privacy.citizen.why.run')}</li>
        <li>{t('privacy.citizen.why.pay')}</li>
        <li>{t('privacy.citizen.why.evaluate')}</li>
      </ul>

      <h2>{t('privacy.citizen.basis.heading')}</h2>
      {m.programmes.map((p) => (
        <>
          <p>{t(`privacy.citizen.basis.${p.legalBasis}`)}</p>
          <p class="form-hint">{t(`privacy.citizen.basis.${p.legalBasis}.law`)}</p>
        </>
      ))}
      <p>{t('privacy.citizen.basis.cpr')}</p>

      <Data ctx={ctx} />

      <h2>{t('privacy.citizen.keep.heading')}</h2>
      {m.programmes.map((p) => (
        <p>{keepText(ctx, p.retentionMonths)}</p>
      ))}
      <p>{t('privacy.citizen.keep.hold')}</p>

      <Rights ctx={ctx} m={m} />
      <How ctx={ctx} m={m} />

      <h2>{t('privacy.citizen.log.heading')}</h2>
      <p>
        {t('privacy.citizen.log.text')} <a href={PORTAL_ACCESS_LOG}>{t('privacy.citizen.log.link')}</a>
      </p>

      <h2>{t('privacy.citizen.people.heading')}</h2>
      <p>{t('privacy.citizen.people.text')}</p>
    </PortalLayout>
  );
}
