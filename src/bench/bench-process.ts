import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

// The processes the bench measures: the app (bin/borgerbudget.js, whatever it runs) and the floor servers,
// each a child with its output kept — and printed whenever one stops on its own or fails to start.

const BIN = resolve(import.meta.dirname, '../../bin/borgerbudget.js');

export interface Proc {
  pid: number;
  port: number;
  /** From the spawn to the first 200 from /readyz. */
  startMs: number;
  output(): string;
  stop(): Promise<void>;
}

/** `borgerbudget <command>` as a server, ready. */
export function startApp(command: 'start' | 'serve', env: NodeJS.ProcessEnv): Promise<Proc> {
  return startProcess('the app', [BIN, command], env);
}

/** A floor server (`borgerbudget bench --floor`, bench-floor-server.ts), ready. */
export function startFloor(mode: 'hello' | 'one-query', env: NodeJS.ProcessEnv): Promise<Proc> {
  return startProcess(`the ${mode} floor`, [BIN, 'bench', '--floor', mode], env);
}

async function startProcess(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<Proc> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', BASE_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout.setEncoding('utf8').on('data', (s: string) => chunks.push(s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => chunks.push(s));
  const output = () => chunks.join('');
  // Until it is ready, a failure to start carries the output; after that, stopping by itself prints it.
  let stopping = true;
  child.once('exit', (code, signal) => {
    if (!stopping)
      console.error(`\n${name} (pid ${child.pid}) stopped by itself with ${code ?? signal}:\n${output()}`);
  });
  try {
    await ready(`http://127.0.0.1:${port}/readyz`, child);
  } catch (error) {
    await stop(child, 'SIGKILL');
    throw new Error(`${name} did not start: ${(error as Error).message}\n${output()}`, { cause: error });
  }
  stopping = false;
  return {
    pid: child.pid ?? 0,
    port,
    startMs: Math.round(performance.now() - started),
    output,
    stop: () => {
      stopping = true;
      return stop(child, 'SIGTERM');
    },
  };
}

async function ready(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`it exited with ${child.exitCode ?? child.signalCode}`);
    const ok = await fetch(url).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no answer from ${url} within five minutes`);
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill(signal);
  });
}

/** Resident memory of a process in MB, from /proc/<pid>/status (Linux); 0 where there is none. */
export function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** Samples a process's RSS every 100 ms until stopped; the highest seen. */
export function rssPeak(pid: number): () => number {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rssMb(pid));
  };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A borgerbudget command run to its end (demo, check-ledger); its output printed when it fails. */
export function runCommand(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; output: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  child.stdout.setEncoding('utf8').on('data', (s: string) => chunks.push(s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => chunks.push(s));
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      const output = chunks.join('');
      if (code === 0) done({ ms: Math.round(performance.now() - started), output });
      else fail(new Error(`borgerbudget ${args.join(' ')} exited with ${code ?? signal}:\n${output}`));
    });
  });
}
