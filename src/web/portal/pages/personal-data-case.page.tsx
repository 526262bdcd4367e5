import { REFERRAL_SOURCE_LABELS, TARGET_GROUP_LABELS } from '../../../domain/case-intake.ts';
import { CASE_PHASE_LABELS } from '../../../domain/case-lifecycle.ts';
import { formatKr, type Ore } from '../../../domain/money.ts';
import {
  GOAL_CATEGORY_LABELS,
  SUB_GOAL_STATUS_LABELS,
  type GoalCategory,
  type SubGoalStatus,
} from '../../../domain/plan.ts';
import { EDUCATION, INCOME_SOURCE } from '../../../domain/report/scales.ts';
import { caseEventSentence } from '../../../services/cases/case-record.ts';
import type { CaseData } from '../../../services/portal/personal-data.service.ts';
import type { PageContext } from '../../context.ts';
import { formatDate, formatDateOf, labelOf } from '../../format.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { whoText } from './access-log.page.tsx';

// Parts of a case in "Mine data" (spec: Mine data): its facts, history, plan and notes as the citizen reads
// them, and how the page writes a code, a date or nothing.

type Labels = Readonly<Record<string, MessageKey | undefined>>;

export function label(ctx: PageContext, labels: Labels, code: string | null): string {
  if (code === null) return ctx.t('portalSelf.data.none');
  return labelOf(ctx.t, labels[code]) ?? code;
}

export function date(ctx: PageContext, iso: string | null): string {
  return iso ? formatDate(iso, ctx.lang) : ctx.t('portalSelf.data.none');
}

export function dateOf(ctx: PageContext, at: Date): string {
  return formatDateOf(at, ctx.lang);
}

export function Empty({ ctx }: { ctx: PageContext }) {
  return <p>{ctx.t('portalSelf.data.empty')}</p>;
}

export function caseRows(ctx: PageContext, c: CaseData): [string, string][] {
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
  if (c.lastDay && !c.closed) rows.push([t('portalSelf.data.end'), date(ctx, c.lastDay)]);
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

export function HistorySection({ ctx, c }: { ctx: PageContext; c: CaseData }) {
  const { t } = ctx;
  const last = c.supportPersons.at(-1);
  return (
    <>
      <h3>{t('portalSelf.data.history')}</h3>
      <ul>
        {c.history.map((e) => (
          <li>
            {`${e.date ? date(ctx, e.date) : dateOf(ctx, e.at)}: ${ctx.t(caseEventSentence(e.type))}`}
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

export function PlanSection({ ctx, c }: { ctx: PageContext; c: CaseData }) {
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

export function NotesSection({ ctx, c }: { ctx: PageContext; c: CaseData }) {
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
              {/* Only the coordinator's full copy holds internal notes (spec: Full copy). */}
              {n.internal ? ` ${t('dataSubject.copy.internalNote')}` : ''}
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
