import type { Context, Hono } from 'hono';
import { NotFound, type FieldErrors } from '../domain/errors.ts';
import { parseAnswerText } from '../domain/questionnaire/answers.ts';
import {
  currentInstrument,
  findInstrument,
  findItem,
  isInstrumentCode,
  type InstrumentCode,
} from '../domain/questionnaire/instrument.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { nestForm, readForm } from '../http/form.ts';
import type { Actor } from '../services/context.ts';
import type { Values } from './components/form.tsx';
import { pageContext } from './context.ts';
import { QuestionnairePage, questionnaireValues, type Saved } from './pages/questionnaire.page.tsx';
import { submitForm } from './form-route.ts';
import { purposeOf, requireActor } from './request.ts';

// A questionnaire of a case (spec: Questionnaires): the page with its items, and the form that
// saves it part-way or as complete. A bad answer shows the page again with the error summary and what
// was typed, and nothing is saved.

const SAVED: Record<string, Saved> = { delvist: 'partial', faerdigt: 'complete' };

/**
 * The form's answers as the service takes them: every item of the instrument's version, text read by
 * the domain (a rating as a number), an item without a choice as null (not answered). A field the
 * instrument does not have is passed on, to be refused by name.
 */
function answersFromForm(code: InstrumentCode, form: Record<string, unknown>): Record<string, unknown> {
  const def = findInstrument(code, Number(form.version)) ?? currentInstrument(code);
  const given =
    typeof form.answers === 'object' && form.answers !== null
      ? (form.answers as Record<string, unknown>)
      : {};
  const answers: Record<string, unknown> = {};
  for (const item of def.items) {
    const raw = given[item.id];
    if (item.kind === 'multi')
      answers[item.id] = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : null;
    else answers[item.id] = typeof raw === 'string' ? parseAnswerText(item, raw) : null;
  }
  for (const [id, raw] of Object.entries(given)) if (!findItem(def, id)) answers[id] = raw;
  return answers;
}

/**
 * The case's questionnaire pages are staff pages: a citizen answers theirs in the portal
 * (/borger/spoergeskemaer), and here gets "not found" even for their own case (spec: Own case only).
 */
function requireStaff(c: Context<AppEnv>): Actor {
  const actor = requireActor(c);
  if (actor.role === 'citizen') throw new NotFound();
  return actor;
}

export function registerQuestionnaireRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  const render = async (
    c: Context<AppEnv>,
    actor: Actor,
    problem: { values: Values; errors: FieldErrors } | null = null,
  ) => {
    const { case: data, questionnaire } = await services.questionnaires.get(
      actor,
      c.req.param('id') ?? '',
      c.req.param('instrument') ?? '',
      purposeOf(c),
    );
    return c.html(
      <QuestionnairePage
        ctx={pageContext(c)}
        data={data}
        q={questionnaire}
        values={problem?.values ?? questionnaireValues(questionnaire)}
        errors={problem?.errors}
        saved={problem ? undefined : SAVED[c.req.query('gemt') ?? '']}
      />,
      problem ? 422 : 200,
    );
  };

  app.get('/forloeb/:id/spoergeskemaer/:instrument', (c) => render(c, requireStaff(c)));

  app.post('/forloeb/:id/spoergeskemaer/:instrument', async (c) => {
    const actor = requireStaff(c);
    const id = c.req.param('id');
    const instrument = c.req.param('instrument');
    if (!isInstrumentCode(instrument)) throw new NotFound();
    const form = nestForm(await readForm(c));
    const complete = form.action === 'complete';
    return submitForm(
      async () => {
        await services.questionnaires.save(
          actor,
          id,
          instrument,
          {
            answers: answersFromForm(instrument, form),
            complete,
            answeredOn: typeof form.answeredOn === 'string' ? form.answeredOn : undefined,
          },
          purposeOf(c),
        );
        return c.redirect(
          `/forloeb/${id}/spoergeskemaer/${instrument}?gemt=${complete ? 'faerdigt' : 'delvist'}`,
          303,
        );
      },
      { invalid: (error) => render(c, actor, { values: form, errors: error.fields }) },
    );
  });
}
