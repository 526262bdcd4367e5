import { NEXT_STEP_LABELS, NEXT_STEPS, type NextStep } from '../../domain/case-next-step.ts';
import { EXPENSE_CATEGORY_LABELS, type ExpenseCategory } from '../../domain/expense-category.ts';
import { formatKr, ore } from '../../domain/money.ts';
import { currentInstrument, isInstrumentCode } from '../../domain/questionnaire/instrument.ts';
import type { WorkGroup, WorkItem, WorkKind } from '../../services/work/work-item.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { PageContext } from '../context.ts';
import { formatDate, formatDateOf } from '../format.ts';

// "Venter på dig" on a staff front page (spec: Work lists): every group that has something, with its
// complete count, each item a sentence linking to the page where it is done, oldest first.

export function WorkList({ ctx, groups }: { ctx: PageContext; groups: readonly WorkGroup[] }) {
  const { t } = ctx;
  const waiting = groups.filter((g) => g.count > 0);
  return (
    <section class="mt-6 mb-6" aria-labelledby="work-heading">
      <h2 id="work-heading">{t('work.heading')}</h2>
      {waiting.length === 0 ? <p>{t('work.empty')}</p> : waiting.map((g) => <Group ctx={ctx} group={g} />)}
    </section>
  );
}

/** Each kind's heading and sentence. */
const TEXTS: Readonly<Record<WorkKind, { heading: MessageKey; item: MessageKey }>> = {
  approval: { heading: 'work.approval.heading', item: 'work.approval.item' },
  referral: { heading: 'work.referral.heading', item: 'work.referral.item' },
  unassigned: { heading: 'work.unassigned.heading', item: 'work.unassigned.item' },
  periodEnding: { heading: 'work.periodEnding.heading', item: 'work.periodEnding.item' },
  questionnaireOverdue: {
    heading: 'work.questionnaireOverdue.heading',
    item: 'work.questionnaireOverdue.item',
  },
  proposed: { heading: 'work.proposed.heading', item: 'work.proposed.item' },
  awaitingCitizen: { heading: 'work.awaitingCitizen.heading', item: 'work.awaitingCitizen.item' },
  returned: { heading: 'work.returned.heading', item: 'work.returned.item' },
  questionnaireDue: { heading: 'work.questionnaireDue.heading', item: 'work.questionnaireDue.item' },
  receiptMissing: { heading: 'work.receiptMissing.heading', item: 'work.receiptMissing.item' },
  nextStep: { heading: 'work.nextStep.heading', item: 'work.nextStep.item' },
  payment: { heading: 'work.payment.heading', item: 'work.payment.item' },
  receiptOverdue: { heading: 'work.receiptOverdue.heading', item: 'work.receiptOverdue.item' },
  paymentFileUnsent: { heading: 'work.paymentFileUnsent.heading', item: 'work.paymentFileUnsent.item' },
  userWithoutLogin: { heading: 'work.userWithoutLogin.heading', item: 'work.userWithoutLogin.item' },
  tokenExpiring: { heading: 'work.tokenExpiring.heading', item: 'work.tokenExpiring.item' },
  report: { heading: 'work.report.heading', item: 'work.report.item' },
};

/** Kinds with one standing item: its sentence says all, with neither a count nor a "since". */
const STANDING: ReadonlySet<WorkKind> = new Set(['report']);

function Group({ ctx, group }: { ctx: PageContext; group: WorkGroup }) {
  const { t } = ctx;
  const id = `work-${group.kind}`;
  const standing = STANDING.has(group.kind);
  return (
    <section class="mt-5" aria-labelledby={id}>
      <h3 id={id} class="h4">
        {t(TEXTS[group.kind].heading)}
        {standing ? null : (
          <>
            {' '}
            <span class="badge badge-info">{t('work.count', { count: group.count })}</span>
          </>
        )}
      </h3>
      <ul class="nobullet-list">
        {group.items.map((item) => (
          <li class="mb-3">
            <a href={item.href}>{t(TEXTS[item.kind].item, sentenceParams(ctx, item))}</a>
            {item.fourEyes ? (
              <>
                {' '}
                <span class="badge badge-warning">{t('work.fourEyes')}</span>
              </>
            ) : null}
            {standing ? null : (
              <>
                <br />
                <span class="form-hint">{t('work.since', { date: formatDateOf(item.since, ctx.lang) })}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      {group.count > group.items.length ? (
        <p class="form-hint">{t('work.more', { shown: group.items.length, count: group.count })}</p>
      ) : null}
    </section>
  );
}

/** The item's values in the reader's words: amounts and dates formatted, codes as their labels. */
function sentenceParams(ctx: PageContext, item: WorkItem): Record<string, string | number> {
  const { t, lang } = ctx;
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(item.params)) {
    if (name === 'amountOre') out.amount = formatKr(ore(Number(value)));
    else if (name.endsWith('On') && typeof value === 'string')
      out[name] = value ? formatDate(value, lang) : '–';
    else out[name] = codeLabel(ctx, name, String(value)) ?? value;
  }
  if (out.vendor === '') out.vendor = t('work.vendor.none');
  return out;
}

function codeLabel(ctx: PageContext, name: string, code: string): string | undefined {
  const { t } = ctx;
  if (name === 'step' && (NEXT_STEPS as readonly string[]).includes(code))
    return t(NEXT_STEP_LABELS[code as NextStep]);
  if (name === 'instrument' && isInstrumentCode(code)) return t(currentInstrument(code).title);
  if (name === 'category' && code in EXPENSE_CATEGORY_LABELS)
    return t(EXPENSE_CATEGORY_LABELS[code as ExpenseCategory]);
  if (name === 'role') return t(`role.${code}` as MessageKey);
  return undefined;
}
