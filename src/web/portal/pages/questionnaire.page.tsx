import type { FieldErrors } from '../../../domain/errors.ts';
import {
  findInstrument,
  type InstrumentCode,
  type InstrumentDefinition,
  type ItemDefinition,
} from '../../../domain/questionnaire/instrument.ts';
import type { QuestionnaireView } from '../../../services/evaluation/questionnaire.service.ts';
import { Alert } from '../../components/alert.tsx';
import { ErrorSummary, Form, fieldId, type Values } from '../../components/form.tsx';
import type { PageContext } from '../../context.ts';
import { formatDate } from '../../format.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { PortalLayout } from '../portal-layout.tsx';

// The citizen's questionnaires (spec: Portal questionnaires): a list of the two put to them, and
// each one a question per page ("Spørgsmål 2 af 7"), saved as they go, ending on a page to check the
// answers and send them as complete. Plain forms: everything works without JavaScript.
//
// The item texts and the answer labels are the instrument's own, word for word (WHO-5 is only
// comparable if asked as published). The paper form's instruction ("Sæt venligst ved hvert af de 5
// udsagn et kryds …") fits a grid of five statements, not one statement per page, so each WHO-5 page
// carries a short hint in the same sense instead.

export const PORTAL_QUESTIONNAIRES = '/borger/spoergeskemaer';
export const REVIEW_STEP = 'send';

export function stepPath(code: InstrumentCode, step: number | typeof REVIEW_STEP): string {
  return `${PORTAL_QUESTIONNAIRES}/${code}/${String(step)}`;
}

export function definitionOf(q: QuestionnaireView): InstrumentDefinition {
  const def = findInstrument(q.instrument, q.version);
  if (!def) throw new Error(`No version ${q.version} of ${q.instrument}`);
  return def;
}

/** The first step without an answer (the review page when all are answered). */
export function nextOpenStep(q: QuestionnaireView): number | typeof REVIEW_STEP {
  const def = definitionOf(q);
  const index = def.items.findIndex((i) => q.answers[i.id] === undefined);
  return index === -1 ? REVIEW_STEP : index + 1;
}

function titleKey(code: InstrumentCode): MessageKey {
  return code === 'citizen_end' ? 'portalSelf.q.citizen_end' : 'portalSelf.q.citizen_start';
}

function statusText(ctx: PageContext, q: QuestionnaireView, phaseStarted: boolean): string {
  const { t, lang } = ctx;
  if (q.completedAt !== null)
    return t('portalSelf.q.status.done', { date: formatDate(q.answeredOn ?? '', lang) });
  if (!q.canAnswer) return t(phaseStarted ? 'portalSelf.q.status.notYet' : 'portalSelf.q.status.notStarted');
  const total = definitionOf(q).items.length;
  const answered = total - q.missing.length;
  return answered === 0
    ? t('portalSelf.q.status.new')
    : t('portalSelf.q.status.partway', { answered, total });
}

function QuestionnaireCard({
  ctx,
  q,
  started,
}: {
  ctx: PageContext;
  q: QuestionnaireView;
  started: boolean;
}) {
  const { t } = ctx;
  const title = t(titleKey(q.instrument));
  const total = definitionOf(q).items.length;
  let link: { href: string; label: string; primary: boolean } | null = null;
  if (q.completedAt !== null)
    link = { href: stepPath(q.instrument, REVIEW_STEP), label: t('portalSelf.q.show'), primary: false };
  else if (q.canAnswer) {
    const fresh = q.missing.length === total;
    link = {
      href: stepPath(q.instrument, nextOpenStep(q)),
      label: t(fresh ? 'portalSelf.q.start' : 'portalSelf.q.continue'),
      primary: true,
    };
  }
  return (
    <section class="mt-6" aria-labelledby={`q-${q.instrument}`}>
      <h2 id={`q-${q.instrument}`} class="h3">
        {title}
      </h2>
      <p>{statusText(ctx, q, started)}</p>
      {link ? (
        <a
          href={link.href}
          class={`button ${link.primary ? 'button-primary' : 'button-secondary'}`}
          aria-label={`${link.label}: ${title}`}
        >
          {link.label}
        </a>
      ) : null}
    </section>
  );
}

