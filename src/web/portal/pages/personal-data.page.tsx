import {
  PREFERRED_LANGUAGE_LABELS,
  REFERRAL_SOURCE_LABELS,
  TARGET_GROUP_LABELS,
} from '../../../domain/case-intake.ts';
import { CASE_PHASE_LABELS } from '../../../domain/case-lifecycle.ts';
import { EXPENSE_CATEGORY_LABELS, type ExpenseCategory } from '../../../domain/expense-category.ts';
import { formatKr, type Ore } from '../../../domain/money.ts';
import {
  GOAL_CATEGORY_LABELS,
  SUB_GOAL_STATUS_LABELS,
  type GoalCategory,
  type SubGoalStatus,
} from '../../../domain/plan.ts';
import { PURCHASE_STATUS_LABELS } from '../../../domain/purchase-request.ts';
import { findInstrument } from '../../../domain/questionnaire/instrument.ts';
import { EDUCATION, INCOME_SOURCE } from '../../../domain/report/scales.ts';
import type { CaseData, PersonalData } from '../../../services/portal/personal-data.service.ts';
import { SummaryTable } from '../../components/summary-table.tsx';
import type { PageContext } from '../../context.ts';
import { formatDate } from '../../format.ts';
import { isMessageKey } from '../../../i18n/index.ts';
import { PortalLayout } from '../portal-layout.tsx';
import { PORTAL_ACCESS_LOG, whenText, whoText } from './access-log.page.tsx';

// "Mine data" (GDPR art. 15, issue 6): everything held about the citizen as a readable page, and the
// same as a JSON file. What is given and what is not, and why: services/personal-data.service.ts.

export const PORTAL_MY_DATA = '/borger/mine-data';
export const PORTAL_MY_DATA_JSON = '/borger/mine-data.json';

type Labels = Readonly<Record<string, { da: string; en: string } | undefined>>;

function label(ctx: PageContext, labels: Labels, code: string | null): string {
  if (code === null) return ctx.t('portalSelf.data.none');
  return labels[code]?.[ctx.lang] ?? code;
}

function date(ctx: PageContext, iso: string | null): string {
  return iso ? formatDate(iso, ctx.lang) : ctx.t('portalSelf.data.none');
}

function dateOf(ctx: PageContext, at: Date): string {
  return formatDate(at.toISOString().slice(0, 10), ctx.lang);
}

function Empty({ ctx }: { ctx: PageContext }) {
  return <p>{ctx.t('portalSelf.data.empty')}</p>;
}

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

function caseRows(ctx: PageContext, c: CaseData): [string, string][] {
  const { t } = ctx;
  const rows: [string, string][] = [
    [t('portalSelf.data.programme'), c.programme],
    [t('portalSelf.data.phase'), label(ctx, CASE_PHASE_LABELS, c.phase)],
    [
      t('portalSelf.data.referred'),
      `${date(ctx, c.referral.referredOn)}. ${label(ctx, REFERRAL_SOURCE_LABELS, c.referral.source)}.`,
    ],
    [t('portalSelf.data.referralReason'), c.referral.reason],
  ];
  if (c.startDate) rows.push([t('portalSelf.data.start'), date(ctx, c.startDate)]);
  if (c.endDate && !c.closed) rows.push([t('portalSelf.data.end'), date(ctx, c.endDate)]);
  if (c.closed) rows.push([t('portalSelf.data.closed'), date(ctx, c.closed.on)]);
  if (c.intake.consent && c.intake.targetGroups.length > 0) {
    rows.push([
      t('portalSelf.data.targetGroups'),
      c.intake.targetGroups.map((g) => label(ctx, TARGET_GROUP_LABELS, g)).join(', '),
    ]);
  }
  if (c.intake.incomeSource)
    rows.push([t('portalSelf.data.income'), label(ctx, INCOME_SOURCE.labels, c.intake.incomeSource)]);
  if (c.intake.highestEducation) {
    rows.push([t('portalSelf.data.education'), label(ctx, EDUCATION.labels, c.intake.highestEducation)]);
  }
  return rows;
}

function eventText(ctx: PageContext, type: string): string {
  const key = `event.${type}`;
  return isMessageKey(key) ? ctx.t(key) : type;
}

