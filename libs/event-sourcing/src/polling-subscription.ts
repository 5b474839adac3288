import type {
  AllPage,
  EventSubscription,
  GlobalPosition,
  ReadAllOptions,
  RecordedEvent,
  SubscribeOptions,
} from './event-store.port';

export type PollingSubscriptionOptions = SubscribeOptions & {
  readonly readAll: (options: ReadAllOptions) => Promise<AllPage>;
  /** Resolves when new events may be available, or after a timeout. */
  readonly waitForAppend: (signal: AbortSignal) => Promise<void>;
  readonly pageSize?: number;
};

/**
 * Catch-up then live, built only on `readAll`: the page reader decides what
 * is safe to deliver, so the subscription inherits its gap safety.
 */
export function pollingSubscription(options: PollingSubscriptionOptions): EventSubscription {
  const abort = new AbortController();
  const pageSize = options.pageSize ?? 500;
  async function* iterate(): AsyncGenerator<RecordedEvent> {
    let after: GlobalPosition | undefined = options.after;
    while (!abort.signal.aborted) {
      const page = await options.readAll({ after, maxCount: pageSize, filter: options.filter });
      for (const event of page.events) {
        if (abort.signal.aborted) return;
        yield event;
      }
      after = page.checkpoint ?? after;
      if (page.isEnd) await options.waitForAppend(abort.signal);
    }
  }
  const iterator = iterate();
  return {
    async close() {
      abort.abort();
      await iterator.return(undefined);
    },
    [Symbol.asyncIterator]: () => iterator,
  };
}
