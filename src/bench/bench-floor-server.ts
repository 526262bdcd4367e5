import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { openDatabase } from '../db/client.ts';

// The bench's floors for pages, each a separate process on the app's server stack (@hono/node-server),
// measured over HTTP like the app:
//   hello      Hono's hello-world: what the server stack costs with no work at all.
//   one-query  GET /forloeb/:id runs ONE indexed SELECT (the case by its primary key) through the app's
//              database client and pool (src/db/client.ts, the same options as the app), in a
//              transaction as every page's, and renders a small HTML page: the least any page of the app
//              can do. A separate small server rather than a route in the app, so the app has no
//              bench-only code path; it opens the same DATABASE_URL or DATA_DIR as the app, which is
//              stopped meanwhile (PGlite's data folder has one process at a time).
// Run as `borgerbudget bench --floor <mode>` (bench-process.ts), so it is the same build as the app; PORT,
// DATABASE_URL and DATA_DIR from the environment. Serves until SIGTERM.

export async function serveFloor(mode: string | undefined): Promise<number> {
  const app = new Hono();
  let close = () => Promise.resolve();
  if (mode === 'hello') {
    app.get('/', (c) => c.text('Hello, world!'));
  } else if (mode === 'one-query') {
    const database = await openDatabase({
      databaseUrl: process.env.DATABASE_URL || undefined,
      dataDir: process.env.DATA_DIR ?? 'data',
    });
    close = () => database.close();
    app.get('/forloeb/:id', async (c) => {
      const row = await database.transaction('all', (tx) =>
        tx
          .selectFrom('citizen_case')
          .select(['id', 'case_number', 'phase', 'referred_on'])
          .where('id', '=', c.req.param('id'))
          .executeTakeFirst(),
      );
      if (!row) return c.notFound();
      return c.html(
        html`<!doctype html>
          <html lang="da">
            <head>
              <meta charset="utf-8" />
              <title>Forløb ${row.case_number}</title>
            </head>
            <body>
              <main>
                <h1>Forløb ${row.case_number}</h1>
                <p>Fase: ${row.phase}. Henvist ${row.referred_on}.</p>
              </main>
            </body>
          </html>`,
      );
    });
  } else {
    throw new Error(`--floor must be hello or one-query, got "${mode ?? ''}".`);
  }
  app.get('/readyz', (c) => c.text('ok'));
  const server = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
  await new Promise((done) => process.once('SIGTERM', done));
  await new Promise((done) => server.close(done));
  await close();
  return 0;
}
