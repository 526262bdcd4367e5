import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

// The real `borgerbudget` server as a child process, for the tests that need a process to stop, kill or
// cut off from its database: the browser tests and the fault-injection suite.

const ROOT = resolve(import.meta.dirname, '../..');

export interface ChildServer {
  child: ChildProcess;
  /** Resolves with the exit code, or the signal's name when it was killed. */
  exited: Promise<number | string | null>;
  /** Everything the server printed, for a failure message. */
  output(): string;
}

/**
 * Starts `borgerbudget COMMAND` with `env` and waits until /readyz answers 200 on `port`. The command
 * is bin/borgerbudget.js, or `entry`: the same command built by buildServerEntry().
 */
export async function startChildServer(
  command: 'start' | 'serve',
  env: NodeJS.ProcessEnv,
  port: number,
  startupMs: number,
  entry = 'bin/borgerbudget.js',
): Promise<ChildServer> {
  const child = spawn(process.execPath, [entry, command], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout.setEncoding('utf8').on('data', (s: string) => chunks.push(s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => chunks.push(s));
  const exited = new Promise<number | string | null>((done) =>
    child.once('exit', (code, signal) => done(code ?? signal)),
  );
  const server = { child, exited, output: () => chunks.join('') };
  try {
    await waitUntilReady(`http://127.0.0.1:${port}/readyz`, server, startupMs);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  return server;
}

async function waitUntilReady(url: string, server: ChildServer, startupMs: number): Promise<void> {
  let gone: number | string | null | undefined;
  void server.exited.then((code) => (gone = code));
  const deadline = Date.now() + startupMs;
  while (Date.now() < deadline) {
    if (gone !== undefined)
      throw new Error(`The server exited with ${gone} before it was ready:\n${server.output()}`);
    const ready = await fetch(url).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ready) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`The server was not ready within ${startupMs} ms:\n${server.output()}`);
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/**
 * The borgerbudget command built into one JavaScript file, for a test that starts the server many times
 * (the fault test kills and restarts it dozens of times). bin/borgerbudget.js loads each of the app's
 * TypeScript files through tsx's loader, about a second of every start on a quiet machine and several
 * on a busy one; this file is the same source transformed by the same esbuild that tsx uses, with what
 * bin/borgerbudget.js does around it: run the command with the process's arguments and exit with its
 * code. Each module keeps its own import.meta.url, so the migrations and static files are found where
 * they are. The file sits in node_modules/.cache, where the app's packages resolve as from the source.
 * Returns its path and a function that removes it.
 */
export async function buildServerEntry(): Promise<{ entry: string; remove: () => void }> {
  const dir = join(ROOT, 'node_modules', '.cache', 'borgerbudget-tests');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, `server-${process.pid}-${Date.now()}.mjs`);
  const keepImportMeta: Plugin = {
    name: 'keep-import-meta',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/].*\.tsx?$/ }, (args) => ({
        contents: readFileSync(args.path, 'utf8')
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path))),
        loader: args.path.endsWith('x') ? 'tsx' : 'ts',
      }));
    },
  };
  await build({
    stdin: {
      contents: "import { run } from './src/app/main.ts';\nprocess.exit(await run(process.argv.slice(2)));\n",
      resolveDir: ROOT,
      sourcefile: 'server-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: entry,
    plugins: [keepImportMeta],
    logLevel: 'error',
  });
  return { entry, remove: () => rmSync(entry, { force: true }) };
}
