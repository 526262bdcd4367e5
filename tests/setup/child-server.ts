import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { inject } from 'vitest';

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
 * Node's arguments for `borgerbudget ARGS`: the command as this test run built it (global-build.ts),
 * what bin/borgerbudget.js runs from dist/, with stack traces that name the TypeScript sources.
 */
export function commandArgs(...args: string[]): string[] {
  return ['--enable-source-maps', inject('commandEntry'), ...args];
}

/** Starts `borgerbudget COMMAND` with `env` and waits until /readyz answers 200 on `port`. */
export async function startChildServer(
  command: 'start' | 'serve',
  env: NodeJS.ProcessEnv,
  port: number,
  startupMs: number,
): Promise<ChildServer> {
  const child = spawn(process.execPath, commandArgs(command), {
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
