import { comparePositions, type EventStore, type GlobalPosition, type RecordedEvent } from '@sla/event-sourcing';

/**
 * Waits until the event at `position` can be read from the global log. The
 * PostgreSQL adapter holds events back while older transactions anywhere in
 * the cluster are open (other test files create databases and migrate
 * concurrently), so "appended" does not yet mean "readable".
 */
export async function untilReadable(
  store: EventStore,
  position: GlobalPosition | null,
  timeoutMilliseconds = 15_000,
): Promise<void> {
  if (!position) return;
  const justBefore = { commit: position.commit, prepare: position.prepare - 1n };
  const deadline = Date.now() + timeoutMilliseconds;
  while (Date.now() < deadline) {
    const { events } = await store.readAll({ after: justBefore, maxCount: 1 });
    if (events[0] && comparePositions(events[0].position, position) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`event at ${position.commit}/${position.prepare} not readable within ${timeoutMilliseconds} ms`);
}

/**
 * Waits until the global log shows an event that `matches` (for rows written past the store's append, whose
 * position the test does not know). Same reason as untilReadable: the log shows only what lies below the
 * cluster-wide transaction horizon.
 */
export async function untilLogShows(
  store: EventStore,
  matches: (event: RecordedEvent, index: number, events: readonly RecordedEvent[]) => boolean,
  timeoutMilliseconds = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  while (Date.now() < deadline) {
    const { events } = await store.readAll({ maxCount: 100_000 });
    if (events.some(matches)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no matching event in the log within ${timeoutMilliseconds} ms`);
}
