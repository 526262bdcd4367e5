import type { Child } from 'hono/jsx';
import { LEGAL_BASES, type LegalBasis } from '../../domain/retention.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type {
  MunicipalityNotice,
  PrivacyNotice,
  ProgrammeNotice,
} from '../../services/privacy/privacy-notice.service.ts';
import { Layout, PRIVACY_NOTICE } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';

// The privacy notice for staff and visitors (spec: Privacy notice; GDPR art. 13 and 14): the data
// controller, purposes, legal basis, what is stored and never stored, recipients, retention, the citizen's
// rights and how to use them, and the access log. The parts that differ between municipalities come from
// the programme rows; the general notice names every municipality and explains both legal bases. The
// citizen's own version is in the portal (portal/portal-privacy.page.tsx).

/** The Danish Data Protection Agency, where a citizen complains (GDPR art. 77). */
export const DATATILSYNET = 'https://www.datatilsynet.dk';

/** The notice of one municipality's code (a visitor's or the national evaluator's choice). */
function municipalityPath(code: number): string {
  return `${PRIVACY_NOTICE}/${String(code)}`;
}

/**
 * The legal bases that apply, each with the heading of its rights when they differ: the programmes' names
 * when a municipality's programmes rest on different bases, and in the general notice "where the legal
 * basis is …" for each. One basis needs no heading.
 */
function basesOf(
  ctx: PageContext,
  municipality: MunicipalityNotice | null,
): { basis: LegalBasis; heading: string }[] {
  if (municipality === null) {
    return LEGAL_BASES.map((basis) => ({ basis, heading: ctx.t(`privacy.rights.basisGeneral.${basis}`) }));
  }
  return LEGAL_BASES.map((basis) => ({
    basis,
    names: municipality.programmes.filter((p) => p.legalBasis === basis).map((p) => p.name),
  }))
    .filter((b) => b.names.length > 0)
    .map(({ basis, names }) => ({
      basis,
      heading: ctx.t('privacy.rights.basisOf', { programmes: names.join(', ') }),
    }));
}

/** A privacy contact as given: an e-mail address as a link, anything else as text. */
export function Contact({ contact }: { contact: string }) {
  return /^[^\s@]+@[^\s@]+$/.test(contact) ? <a href={`mailto:${contact}`}>{contact}</a> : <>{contact}</>;
}

/** Lines of text as a list. */
function Items({ ctx, keys }: { ctx: PageContext; keys: readonly MessageKey[] }) {
  return (
    <ul>
      {keys.map((key) => (
        <li>{ctx.t(key)}</li>
      ))}
    </ul>
  );
}

/** A sentence per programme, with its name first. */
function PerProgramme({
  programmes,
  text,
}: {
  programmes: ProgrammeNotice[];
  text: (p: ProgrammeNotice) => string;
}) {
  return (
    <>
      {programmes.map((p) => (
        <p>
          <strong>{p.name}:</strong> {text(p)}
        </p>
      ))}
    </>
  );
}

function Controller({ ctx, notice }: { ctx: PageContext; notice: PrivacyNotice }) {
  const { t } = ctx;
  if (notice.kind === 'municipality') {
    return <p>{t('privacy.controller.one', { municipality: notice.municipality.name })}</p>;
  }
  if (notice.municipalities.length === 0) return <p>{t('privacy.controller.none')}</p>;
  return (
    <>
      <p>{t('privacy.controller.general')}</p>
      <ul class="privacy-municipalities">
        {notice.municipalities.map((m) => (
          <li>
            <a href={municipalityPath(m.code)}>{m.name}</a>
            <br />
            {m.programmes.length > 0
              ? t('privacy.controller.programmes', { names: m.programmes.join(', ') })
              : t('privacy.controller.noProgrammes')}
          </li>
        ))}
      </ul>
    </>
  );
}

function LegalBasisSection({ ctx, m }: { ctx: PageContext; m: MunicipalityNotice | null }) {
  const { t } = ctx;
  return (
    <>
      <h2>{t('privacy.basis.heading')}</h2>
      {m ? (
        <PerProgramme programmes={m.programmes} text={(p) => t(`privacy.basis.${p.legalBasis}`)} />
      ) : (
        <p>{t('privacy.basis.general')}</p>
      )}
      <p>{t('privacy.basis.cpr')}</p>
      <p>{t('privacy.basis.baseline')}</p>
    </>
  );
}

function RetentionSection({ ctx, m }: { ctx: PageContext; m: MunicipalityNotice | null }) {
  const { t } = ctx;
  return (
    <>
      <h2>{t('privacy.retention.heading')}</h2>
      {m ? (
        <PerProgramme
          programmes={m.programmes}
          text={(p) => t('privacy.retention.months', { months: p.retentionMonths })}
        />
      ) : (
        <p>{t('privacy.retention.general')}</p>
      )}
      <p>{t('privacy.retention.hold')}</p>
    </>
  );
}

/** One right: its name and article in bold, then what it means. */
function Right({ title, children }: { title: string; children: Child }) {
  return (
    <li>
      <strong>{title}:</strong> {children}
    </li>
  );
}

