import type { Context, Hono } from 'hono';
import type { Conflict, FieldErrors } from '../domain/errors.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { nestForm, readForm } from '../http/form.ts';
import type { Actor } from '../services/context.ts';
import type { Services } from '../services/index.ts';
import type { Values } from './components/form.tsx';
import { pageContext } from './context.ts';
import { submitForm } from './form-route.ts';
import { FullCopyPage } from './pages/data-subject-copy.page.tsx';
import { ErasePage } from './pages/data-subject-erase.page.tsx';
import { PrivacyPage, privacyPath } from './pages/data-subject.page.tsx';
import { doneNotice, download, group, prefixed, purposeOf, requireActor } from './request.ts';

// The case's page about the citizen's personal data and the requests about it
// (spec: Data-subject requests): each route parses the request, calls one service and renders. The
// coordinator's only; the services answer anyone else, and a case of another municipality, with "not
// found".

/** The notices after a 303, named in the address (`?besked=…`). */
const NOTICES = {
  tilbageholdt: 'dataSubject.done.hold',
  frigivet: 'dataSubject.done.holdLifted',
  begraenset: 'dataSubject.done.restricted',
  ophaevet: 'dataSubject.done.restrictionLifted',
  slettet: 'dataSubject.done.erased',
} as const;

type CaseCommand = (
  s: Services,
  actor: Actor,
  caseId: string,
  input: Record<string, unknown>,
) => Promise<unknown>;

/** The privacy page's forms: path, prefix, the field an error of the whole form belongs to, the call, the notice. */
const COMMANDS: [string, string, string, CaseCommand, keyof typeof NOTICES][] = [
  ['tilbageholdelse', 'hold', 'reason', (s, a, id, v) => s.retention.setLegalHold(a, id, v), 'tilbageholdt'],
  ['tilbageholdelse/ophaev', 'holdLift', 'x', (s, a, id) => s.retention.liftLegalHold(a, id), 'frigivet'],
  ['begraensning', 'restrict', 'reason', (s, a, id, v) => s.dataSubject.restrict(a, id, v), 'begraenset'],
  [
    'begraensning/ophaev',
    'lift',
    'note',
    (s, a, id, v) => s.dataSubject.liftRestriction(a, id, v),
    'ophaevet',
  ],
];

export function registerPrivacyRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const { services } = deps;

  const renderPrivacy = async (
    c: Context<AppEnv>,
    actor: Actor,
    id: string,
    shown: { values?: Values; errors?: FieldErrors; refused?: Conflict } = {},
  ) => {
    const view = await services.dataSubject.privacy(actor, id, purposeOf(c));
    const status = shown.errors ? 422 : shown.refused ? 409 : 200;
    return c.html(
      <PrivacyPage
        ctx={pageContext(c)}
        view={view}
        values={shown.values}
        errors={shown.errors}
        notice={doneNotice(c, 'besked', NOTICES)}
        refused={shown.refused?.userMessage}
      />,
      status,
    );
  };

  app.get('/forloeb/:id/persondata', (c) => renderPrivacy(c, requireActor(c), c.req.param('id')));

  for (const [path, prefix, first, run, notice] of COMMANDS) {
    app.post(`/forloeb/:id/persondata/${path}`, async (c) => {
      const actor = requireActor(c);
      const id = c.req.param('id');
      const form = nestForm(await readForm(c));
      return submitForm(
        async () => {
          await run(services, actor, id, group(form, prefix));
          return c.redirect(`${privacyPath(id)}?besked=${notice}`, 303);
        },
        {
          invalid: (error) =>
            renderPrivacy(c, actor, id, { values: form, errors: prefixed(error.fields, prefix, first) }),
          refused: (error) => renderPrivacy(c, actor, id, { refused: error }),
        },
      );
    });
  }

  registerCopyRoute(app, deps, renderPrivacy);
  registerEraseRoutes(app, deps);
}

type RenderPrivacy = (
  c: Context<AppEnv>,
  actor: Actor,
  id: string,
  shown?: { values?: Values; errors?: FieldErrors },
) => Promise<Response>;

/**
 * The full copy: the command's answer is the page to print or the JSON file. Neither is kept for a
 * repeat of the post (it would store the citizen's data with the idempotency key): a repeat goes back
 * to the privacy page.
 */
function registerCopyRoute(app: Hono<AppEnv>, { services }: AppDeps, renderPrivacy: RenderPrivacy): void {
  app.post('/forloeb/:id/persondata/kopi', async (c) => {
    const actor = requireActor(c);
    const id = c.req.param('id');
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        const copy = await services.dataSubject.fullCopy(actor, id, group(form, 'copy'), purposeOf(c));
        c.header('X-Replay-As', privacyPath(id));
        if (form.format === 'json') {
          const day = copy.exportedAt.toISOString().slice(0, 10);
          return download(
            c,
            `persondata-${day}.json`,
            'application/json; charset=utf-8',
            `${JSON.stringify(copy, null, 2)}\n`,
          );
        }
        c.header('Cache-Control', 'no-store');
        return c.html(<FullCopyPage ctx={pageContext(c)} copy={copy} caseId={id} />);
      },
      {
        invalid: (error) =>
          renderPrivacy(c, actor, id, { values: form, errors: prefixed(error.fields, 'copy', 'note') }),
      },
    );
  });
}

/** Erasure, confirmed on a page of its own (spec: Erasure). */
function registerEraseRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  /** The page; a refused post (422 for the box not ticked, 409 when erasure is not possible) shows it again. */
  const renderErase = async (
    c: Context<AppEnv>,
    actor: Actor,
    id: string,
    refused?: { status: 409 | 422; values?: Values; errors?: FieldErrors },
  ) => {
    const view = await services.dataSubject.privacy(actor, id, purposeOf(c));
    return c.html(
      <ErasePage ctx={pageContext(c)} view={view} values={refused?.values} errors={refused?.errors} />,
      refused?.status ?? 200,
    );
  };

  app.get('/forloeb/:id/persondata/sletning', (c) => renderErase(c, requireActor(c), c.req.param('id')));

  app.post('/forloeb/:id/persondata/sletning', async (c) => {
    const actor = requireActor(c);
    const id = c.req.param('id');
    const form = nestForm(await readForm(c));
    return submitForm(
      async () => {
        await services.dataSubject.erase(actor, id, form);
        return c.redirect(`${privacyPath(id)}?besked=slettet`, 303);
      },
      {
        invalid: (error) => renderErase(c, actor, id, { status: 422, values: form, errors: error.fields }),
        refused: () => renderErase(c, actor, id, { status: 409 }),
      },
    );
  });
}
