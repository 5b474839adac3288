import fc from 'fast-check';
import { backoffMilliseconds, Scheduler, type PassOutcome } from './scheduler';

/** A promise with its resolver, to wait for a pass the test expects. */
function signal<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('Scheduler', () => {
  it('runs a task again at once while it reports more work, and never two passes of one task at once', async () => {
    let active = 0;
    let overlapped = false;
    const passes: number[] = [];
    const done = signal();
    const scheduler = new Scheduler([
      {
        name: 'backlog',
        intervalMilliseconds: 60_000,
        run: async (): Promise<PassOutcome> => {
          active += 1;
          overlapped ||= active > 1;
          await Promise.resolve();
          passes.push(passes.length);
          active -= 1;
          if (passes.length === 5) done.resolve();
          return { more: passes.length < 5 };
        },
      },
    ]);
    scheduler.start();
    scheduler.start();
    await done.promise;
    await scheduler.stop();
    // The sixth pass would only come after the 60-second interval: stop() ended the wait instead.
    expect(passes).toEqual([0, 1, 2, 3, 4]);
    expect(overlapped).toBe(false);
    expect(scheduler.isRunning).toBe(false);
  });

  it('keeps going after a failure, reports it as the last error, and clears it on success', async () => {
    const log: string[] = [];
    let attempts = 0;
    const failed = signal();
    const recovered = signal();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const scheduler = new Scheduler(
      [
        {
          name: 'flaky',
          intervalMilliseconds: 1,
          run: async () => {
            attempts += 1;
            if (attempts <= 2) {
              if (attempts === 2) failed.resolve();
              throw new Error(`attempt ${attempts} failed`);
            }
            if (attempts === 3) await held;
            recovered.resolve();
          },
        },
      ],
      { log: (message) => log.push(message), maxBackoffMilliseconds: 1 },
    );
    scheduler.start();
    await failed.promise;
    await new Promise((resolve) => setImmediate(resolve));
    expect(scheduler.lastError('flaky')).toBe('attempt 2 failed');
    release();
    await recovered.promise;
    await scheduler.stop();
    expect(scheduler.lastError('flaky')).toBeNull();
    expect(log).toEqual(['flaky failed (attempt 1): attempt 1 failed', 'flaky failed (attempt 2): attempt 2 failed']);
  });

  it('waits in stop() for a pass that is running', async () => {
    const started = signal();
    let finished = false;
    let release!: () => void;
    const scheduler = new Scheduler([
      {
        name: 'slow',
        intervalMilliseconds: 60_000,
        run: async () => {
          started.resolve();
          await new Promise<void>((resolve) => (release = resolve));
          finished = true;
        },
      },
    ]);
    scheduler.start();
    await started.promise;
    const stopped = scheduler.stop();
    release();
    await stopped;
    expect(finished).toBe(true);
  });

  it('waits one interval before the first pass of a timer, and a stop during that wait runs no pass', async () => {
    let passes = 0;
    const timer = new Scheduler([
      { name: 'timer', intervalMilliseconds: 60_000, delayFirstPass: true, run: async () => void (passes += 1) },
    ]);
    timer.start();
    await new Promise((resolve) => setImmediate(resolve));
    await timer.stop();
    expect(passes).toBe(0);
    // Started again after a stop, as the SLA watch is when a test pauses it.
    const ran = signal();
    const follower = new Scheduler([
      { name: 'follower', intervalMilliseconds: 60_000, run: async () => void ran.resolve() },
    ]);
    follower.start();
    await follower.stop();
    follower.start();
    await ran.promise;
    await follower.stop();
  });

  it('backs off by doubling from 200 ms up to the maximum, never below the interval', () => {
    expect([1, 2, 3, 8, 20].map((failures) => backoffMilliseconds(failures, 100))).toEqual([
      400, 800, 1_600, 30_000, 30_000,
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 120_000 }), (failures, interval) => {
        const pause = backoffMilliseconds(failures, interval);
        expect(pause).toBeGreaterThanOrEqual(interval);
        expect(pause).toBeLessThanOrEqual(Math.max(interval, 30_000));
        expect(backoffMilliseconds(failures + 1, interval)).toBeGreaterThanOrEqual(pause);
      }),
    );
  });
});