function HistorySection({ ctx, c }: { ctx: PageContext; c: CaseData }) {
  const { t } = ctx;
  const last = c.supportPersons.at(-1);
  return (
    <>
      <h3>{t('portalSelf.data.history')}</h3>
      <ul>
        {c.history.map((e) => (
          <li>
            {`${date(ctx, e.date ?? e.at.toISOString().slice(0, 10))}: ${eventText(ctx, e.type)}`}
            {e.reason ? `. ${e.reason}` : ''}
          </li>
        ))}
      </ul>
      {c.pauses.length > 0 ? (
        <>
          <h3>{t('portalSelf.data.pauses')}</h3>
          <ul>
            {c.pauses.map((p) => (
              <li>
                {t('portalSelf.data.pause', {
                  from: date(ctx, p.from),
                  to: date(ctx, p.to),
                  reason: p.reason,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t('portalSelf.data.supportPersons')}</h3>
      {last ? (
        <ul>
          {c.supportPersons.map((s) => (
            <li>
              {s.to
                ? t('portalSelf.data.supportPersonUntil', {
                    name: s.name,
                    from: date(ctx, s.from),
                    to: date(ctx, s.to),
                  })
                : t('portalSelf.data.supportPerson', { name: s.name, from: date(ctx, s.from) })}
            </li>
          ))}
        </ul>
      ) : (
        <Empty ctx={ctx} />
      )}
      {c.conditions ? (
        <p>{t('portalSelf.data.conditions', { date: date(ctx, c.conditions.acknowledgedOn) })}</p>
      ) : null}
    </>
  );
}

function PlanSection({ ctx, c }: { ctx: PageContext; c: CaseData }) {
  const { t } = ctx;
  const { plan } = c;
  return (
    <>
      <h3>{t('portalSelf.data.plan')}</h3>
      <p>
        <strong>{t('portalSelf.data.dream')}:</strong>{' '}
        {plan.dream === '' ? t('portalSelf.data.none') : plan.dream}
      </p>
      {plan.goals.map((g) => (
        <p>
          <strong>{t('portalSelf.data.goal')}:</strong> {g.description}{' '}
          {`(${g.categories.map((k) => label(ctx, GOAL_CATEGORY_LABELS, k as GoalCategory)).join(', ')})`}
        </p>
      ))}
      {plan.subGoals.length > 0 ? (
        <ul>
          {plan.subGoals.map((s) => (
            <li>
              {`${t('portalSelf.data.subGoal')}: ${s.description}. ${label(ctx, SUB_GOAL_STATUS_LABELS, s.status as SubGoalStatus)}.`}
              {s.activities.length > 0 ? (
                <ul>
                  {s.activities.map((a) => (
                    <li>
                      {a.description}
                      {a.estimatedCostOre !== null ? `: ${formatKr(a.estimatedCostOre as Ore)}` : ''}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p>{t('portalSelf.data.revisionCount', { count: c.planRevisions.length })}</p>
      <h3>{t('portalSelf.data.ideas')}</h3>
      {c.ideas.length === 0 ? (
        <Empty ctx={ctx} />
      ) : (
        <ul>
          {c.ideas.map((i) => (
            <li>{i.text}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The status of a request in everyday words (the staff pages' words are the case-work terms). */
function statusText(ctx: PageContext, status: string): string {
  const key = `portalSelf.status.${status}`;
  return isMessageKey(key) ? ctx.t(key) : label(ctx, PURCHASE_STATUS_LABELS, status);
}

function PurchaseSection({ ctx, c }: { ctx: PageContext; c: CaseData }) {
  const { t } = ctx;
  return (
    <>
      <h3>{t('portalSelf.data.purchases')}</h3>
      {c.purchases.length === 0 ? (
        <Empty ctx={ctx} />
      ) : (
        <ul class="nobullet-list">
          {c.purchases.map((p) => (
            <li class="mb-4">
              <strong>{p.title}</strong>
              <br />
              {`${formatKr(p.amountOre as Ore)} ${statusText(ctx, p.status)}.`}
              <br />
              {`${label(ctx, EXPENSE_CATEGORY_LABELS, p.category as ExpenseCategory)}.${p.vendor ? ` ${p.vendor}.` : ''}`}
              {p.attachments.length > 0 ? (
                <>
                  <br />
                  {`${t('portalSelf.data.col.files')}: ${p.attachments.map((a) => a.fileName).join(', ')}`}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('portalSelf.data.payments')}</h3>
      {c.withheld.grantHidden ? <p>{t('portalSelf.data.grantHidden')}</p> : null}
      {c.ledger.length === 0 ? (
        <Empty ctx={ctx} />
      ) : (
        <ul>
          {c.ledger.map((e) => (
            <li>
              {`${e.paidOn ? date(ctx, e.paidOn) : dateOf(ctx, e.postedAt)}: ${ledgerText(ctx, e.kind)}, ${formatKr(e.amountOre as Ore)}`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ledgerText(ctx: PageContext, kind: string): string {
  const key = `portalSelf.ledger.${kind}`;
  return isMessageKey(key) ? ctx.t(key) : kind;
}

function NotesSection({ ctx, c }: { ctx: PageContext; c: CaseData }) {
  const { t } = ctx;
  return (
    <>
      <h3>{t('portalSelf.data.notes')}</h3>
      {c.notes.length === 0 ? (
        <Empty ctx={ctx} />
      ) : (
        <ul class="nobullet-list">
          {c.notes.map((n) => (
            <li class="mb-4">
              <strong>{`${date(ctx, n.writtenOn)}, ${whoText(ctx, n.by)}:`}</strong>
              <br />
              {n.body}
            </li>
          ))}
        </ul>
      )}
      {c.withheld.internalNotes > 0 ? (
        <p>
          {c.withheld.internalNotes === 1
            ? t('portalSelf.data.internalNote')
            : t('portalSelf.data.internalNotes', { count: c.withheld.internalNotes })}
        </p>
      ) : null}
    </>
  );
}

function AnswersSection({ ctx, c }: { ctx: PageContext; c: CaseData }) {
  const { t, lang } = ctx;
  return (
    <>
      <h3>{t('portalSelf.data.answers')}</h3>
      {c.questionnaires.length === 0 ? <Empty ctx={ctx} /> : null}
      {c.questionnaires.map((q) => {
        const def = findInstrument(q.instrument, q.version);
        if (!def) return null;
        const title = t(
          q.instrument === 'citizen_end' ? 'portalSelf.q.citizen_end' : 'portalSelf.q.citizen_start',
        );
        return (
          <>
            <h4>{title}</h4>
            <ul>
              {def.items.map((item) => {
                const value = q.answers[item.id];
                let answer = t('portalSelf.q.review.notAnswered');
                if (value !== undefined) {
                  if (item.kind === 'rating') answer = item.labels[Number(value)]?.[lang] ?? String(value);
                  else {
                    const codes = Array.isArray(value) ? value : [String(value)];
                    answer = codes.map((code) => item.scale.labels[code]?.[lang] ?? code).join(', ');
                  }
                }
                return (
                  <li>
                    {item.text[lang]}
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

function CaseSection({ ctx, c }: { ctx: PageContext; c: CaseData }) {
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
    </PortalLayout>
  );
}
