import { setTimeout as sleep } from 'node:timers/promises';

export interface Answered<T> {
  startedAt: number;
  endedAt: number;
  value?: T;
  error?: unknown;
}

/**
 * A steady load: `workers` loops, each sending its next request as soon as the last one
 * was answered, until stopped. Every answer is kept with when it was asked and answered,
 * so a test can sort them by what was happening then (the database down, a drain).
 */
export function steadyLoad<T>(workers: number, send: (worker: number) => Promise<T>) {
  const answered: Answered<T>[] = [];
  let stopped = false;
  const loops = Array.from({ length: workers }, async (_, worker) => {
    while (!stopped) {
      const startedAt = Date.now();
      try {
        const value = await send(worker);
        answered.push({ startedAt, endedAt: Date.now(), value });
      } catch (error) {
        answered.push({ startedAt, endedAt: Date.now(), error });
        await sleep(20); // a refused connection answers at once: do not spin
      }
    }
  });
  return {
    answered,
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return answered;
    },
  };
}

/** Polls `check` until it is true, or fails after `timeoutMs` saying what it waited for. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
  everyMs = 50,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
