import type { FieldErrors } from '../../domain/errors.ts';
import { DUE_STATUS_LABELS, type DueStatus } from '../../domain/questionnaire/due.ts';
import {
  findInstrument,
  type InstrumentDefinition,
  type ItemDefinition,
  type RatingItem,
} from '../../domain/questionnaire/instrument.ts';
import { WHO5_INSTRUCTION, WHO5_TITLE, who5ScoreOf } from '../../domain/questionnaire/who5.ts';
import type {
  CaseQuestionnaires,
  QuestionnaireView,
} from '../../services/evaluation/questionnaire.service.ts';
import { Alert } from '../components/alert.tsx';
import { DataTable } from '../components/data-table.tsx';
import { CheckboxGroup, Form, RadioGroup, TextField, type Values } from '../components/form.tsx';
import { SummaryTable } from '../components/summary-table.tsx';
import type { PageContext } from '../context.ts';
import { formatDate, labelOf } from '../format.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { CaseFrame } from './case-frame.page.tsx';

// The questionnaires of a case (spec: Questionnaires): a section on the case page listing
// the four with their status in words, and a page per questionnaire with its items — WHO-5 as radio
// groups with the official labels, goal categories as checkboxes — saved part-way or as complete.

export type Saved = 'partial' | 'complete';

function definitionOf(q: QuestionnaireView): InstrumentDefinition {
  const def = findInstrument(q.instrument, q.version);
  if (!def) throw new Error(`No version ${q.version} of ${q.instrument}`);
  return def;
}

function statusBadge(status: DueStatus): string {
  const kind: Record<DueStatus, string> = {
    not_due: '',
    due: 'badge-info',
    overdue: 'badge-warning',
    done: 'badge-success',
  };
  return `badge ${kind[status]}`.trim();
}

function StatusText({ ctx, q }: { ctx: PageContext; q: QuestionnaireView }) {
  const total = definitionOf(q).items.length;
  const partway = q.status !== 'done' && q.updatedAt !== null;
  return (
    <>
      <span class={statusBadge(q.status)}>{ctx.t(DUE_STATUS_LABELS[q.status])}</span>
      {partway ? (
        <>
          {' '}
          <span class="form-hint d-block">
            {ctx.t('questionnaires.partway', { answered: total - q.missing.length, total })}
          </span>
        </>
      ) : null}
    </>
  );
}

function savedText(ctx: PageContext, q: QuestionnaireView): string {
  if (q.answeredOn === null) return '–';
  const when = formatDate(q.answeredOn, ctx.lang);
  const text = q.savedBy ? ctx.t('questionnaire.lastSavedBy', { date: when, name: q.savedBy.name }) : when;
  return q.onBehalf ? `${text} (${ctx.t('questionnaires.onBehalf')})` : text;
}

/** The case page's section: the four questionnaires, their status, and a link to each. */
export function QuestionnaireSection({ ctx, data }: { ctx: PageContext; data: CaseQuestionnaires }) {
  const { t } = ctx;
  const caption = t('questionnaires.title');
  return (
    <section class="mt-6" id="spoergeskemaer">
      <h2>{caption}</h2>
      <p>{t('questionnaires.intro')}</p>
      <DataTable
        caption={caption}
        scroll
        rows={data.questionnaires}
        columns={[
          {
            header: t('questionnaires.col.instrument'),
            cell: (q) => {
              const title = t(definitionOf(q).title);
              return (
                <a
                  href={`/forloeb/${data.caseId}/spoergeskemaer/${q.instrument}`}
                  aria-label={`${q.canAnswer ? t('questionnaires.answer') : t('questionnaires.show')}: ${title}`}
                >
                  {title}
                </a>
              );
            },
          },
          { header: t('questionnaires.col.status'), cell: (q) => <StatusText ctx={ctx} q={q} /> },
          { header: t('questionnaires.col.saved'), cell: (q) => savedText(ctx, q) },
        ]}
      />
    </section>
  );
}

/** The form's values from the saved answers (numbers and codes as the form posts them). */
export function questionnaireValues(q: QuestionnaireView): Values {
  const answers = Object.fromEntries(
    Object.entries(q.answers).map(([id, v]) => [id, Array.isArray(v) ? v : String(v)]),
  );
  return { answers };
}

function ratingOptions(ctx: PageContext, item: RatingItem) {
  const values: number[] = [];
  for (let v = item.min; v <= item.max; v++) values.push(v);
  if (item.order === 'high_first') values.reverse();
  return values.map((v) => ({ value: String(v), label: `${labelOf(ctx.t, item.labels[v]) ?? v} (${v})` }));
}