export function QuestionnaireListPage({
  ctx,
  questionnaires,
  started,
  sent,
}: {
  ctx: PageContext;
  questionnaires: QuestionnaireView[];
  /** Whether the case has started (before that, nothing can be answered). */
  started: boolean;
  sent: boolean;
}) {
  const { t } = ctx;
  return (
    <PortalLayout ctx={ctx} title={t('portalSelf.q.title')}>
      {sent ? (
        <Alert kind="success" iconLabel={t('common.saved')}>
          <p>{t('portalSelf.q.sent')}</p>
        </Alert>
      ) : null}
      <h1>{t('portalSelf.q.title')}</h1>
      <p class="font-lead">{t('portalSelf.q.intro')}</p>
      <p>{t('portalSelf.q.intro2')}</p>
      <p>{t('portalSelf.q.why')}</p>
      {questionnaires.map((q) => (
        <QuestionnaireCard ctx={ctx} q={q} started={started} />
      ))}
    </PortalLayout>
  );
}

// ---- One question per page

function optionsOf(ctx: PageContext, item: ItemDefinition): { value: string; label: string }[] {
  const { lang } = ctx;
  if (item.kind !== 'rating') {
    return item.scale.codes.map((c) => ({ value: c, label: item.scale.labels[c]?.[lang] ?? c }));
  }
  const values: number[] = [];
  for (let v = item.min; v <= item.max; v++) values.push(v);
  if (item.order === 'high_first') values.reverse();
  return values.map((v) => ({ value: String(v), label: item.labels[v]?.[lang] ?? String(v) }));
}

function hintOf(ctx: PageContext, item: ItemDefinition): string {
  if (item.kind === 'multi') return ctx.t('portalSelf.q.multiHint');
  if (item.kind === 'rating' && item.group === 'who5') return ctx.t('portalSelf.q.who5Hint');
  return ctx.t('portalSelf.q.singleHint');
}

function chosen(values: Values, id: string): string[] {
  const answers = (values.answers ?? {}) as Record<string, unknown>;
  const v = answers[id];
  if (Array.isArray(v)) return v.map(String);
  return typeof v === 'string' || typeof v === 'number' ? [String(v)] : [];
}

