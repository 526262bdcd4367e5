import type { Context, Hono } from 'hono';
import { NotFound } from '../../domain/errors.ts';
import { parseAnswerText } from '../../domain/questionnaire/answers.ts';
import type { ItemDefinition } from '../../domain/questionnaire/instrument.ts';
import type { AppDeps, AppEnv } from '../../http/env.ts';
import { message, translator, type Message } from '../../i18n/index.ts';
import { nestForm, readForm } from '../../http/form.ts';
import type { Actor } from '../../services/context.ts';
import type { QuestionnaireView } from '../../services/evaluation/questionnaire.service.ts';
import type { Services } from '../../services/index.ts';
import type { Values } from '../components/form.tsx';
import { pageContext } from '../context.ts';
import { submitForm } from '../form-route.ts';
import { AccessLogPageView, PORTAL_ACCESS_LOG } from './pages/access-log.page.tsx';
import { PersonalDataPage, PORTAL_MY_DATA, PORTAL_MY_DATA_JSON } from './pages/personal-data.page.tsx';
import {
  definitionOf,
  PORTAL_QUESTIONNAIRES,
  QuestionnaireListPage,
  QuestionStepPage,
  REVIEW_STEP,
  stepPath,
} from './pages/questionnaire.page.tsx';
import { QuestionReviewPage } from './pages/questionnaire-review.page.tsx';
import { download } from '../request.ts';
import { requireCitizen } from './guard.ts';

// The citizen's own pages about their data (spec: Citizen portal): the questionnaires one question per page,
// who has seen their information, and everything held about them. The case is always the citizen's own,
// found from the log-in by the services; no id is taken from the request. Staff get NotFound.
//
// The questionnaires reuse services.questionnaires — the one way answers are saved — on the
// citizen's own case: each step saves that one answer part-way; "Spring over" leaves it unanswered
// (and clears an earlier answer: a skipped question is a missing answer, never a guessed one); the
// last page sends the set as complete, which needs every question answered (spec: Portal questionnaires).

/** Only read for staff; a citizen's own reads are never logged, but the services ask for a purpose. */
const PURPOSE = 'GET /borger';

export function registerPortalSelfRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  // In this order: the review is matched before the steps ("send" is not a step number).
  registerQuestionnaireListRoutes(app, deps);
  registerQuestionnaireStepRoutes(app, deps);
  registerMyDataRoutes(app, deps);
}

/** The citizen's own questionnaire of an instrument. */
async function ownQuestionnaire(
  services: Services,
  actor: Actor,
  instrument: string,
): Promise<QuestionnaireView> {
  const caseId = await services.portal.ownCaseId(actor);
  return (await services.questionnaires.get(actor, caseId, instrument, PURPOSE)).questionnaire;
}

/** Saves answers to the citizen's own questionnaire, part-way unless `complete`. */
async function saveOwn(
  services: Services,
  actor: Actor,
  q: QuestionnaireView,
  answers: Record<string, unknown>,
  complete = false,
) {
  const caseId = await services.portal.ownCaseId(actor);
  await services.questionnaires.save(actor, caseId, q.instrument, { answers, complete }, PURPOSE);
}

/** The citizen's questionnaires, and checking and sending one. */
function registerQuestionnaireListRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  app.get(PORTAL_QUESTIONNAIRES, async (c) => {
    const actor = requireCitizen(c);
    const caseId = await services.portal.ownCaseId(actor);
    const data = await services.questionnaires.list(actor, caseId, PURPOSE);
    return c.html(
      <QuestionnaireListPage
        ctx={pageContext(c)}
        questionnaires={data.questionnaires}
        started={data.startDate !== null}
        sent={c.req.query('sendt') === '1'}
      />,
    );
  });

  // ---- Check and send (before the steps: "send" is not a step number)

  app.get(`${PORTAL_QUESTIONNAIRES}/:instrument/${REVIEW_STEP}`, async (c) => {
    const actor = requireCitizen(c);
    const q = await ownQuestionnaire(services, actor, c.req.param('instrument'));
    if (q.completedAt === null && !q.canAnswer) return c.redirect(PORTAL_QUESTIONNAIRES, 303);
    return c.html(<QuestionReviewPage ctx={pageContext(c)} q={q} />);
  });

  app.post(`${PORTAL_QUESTIONNAIRES}/:instrument/${REVIEW_STEP}`, async (c) => {
    const actor = requireCitizen(c);
    const q = await ownQuestionnaire(services, actor, c.req.param('instrument'));
    if (q.completedAt !== null) return c.redirect(stepPath(q.instrument, REVIEW_STEP), 303);
    return submitForm(
      async () => {
        await saveOwn(services, actor, q, {}, true);
        return c.redirect(`${PORTAL_QUESTIONNAIRES}?sendt=1`, 303);
      },
      {
        invalid: () => {
          const def = definitionOf(q);
          const refused = def.items.flatMap((item, i) => (q.answers[item.id] === undefined ? [i + 1] : []));
          return c.html(<QuestionReviewPage ctx={pageContext(c)} q={q} refused={refused} />, 422);
        },
      },
    );
  });
}

