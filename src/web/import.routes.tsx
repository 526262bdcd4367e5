import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { readForm } from '../http/form.ts';
import { pageContext } from './context.ts';
import { readList } from './list-query.ts';
import { IMPORT_HISTORY, IMPORT_HISTORY_QUERY, ImportHistoryPage } from './pages/import-history.page.tsx';
import { ImportPage } from './pages/import.page.tsx';
import { download, requireActor } from './request.ts';

// The coordinator's import page (formats: CSV import): the upload form, and the import itself
// through the same service as `borgerbudget import`. A refused import changes nothing and answers 422
// with every wrong row; a successful one shows what was imported (a repeat of the same submit is
// answered from the idempotency store, so a double click imports once). The earlier imports are a list of
// their own, for whoever may import.

export function registerImportRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  app.get('/import', (c) => {
    services.imports.assertMayImport(requireActor(c));
    return c.html(<ImportPage ctx={pageContext(c)} />);
  });

  app.get(IMPORT_HISTORY, async (c) => {
    const actor = requireActor(c);
    const list = await readList(c, IMPORT_HISTORY_QUERY, (input) =>
      services.importHistory.page(actor, input),
    );
    return c.html(<ImportHistoryPage ctx={pageContext(c)} list={list} />);
  });

  // An example of one file, built from the importer's own column list (formats: CSV import).
  app.get('/import/eksempel/:file', (c) => {
    const file = c.req.param('file');
    const csv = services.imports.exampleFile(requireActor(c), file);
    return download(c, file, 'text/csv; charset=utf-8', csv);
  });

  app.post('/import', async (c) => {
    const actor = requireActor(c);
    services.imports.assertMayImport(actor);
    const form = await readForm(c);
    const given = form.files;
    const chosen = (Array.isArray(given) ? given : given === undefined ? [] : [given]).filter(
      (f): f is File => typeof f !== 'string' && f.size > 0,
    );
    if (chosen.length === 0) return c.html(<ImportPage ctx={pageContext(c)} noFiles />, 422);
    const files = await Promise.all(
      chosen.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    const result = await services.imports.importFiles(actor, files);
    if (!result.ok) return c.html(<ImportPage ctx={pageContext(c)} errors={result.errors} />, 422);
    return c.html(<ImportPage ctx={pageContext(c)} done={result.summary} />);
  });
}