/** The question as the form's legend (the page's heading), its choices, and the two buttons. */
function QuestionField({
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
  const name = `answers.${item.id}`;
  const id = fieldId(name);
  const error = errors?.[name];
  const multi = item.kind === 'multi';
  const picked = chosen(values, item.id);
  const hint = hintOf(ctx, item);
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
        <legend class="form-label">
          <h1 class="h2 mb-0">{item.text[ctx.lang]}</h1>
        </legend>
        <span class="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
        {error ? (
          <span class="form-error-message" id={`${id}-error`}>
            <span class="sr-only">{ctx.t('error.prefix')}</span>
            {error}
          </span>
        ) : null}
        {optionsOf(ctx, item).map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${o.value}`;
          return (
            <div class={multi ? 'form-group-checkbox' : 'form-group-radio'}>
              <input
                type={multi ? 'checkbox' : 'radio'}
                class={multi ? 'form-checkbox' : 'form-radio'}
                id={optionId}
                name={name}
                value={o.value}
                checked={picked.includes(o.value)}
              />
              <label class="form-label" for={optionId}>
                {o.label}
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

export function QuestionStepPage({
  ctx,
  q,
  step,
  values,
  errors,
}: {
  ctx: PageContext;
  q: QuestionnaireView;
  step: number;
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const def = definitionOf(q);
  const item = def.items[step - 1];
  if (!item) throw new Error(`No step ${step}`);
  const total = def.items.length;
  const progress = t('portalSelf.q.step', { step, total });
  return (
    <PortalLayout ctx={ctx} title={`${progress}: ${t(titleKey(q.instrument))}`} hasErrors={!!errors}>
      {step > 1 ? (
        <p>
          <a href={stepPath(q.instrument, step - 1)} class="back-link">
            {t('portalSelf.q.back', { step: step - 1 })}
          </a>
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="mb-2">
        <strong>{progress}</strong>
      </p>
      <Form ctx={ctx} action={stepPath(q.instrument, step)}>
        <input type="hidden" name="version" value={String(q.version)} />
        <QuestionField ctx={ctx} item={item} values={values} errors={errors} />
        <div class="button-group">
          <button type="submit" name="action" value="next" class="button button-primary">
            {t('portalSelf.q.next')}
          </button>
          <button type="submit" name="action" value="skip" class="button button-secondary">
            {t('portalSelf.q.skip')}
          </button>
        </div>
      </Form>
      <p class="mt-6">{t('portalSelf.q.saveNote')}</p>
      <p>
        <a href={PORTAL_QUESTIONNAIRES}>{t('portalSelf.q.stop')}</a>
      </p>
    </PortalLayout>
  );
}

// ---- Check and send

function answerText(
  ctx: PageContext,
  item: ItemDefinition,
  value: string | number | string[] | undefined,
): string {
  if (value === undefined) return ctx.t('portalSelf.q.review.notAnswered');
  const { lang } = ctx;
  if (item.kind === 'rating') return item.labels[Number(value)]?.[lang] ?? String(value);
  const label = (c: string) => item.scale.labels[c]?.[lang] ?? c;
  return Array.isArray(value) ? value.map(label).join(', ') : label(String(value));
}

/** The error summary's links go to the steps themselves, where the answer is given. */
function MissingSummary({ ctx, q, steps }: { ctx: PageContext; q: QuestionnaireView; steps: number[] }) {
  if (steps.length === 0) return null;
  return (
    <div class="alert alert-error mt-0 mb-8" role="alert" tabindex={-1} data-module="error-summary">
      <div class="alert-body">
        <h2 class="alert-heading">{ctx.t('error.summary')}</h2>
        <ul class="alert-text nobullet-list">
          {steps.map((step) => (
            <li>
              <a class="function-link" href={stepPath(q.instrument, step)}>
                {ctx.t('portalSelf.q.review.answerMissing', { step })}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function QuestionReviewPage({
  ctx,
  q,
  refused,
}: {
  ctx: PageContext;
  q: QuestionnaireView;
  /** Set when "Send" was refused: the steps still without an answer. */
  refused?: number[] | undefined;
}) {
  const { t, lang } = ctx;
  const def = definitionOf(q);
  const done = q.completedAt !== null;
  const missing = def.items.flatMap((item, i) => (q.answers[item.id] === undefined ? [i + 1] : []));
  const title = done ? t(titleKey(q.instrument)) : t('portalSelf.q.review.title');
  return (
    <PortalLayout ctx={ctx} title={title} hasErrors={!!refused}>
      {refused ? <MissingSummary ctx={ctx} q={q} steps={refused} /> : null}
      <h1>{title}</h1>
      {done ? (
        <p>{t('portalSelf.q.review.done', { date: formatDate(q.answeredOn ?? '', lang) })}</p>
      ) : (
        <p>{t('portalSelf.q.review.intro')}</p>
      )}
      {!done && missing.length > 0 && !refused ? (
        <Alert kind="warning" iconLabel={t('portalSelf.q.review.notAnswered')}>
          <p>{t('portalSelf.q.review.missing', { count: missing.length })}</p>
        </Alert>
      ) : null}
      <ol class="portal-answers">
        {def.items.map((item, i) => (
          <li class="mb-5">
            <p class="mb-1">{item.text[lang]}</p>
            <p class="mt-0 mb-1">
              <strong>{answerText(ctx, item, q.answers[item.id])}</strong>
            </p>
            {done ? null : (
              <a
                href={stepPath(q.instrument, i + 1)}
                aria-label={t('portalSelf.q.review.editLabel', { step: i + 1 })}
              >
                {t('portalSelf.q.review.edit')}
              </a>
            )}
          </li>
        ))}
      </ol>
      {done ? null : (
        <Form ctx={ctx} action={stepPath(q.instrument, REVIEW_STEP)}>
          <button type="submit" class="button button-primary">
            {t('portalSelf.q.review.send')}
          </button>
        </Form>
      )}
      <p class="mt-6">
        <a href={PORTAL_QUESTIONNAIRES}>{t('portalSelf.q.review.toList')}</a>
      </p>
    </PortalLayout>
  );
}