function ItemField({
  ctx,
  item,
  values,
  errors,
}: {
  ctx: PageContext;
  item: ItemDefinition;
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const common = { ctx, name: `answers.${item.id}`, label: t(item.text), values, errors };
  if (item.kind === 'rating') return <RadioGroup {...common} options={ratingOptions(ctx, item)} />;
  const options = item.scale.codes.map((c) => ({ value: c, label: labelOf(t, item.scale.labels[c]) ?? c }));
  return item.kind === 'multi' ? (
    <CheckboxGroup {...common} options={options} />
  ) : (
    <RadioGroup {...common} options={options} />
  );
}

/** The items in order; the WHO-5 statements under their heading and the official instruction. */
function Items({
  ctx,
  def,
  values,
  errors,
}: {
  ctx: PageContext;
  def: InstrumentDefinition;
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const who5 = def.items.filter((i) => i.kind === 'rating' && i.group === 'who5');
  const firstWho5 = who5[0];
  return (
    <>
      {def.items.map((item) => {
        if (item.kind === 'rating' && item.group === 'who5') {
          if (item !== firstWho5) return null;
          return (
            <section class="mt-6 mb-6">
              <h2 class="h3">{ctx.t(WHO5_TITLE)}</h2>
              <p>{ctx.t(WHO5_INSTRUCTION)}</p>
              {who5.map((w) => (
                <ItemField ctx={ctx} item={w} values={values} errors={errors} />
              ))}
            </section>
          );
        }
        return <ItemField ctx={ctx} item={item} values={values} errors={errors} />;
      })}
    </>
  );
}

function answerText(
  ctx: PageContext,
  item: ItemDefinition,
  value: string | number | string[] | undefined,
): string {
  if (value === undefined) return ctx.t('questionnaire.notAnswered');
  const { t } = ctx;
  if (item.kind === 'rating')
    return `${labelOf(t, item.labels[Number(value)]) ?? String(value)} (${String(value)})`;
  const label = (c: string) => labelOf(t, item.scale.labels[c]) ?? c;
  return Array.isArray(value) ? value.map(label).join(', ') : label(String(value));
}

/**
 * Each item's answer in words; with WHO-5, the score (spec: WHO-5): the sum × 4, only when all five are
 * answered.
 */
function answerRows(ctx: PageContext, def: InstrumentDefinition, q: QuestionnaireView): [string, string][] {
  const rows = def.items.map((item): [string, string] => [
    ctx.t(item.short),
    answerText(ctx, item, q.answers[item.id]),
  ]);
  if (!def.items.some((i) => i.kind === 'rating' && i.group === 'who5')) return rows;
  const score = who5ScoreOf(q.answers);
  rows.push([
    ctx.t('questionnaire.who5Score'),
    score === null ? ctx.t('questionnaire.who5ScoreMissing') : String(score),
  ]);
  return rows;
}

function closedNotice(ctx: PageContext, data: CaseQuestionnaires, q: QuestionnaireView): MessageKey {
  if (q.entry === null) return 'questionnaire.readOnly';
  return data.startDate === null ? 'questionnaire.notStarted' : 'questionnaire.notDue';
}

export function QuestionnairePage({
  ctx,
  data,
  q,
  values,
  errors,
  saved,
}: {
  ctx: PageContext;
  data: CaseQuestionnaires;
  q: QuestionnaireView;
  values: Values;
  errors?: FieldErrors | undefined;
  saved?: Saved | undefined;
}) {
  const { t } = ctx;
  const def = definitionOf(q);
  const title = t('questionnaire.title', { title: t(def.title), number: data.caseNumber });
  const total = def.items.length;
  return (
    <CaseFrame
      ctx={ctx}
      title={title}
      back={`/forloeb/${data.caseId}#spoergeskemaer`}
      caseNumber={data.caseNumber}
      citizenName={data.citizenName}
      errors={errors}
    >
      {saved ? (
        <Alert kind="success" iconLabel={t('common.saved')}>
          <p>{t(saved === 'complete' ? 'questionnaire.completed' : 'questionnaire.saved')}</p>
        </Alert>
      ) : null}
      <h1>{title}</h1>
      <SummaryTable
        caption={title}
        rows={[
          [t('questionnaire.status'), t(DUE_STATUS_LABELS[q.status])],
          [
            t('questionnaire.answered'),
            t('questionnaire.answeredCount', { answered: total - q.missing.length, total }),
          ],
          [t('questionnaire.lastSaved'), savedText(ctx, q)],
        ]}
      />
      {q.canAnswer ? (
        <AnswerForm ctx={ctx} data={data} q={q} values={values} errors={errors} />
      ) : (
        <>
          <p class="mt-6">{t(closedNotice(ctx, data, q))}</p>
          <SummaryTable caption={t('questionnaire.answersCaption')} rows={answerRows(ctx, def, q)} />
        </>
      )}
    </CaseFrame>
  );
}

/** The answers to save part-way or as complete, and the date they were given. */
function AnswerForm({
  ctx,
  data,
  q,
  values,
  errors,
}: {
  ctx: PageContext;
  data: CaseQuestionnaires;
  q: QuestionnaireView;
  values: Values;
  errors: FieldErrors | undefined;
}) {
  const { t } = ctx;
  return (
    <Form ctx={ctx} action={`/forloeb/${data.caseId}/spoergeskemaer/${q.instrument}`} class="mt-6">
      <input type="hidden" name="version" value={String(q.version)} />
      {q.entry === 'on_behalf' ? (
        <Alert kind="info" iconLabel={t('questionnaires.onBehalf')}>
          <p>{t('questionnaire.onBehalfNotice')}</p>
        </Alert>
      ) : null}
      <p>{t('questionnaire.partwayHint')}</p>
      <Items ctx={ctx} def={definitionOf(q)} values={values} errors={errors} />
      <TextField
        ctx={ctx}
        name="answeredOn"
        type="date"
        label={t('questionnaire.answeredOn')}
        hint={t('questionnaire.answeredOnHint')}
        values={values}
        errors={errors}
      />
      <button type="submit" name="action" value="partial" class="button button-secondary mr-4">
        {t('questionnaire.savePartial')}
      </button>
      <button type="submit" name="action" value="complete" class="button button-primary">
        {t('questionnaire.saveComplete')}
      </button>
    </Form>
  );
}
