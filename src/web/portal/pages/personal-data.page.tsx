import { PREFERRED_LANGUAGE_LABELS } from '../../../domain/case-intake.ts';
import { findInstrument } from '../../../domain/questionnaire/instrument.ts';
import type { CaseData, PersonalData } from '../../../services/portal/personal-data.service.ts';
import type { HandledRequest } from '../../../services/privacy/data-subject-requests.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { SummaryTable } from '../../components/summary-table.tsx';
import type { PageContext } from '../../context.ts';
import { labelOf } from '../../format.ts';
import { PortalLayout } from '../portal-layout.tsx';
import { PORTAL_ACCESS_LOG, whenText, whoText } from './access-log.page.tsx';
import {
  caseRows,
  date,
  dateOf,
  Empty,
  HistorySection,
  label,
  NotesSection,
  PlanSection,
} from './personal-data-case.page.tsx';
import { PurchaseSection } from './personal-data-money.page.tsx';

// "Mine data" (GDPR art. 15; spec: Mine data): everything held about the citizen as a readable page, and the
// same as a JSON file. What is given and what is not, and why: services/personal-data.service.ts.

export const PORTAL_MY_DATA = '/borger/mine-data';
export const PORTAL_MY_DATA_JSON = '/borger/mine-data.json';

function PersonSection({ ctx, data }: { ctx: PageContext; data: PersonalData }) {
  const { t } = ctx;
  const p = data.person;
  return (
    <section class="mt-6" aria-labelledby="data-person">
      <h2 id="data-person">{t('portalSelf.data.person')}</h2>
      <SummaryTable
        caption={t('portalSelf.data.person')}
        rows={[
          [t('portalSelf.data.name'), p.name],
          [t('portalSelf.data.cpr'), p.maskedCpr],
          [t('portalSelf.data.birthDate'), date(ctx, p.birthDate)],
          [t('portalSelf.data.phone'), p.phone ?? t('portalSelf.data.none')],
          [t('portalSelf.data.email'), p.email ?? t('portalSelf.data.none')],
          [t('portalSelf.data.language'), label(ctx, PREFERRED_LANGUAGE_LABELS, p.preferredLanguage)],
          [t('portalSelf.data.login'), p.login ?? t('portalSelf.data.none')],
        ]}
      />
      <p class="form-hint">{t('portalSelf.data.cprHint')}</p>
    </section>
  );
}

/** A questionnaire's name: the citizen's own in the portal's words, the support person's by its title. */
function questionnaireTitle(ctx: PageContext, q: CaseData['questionnaires'][number]): string {
  if (q.instrument === 'citizen_end') return ctx.t('portalSelf.q.citizen_end');
  if (q.instrument === 'citizen_start') return ctx.t('portalSelf.q.citizen_start');
  return ctx.t(findInstrument(q.instrument, q.version)?.title ?? 'portalSelf.data.answers');
}

function AnswersSection({ ctx, c }: { ctx: PageContext; c: CaseData }) {
  const { t } = ctx;
  return (
    <>
      <h3>{t('portalSelf.data.answers')}</h3>
      {c.questionnaires.length === 0 ? <Empty ctx={ctx} /> : null}
      {c.questionnaires.map((q) => {
        const def = findInstrument(q.instrument, q.version);
        if (!def) return null;
        const title = questionnaireTitle(ctx, q);
        return (
          <>
            <h4>{title}</h4>
            <ul>
              {def.items.map((item) => {
                const value = q.answers[item.id];
                let answer = t('portalSelf.q.review.notAnswered');
                if (value !== undefined) {
                  if (item.kind === 'rating')
                    answer = labelOf(t, item.labels[Number(value)]) ?? String(value);
                  else {
                    const codes = Array.isArray(value) ? value : [String(value)];
                    answer = codes.map((code) => labelOf(t, item.scale.labels[code]) ?? code).join(', ');
                  }
                }
                return (
                  <li>
                    {t(item.text)}
                    <br />
                    <strong>{answer}</strong>
                  </li>
                );
              })}
            </ul>
          </>
        );
      })}
      {c.withheld.staffQuestionnaires > 0 ? (
        <p>{t('portalSelf.data.staffQuestionnaires', { count: c.withheld.staffQuestionnaires })}</p>
      ) : null}
    </>
  );
}

