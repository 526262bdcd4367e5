// A background job of the running server: it runs after `firstAfterMs`, then every `everyMs`, one run at a
// time (a run that outlasts its interval is not overtaken by the next). `stop` ends the timers and
// resolves once a run under way has finished, so the server closes the database only after it.

export interface RepeatedJob {
  stop(): Promise<void>;
}

export function repeat(
  run: () => Promise<void>,
  {
    everyMs,
    firstAfterMs,
    onError,
  }: { everyMs: number; firstAfterMs: number; onError: (err: unknown) => void },
): RepeatedJob {
  let current: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (current || stopped) return;
    current = run()
      .catch(onError)
      .finally(() => {
        current = null;
      });
  };
  const first = setTimeout(tick, firstAfterMs);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await current;
    },
  };
}