// ---- One question per page

/** The questionnaire and the item of the step; a step that is not a question is not found. */
async function stepOf(services: Services, c: Context<AppEnv>, actor: Actor) {
  const q = await ownQuestionnaire(services, actor, c.req.param('instrument') ?? '');
  const raw = c.req.param('step') ?? '';
  const step = /^[1-9]\d{0,2}$/.test(raw) ? Number(raw) : NaN;
  const item = definitionOf(q).items[step - 1];
  if (!item) throw new NotFound();
  return { q, step, item };
}

/** One question's page; `error` when its answer was refused. */
function renderStep(c: Context<AppEnv>, q: QuestionnaireView, step: number, values: Values, error?: Message) {
  const errors = error ? { [`answers.${definitionOf(q).items[step - 1]?.id ?? ''}`]: error } : undefined;
  return c.html(
    <QuestionStepPage ctx={pageContext(c)} q={q} step={step} values={values} errors={errors} />,
    error ? 422 : 200,
  );
}

/** A step's page, and its answer saved or skipped. */
function registerQuestionnaireStepRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  app.get(`${PORTAL_QUESTIONNAIRES}/:instrument/:step`, async (c) => {
    const actor = requireCitizen(c);
    const { q, step } = await stepOf(services, c, actor);
    // Sent answers are kept as sent; a questionnaire that is not open goes back to the list.
    if (q.completedAt !== null) return c.redirect(stepPath(q.instrument, REVIEW_STEP), 303);
    if (!q.canAnswer) return c.redirect(PORTAL_QUESTIONNAIRES, 303);
    return renderStep(c, q, step, { answers: q.answers });
  });

  app.post(`${PORTAL_QUESTIONNAIRES}/:instrument/:step`, async (c) => {
    const actor = requireCitizen(c);
    const { q, step, item } = await stepOf(services, c, actor);
    if (q.completedAt !== null) return c.redirect(stepPath(q.instrument, REVIEW_STEP), 303);
    if (!q.canAnswer) return c.redirect(PORTAL_QUESTIONNAIRES, 303);
    const form = nestForm(await readForm(c));
    const total = definitionOf(q).items.length;
    const next = step < total ? stepPath(q.instrument, step + 1) : stepPath(q.instrument, REVIEW_STEP);
    if (form.action === 'skip') {
      if (q.answers[item.id] !== undefined) await saveOwn(services, actor, q, { [item.id]: null });
      return c.redirect(next, 303);
    }
    const value = answerOf(item, form);
    if (value === null) return renderStep(c, q, step, form, message('portalSelf.q.chooseOne'));
    return submitForm(
      async () => {
        await saveOwn(services, actor, q, { [item.id]: value });
        return c.redirect(next, 303);
      },
      { invalid: () => renderStep(c, q, step, form, message('portalSelf.q.chooseOne')) },
    );
  });
}

/** Who has seen my information, and my data. */
function registerMyDataRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  // ---- Who has seen my information

  app.get(PORTAL_ACCESS_LOG, async (c) => {
    const actor = requireCitizen(c);
    const log = await services.portalAccessLog.page(actor, { page: c.req.query('side') });
    return c.html(<AccessLogPageView ctx={pageContext(c)} log={log} />);
  });

  // ---- My data

  app.get(PORTAL_MY_DATA, async (c) => {
    const actor = requireCitizen(c);
    const data = await services.personalData.ofMine(actor);
    return c.html(<PersonalDataPage ctx={pageContext(c)} data={data} />);
  });

  app.get(PORTAL_MY_DATA_JSON, async (c) => {
    const actor = requireCitizen(c);
    const data = await services.personalData.exportMine(actor);
    const day = data.exportedAt.toISOString().slice(0, 10);
    return download(
      c,
      `mine-data-${day}.json`,
      'application/json; charset=utf-8',
      `${JSON.stringify({ about: ABOUT, ...data }, null, 2)}\n`,
    );
  });
}

/** The file says what it is in both languages: it may be read by someone else than the citizen. */
const ABOUT = {
  da: translator('da')('portalSelf.data.aboutFile'),
  en: translator('en')('portalSelf.data.aboutFile'),
};

/** The step's answer as the service takes it: a list for a multi choice, a code or a number; null: none. */
function answerOf(item: ItemDefinition, form: Record<string, unknown>): unknown {
  const answers = (typeof form.answers === 'object' && form.answers !== null ? form.answers : {}) as Record<
    string,
    unknown
  >;
  const raw = answers[item.id];
  if (item.kind === 'multi') {
    const list = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : [];
    return list.length === 0 ? null : list;
  }
  return typeof raw === 'string' ? parseAnswerText(item, raw) : null;
}
