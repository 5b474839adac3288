import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

/** What one pass of a task reports: `more` runs the next pass at once (a backlog), else after the interval. */
export type PassOutcome = { readonly more: boolean } | void;

export type ScheduledTask = {
  readonly name: string;
  /** Pause after a pass that left nothing to do. */
  readonly intervalMilliseconds: number;
  /** Wait one interval before the first pass (timers), instead of starting at once (log followers). */
  readonly delayFirstPass?: boolean;
  readonly run: (signal: AbortSignal) => Promise<PassOutcome>;
};

export type SchedulerOptions = {
  readonly log?: (message: string) => void;
  /** Longest pause after repeated failures. */
  readonly maxBackoffMilliseconds?: number;
};

/** The pause after `failures` failed passes in a row: doubling from 200 ms, never below the interval. */
export function backoffMilliseconds(failures: number, intervalMilliseconds: number, maxMilliseconds = 30_000): number {
  return Math.max(intervalMilliseconds, Math.min(maxMilliseconds, 200 * 2 ** Math.min(failures, 8)));
}

/**
 * The one loop behind every piece of background work (projections, reactors,
 * the SLA watch, the log sealer, report drafting): each task runs its passes
 * one after another, never two at once, pauses between them, and backs off
 * after failures instead of stopping. `stop()` waits for running passes.
 */
export class Scheduler {
  private readonly lastErrors = new Map<string, string>();
  private readonly log: (message: string) => void;
  private running: AbortController | undefined;
  private loops: Promise<void>[] = [];

  constructor(
    readonly tasks: readonly ScheduledTask[],
    private readonly options: SchedulerOptions = {},
  ) {
    this.log = options.log ?? (() => undefined);
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  start(): void {
    if (this.running || this.tasks.length === 0) return;
    const abort = new AbortController();
    // One waiting sleep per task listens on this signal at a time: not a leak.
    setMaxListeners(this.tasks.length + 1, abort.signal);
    this.running = abort;
    this.loops = this.tasks.map((task) => this.follow(task, abort.signal));
  }

  async stop(): Promise<void> {
    this.running?.abort();
    await Promise.all(this.loops);
    this.running = undefined;
    this.loops = [];
  }

  /** The message of the task's last failure; null once a pass succeeds again. */
  lastError(name: string): string | null {
    return this.lastErrors.get(name) ?? null;
  }

  private async follow(task: ScheduledTask, signal: AbortSignal): Promise<void> {
    let failures = 0;
    if (task.delayFirstPass) await sleep(task.intervalMilliseconds, undefined, { signal }).catch(() => undefined);
    while (!signal.aborted) {
      let pause: number;
      try {
        const outcome = await task.run(signal);
        failures = 0;
        this.lastErrors.delete(task.name);
        pause = outcome?.more ? 0 : task.intervalMilliseconds;
      } catch (error) {
        failures += 1;
        const message = error instanceof Error ? error.message : String(error);
        this.lastErrors.set(task.name, message);
        this.log(`${task.name} failed (attempt ${failures}): ${message}`);
        pause = backoffMilliseconds(failures, task.intervalMilliseconds, this.options.maxBackoffMilliseconds);
      }
      if (pause > 0 && !signal.aborted) await sleep(pause, undefined, { signal }).catch(() => undefined);
    }
  }
}