/** One case, as "Mine data" and the coordinator's full copy (pages/data-subject-copy.page.tsx) show it. */
export function CaseSection({ ctx, c }: { ctx: PageContext; c: CaseData }) {
  const { t } = ctx;
  const heading = t('portalSelf.data.case', { number: c.caseNumber });
  return (
    <section class="mt-8" aria-labelledby={`data-case-${c.caseNumber}`}>
      <h2 id={`data-case-${c.caseNumber}`}>{heading}</h2>
      <SummaryTable caption={heading} rows={caseRows(ctx, c)} />
      <HistorySection ctx={ctx} c={c} />
      <PlanSection ctx={ctx} c={c} />
      <PurchaseSection ctx={ctx} c={c} />
      <NotesSection ctx={ctx} c={c} />
      <AnswersSection ctx={ctx} c={c} />
    </section>
  );
}

const REQUEST_TEXTS: Record<HandledRequest['kind'], MessageKey> = {
  access: 'dataSubject.portal.kind.access',
  restriction: 'dataSubject.portal.kind.restriction',
  restriction_lifted: 'dataSubject.portal.kind.restriction_lifted',
  erasure: 'dataSubject.portal.kind.erasure',
};

/** What the citizen has asked the municipality to do with their data (spec: Data-subject requests). */
function RequestsSection({ ctx, requests }: { ctx: PageContext; requests: HandledRequest[] }) {
  const { t } = ctx;
  return (
    <section class="mt-8" aria-labelledby="data-requests">
      <h2 id="data-requests">{t('dataSubject.portal.title')}</h2>
      <p>{t('dataSubject.portal.intro')}</p>
      {requests.length === 0 ? (
        <p>{t('dataSubject.portal.none')}</p>
      ) : (
        <ul>
          {requests.map((r) => (
            <li>
              {t('dataSubject.portal.item', { date: dateOf(ctx, r.at), kind: t(REQUEST_TEXTS[r.kind]) })}
            </li>
          ))}
        </ul>
      )}
      <p>{t('dataSubject.portal.ask')}</p>
    </section>
  );
}

export function PersonalDataPage({ ctx, data }: { ctx: PageContext; data: PersonalData }) {
  const { t } = ctx;
  const latest = data.accessLog[0];
  return (
    <PortalLayout ctx={ctx} title={t('portalSelf.data.title')}>
      <h1>{t('portalSelf.data.title')}</h1>
      <p class="font-lead">{t('portalSelf.data.intro')}</p>
      <p>
        <a href={PORTAL_MY_DATA_JSON} class="button button-secondary" download>
          {t('portalSelf.data.download')}
        </a>
      </p>
      <p class="form-hint">{t('portalSelf.data.downloadHint')}</p>
      <PersonSection ctx={ctx} data={data} />
      {data.cases.map((c) => (
        <CaseSection ctx={ctx} c={c} />
      ))}
      <section class="mt-8" aria-labelledby="data-log">
        <h2 id="data-log">{t('portalSelf.data.accessLog')}</h2>
        <p>{t('portalSelf.data.accessLogCount', { count: data.accessLog.length })}</p>
        {latest ? (
          <p>
            {t('portalSelf.data.accessLogLatest', {
              when: whenText(ctx, latest.at),
              who: whoText(ctx, latest),
            })}
          </p>
        ) : null}
        <p>
          <a href={PORTAL_ACCESS_LOG}>{t('portalSelf.data.accessLogLink')}</a>
        </p>
      </section>
      <RequestsSection ctx={ctx} requests={data.requests} />
    </PortalLayout>
  );
}
