import type { FieldErrors } from '../../../domain/errors.ts';
import {
  findInstrument,
  type InstrumentCode,
  type InstrumentDefinition,
  type ItemDefinition,
} from '../../../domain/questionnaire/instrument.ts';
import type { QuestionnaireView } from '../../../services/evaluation/questionnaire.service.ts';
import { Alert } from '../../components/alert.tsx';
import { ErrorSummary, Form, fieldError, fieldId, type Values } from '../../components/form.tsx';
import type { PageContext } from '../../context.ts';
import { formatDate, labelOf } from '../../format.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { PortalLayout } from '../portal-layout.tsx';

// The citizen's questionnaires (spec: Portal questionnaires): a list of the two put to them, and
// each one a question per page ("Spørgsmål 2 af 7"), saved as they go, ending on a page to check the
// answers and send them as complete. Plain forms: everything works without JavaScript.
//
// The item texts and the answer labels are the instrument's own, word for word (WHO-5 is only
// comparable if asked as published). The paper form's instruction ("Sæt venligst ved hvert af de 5
// udsagn et kryds …") fits a grid of five statements, not one statement per page, so each WHO-5 page
// carries a short hint in the same sense instead. The last page, to check and send, is
// questionnaire-review.page.tsx.

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
function nextOpenStep(q: QuestionnaireView): number | typeof REVIEW_STEP {
  const def = definitionOf(q);
  const index = def.items.findIndex((i) => q.answers[i.id] === undefined);
  return index === -1 ? REVIEW_STEP : index + 1;
}

export function titleKey(code: InstrumentCode): MessageKey {
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
  const { t } = ctx;
  if (item.kind !== 'rating') {
    return item.scale.codes.map((c) => ({ value: c, label: labelOf(t, item.scale.labels[c]) ?? c }));
  }
  const values: number[] = [];
  for (let v = item.min; v <= item.max; v++) values.push(v);
  if (item.order === 'high_first') values.reverse();
  return values.map((v) => ({ value: String(v), label: labelOf(t, item.labels[v]) ?? String(v) }));
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
  const error = fieldError(ctx, errors, name);
  const multi = item.kind === 'multi';
  const picked = chosen(values, item.id);
  const hint = hintOf(ctx, item);
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
        <legend class="form-label">
          <h1 class="h2 mb-0">{ctx.t(item.text)}</h1>
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