/** Erasure and objection (or withdrawing consent), which depend on the legal basis. */
function BasisRights({ ctx, basis }: { ctx: PageContext; basis: LegalBasis }) {
  const { t } = ctx;
  return (
    <>
      <Right title={t('privacy.rights.erasure.title')}>{t(`privacy.rights.erasure.${basis}`)}</Right>
      <Right title={t(`privacy.rights.object.${basis}.title`)}>{t(`privacy.rights.object.${basis}`)}</Right>
    </>
  );
}

function RightsSection({ ctx, m }: { ctx: PageContext; m: MunicipalityNotice | null }) {
  const { t } = ctx;
  const bases = basesOf(ctx, m);
  const only = bases.length === 1 ? bases[0] : undefined;
  return (
    <>
      <h2>{t('privacy.rights.heading')}</h2>
      <ul>
        <Right title={t('privacy.rights.access.title')}>{t('privacy.rights.access')}</Right>
        <Right title={t('privacy.rights.rectification.title')}>{t('privacy.rights.rectification')}</Right>
        <Right title={t('privacy.rights.restriction.title')}>{t('privacy.rights.restriction')}</Right>
        {only ? <BasisRights ctx={ctx} basis={only.basis} /> : null}
        <Right title={t('privacy.rights.complain.title')}>
          {t('privacy.rights.complain')} <a href={DATATILSYNET}>{t('privacy.rights.complainLink')}</a>
        </Right>
      </ul>
      {only || bases.length === 0 ? null : <p>{t('privacy.rights.byBasis')}</p>}
      {only
        ? null
        : bases.map(({ basis, heading }) => (
            <>
              <h3>{heading}</h3>
              <ul>
                <BasisRights ctx={ctx} basis={basis} />
              </ul>
            </>
          ))}
    </>
  );
}

function UseSection({ ctx, m }: { ctx: PageContext; m: MunicipalityNotice | null }) {
  const { t } = ctx;
  const withContact = m?.programmes.filter((p) => p.privacyContact !== null) ?? [];
  return (
    <>
      <h2>{t('privacy.use.heading')}</h2>
      <p>{t('privacy.use.support')}</p>
      {m === null ? <p>{t('privacy.use.general')}</p> : null}
      {withContact.map((p) => (
        <p>
          {t('privacy.use.contact', { programme: p.name })} <Contact contact={p.privacyContact ?? ''} />
        </p>
      ))}
      {m !== null && withContact.length < m.programmes.length ? (
        <p>{t('privacy.use.municipality', { municipality: m.name })}</p>
      ) : null}
      <p>{t('privacy.use.answer')}</p>
    </>
  );
}

/** What is stored and never stored, where it comes from, and who sees and receives it. */
function DataSection({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <>
      <h2>{t('privacy.data.heading')}</h2>
      <p>{t('privacy.data.intro')}</p>
      <Items
        ctx={ctx}
        keys={[
          'privacy.data.identity',
          'privacy.data.contact',
          'privacy.data.case',
          'privacy.data.plan',
          'privacy.data.notes',
          'privacy.data.answers',
          'privacy.data.baseline',
          'privacy.data.money',
        ]}
      />
      <p>{t('privacy.data.never')}</p>
      <p>{t('privacy.data.source')}</p>

      <h2>{t('privacy.recipients.heading')}</h2>
      <Items
        ctx={ctx}
        keys={[
          'privacy.recipients.internal',
          'privacy.recipients.vendors',
          'privacy.recipients.bank',
          'privacy.recipients.agency',
          'privacy.recipients.processor',
          'privacy.recipients.none',
        ]}
      />
    </>
  );
}

export function PrivacyNoticePage({ ctx, notice }: { ctx: PageContext; notice: PrivacyNotice }) {
  const { t, actor } = ctx;
  const m = notice.kind === 'municipality' ? notice.municipality : null;
  const title = t('privacy.title');
  // A reader without a municipality of their own can go back to the list of municipalities.
  const toAll = m !== null && (actor === null || actor.municipalityId === null);
  return (
    <Layout ctx={ctx} title={m ? `${title}: ${m.name}` : title} authority={m?.name}>
      <h1>{title}</h1>
      <p class="font-lead">
        {m ? t('privacy.lede.one', { municipality: m.name }) : t('privacy.lede.general')}
      </p>
      {toAll ? (
        <p>
          <a href={PRIVACY_NOTICE}>{t('privacy.allMunicipalities')}</a>
        </p>
      ) : null}

      <h2>{t('privacy.controller.heading')}</h2>
      <Controller ctx={ctx} notice={notice} />

      <h2>{t('privacy.purposes.heading')}</h2>
      <p>{t('privacy.purposes.intro')}</p>
      <Items ctx={ctx} keys={['privacy.purposes.run', 'privacy.purposes.pay', 'privacy.purposes.evaluate']} />

      <LegalBasisSection ctx={ctx} m={m} />

      <DataSection ctx={ctx} />

      <RetentionSection ctx={ctx} m={m} />
      <RightsSection ctx={ctx} m={m} />
      <UseSection ctx={ctx} m={m} />

      <h2>{t('privacy.log.heading')}</h2>
      <p>{t('privacy.log.text')}</p>

      <h2>{t('privacy.automated.heading')}</h2>
      <p>{t('privacy.automated.text')}</p>
    </Layout>
  );
}
