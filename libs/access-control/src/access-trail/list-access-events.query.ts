import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { type EventStore, type RecordedEvent } from '@sla/event-sourcing';
import { encodeCursor, EVENT_STORE, RequestValidationError, type Page, type PageRequest } from '@sla/nest-platform';
import type { z } from 'zod';
import { accessStreamName } from './access.events';
import type { accessEventSchema } from './access-events.routes';

export type AccessEventView = z.input<typeof accessEventSchema>;

export class ListAccessEventsQuery extends Query<Page<AccessEventView>> {
  constructor(
    readonly period: { readonly from: string; readonly to: string },
    readonly type: string | undefined,
    readonly page: PageRequest,
  ) {
    super();
  }
}

/** Events read per stream request while a page fills. */
const CHUNK = 500;

/**
 * Reads the day streams of the access trail that the period touches, oldest first, keeping the events that
 * occurred within it. The cursor is the day and the stream revision to continue from.
 */
@QueryHandler(ListAccessEventsQuery)
export class ListAccessEventsHandler implements IQueryHandler<ListAccessEventsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async execute({ period, type, page }: ListAccessEventsQuery): Promise<Page<AccessEventView>> {
    const from = Date.parse(period.from);
    const to = Date.parse(period.to);
    const days = daysOf(from, to);
    let [day, revision] = startOf(page.cursor, days);
    const items: AccessEventView[] = [];
    while (day < days.length) {
      const events = await this.eventStore.readStream(accessStreamName(days[day]), {
        fromRevision: BigInt(revision),
        maxCount: CHUNK,
      });
      for (const event of events) {
        revision = Number(event.streamRevision) + 1;
        if (!within(event, from, to, type)) continue;
        items.push(viewOf(event));
        if (items.length === page.limit) return { items, nextCursor: encodeCursor([days[day], revision]) };
      }
      if (events.length < CHUNK) [day, revision] = [day + 1, 0];
    }
    return { items, nextCursor: null };
  }
}

function daysOf(from: number, to: number): string[] {
  const days: string[] = [];
  for (let day = Math.floor(from / 86_400_000); day * 86_400_000 < to; day += 1)
    days.push(new Date(day * 86_400_000).toISOString().slice(0, 10));
  return days;
}

function startOf(cursor: string | undefined, days: readonly string[]): [number, number] {
  if (cursor === undefined) return [0, 0];
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (Array.isArray(key) && days.includes(key[0]) && Number.isSafeInteger(key[1]) && key[1] >= 0)
    return [days.indexOf(key[0]), key[1]];
  throw new RequestValidationError('query', [
    { path: 'cursor', message: "not a cursor of this list and period: pass a page's nextCursor unchanged" },
  ]);
}

function within(event: RecordedEvent, from: number, to: number, type: string | undefined): boolean {
  if (type !== undefined && event.type !== type) return false;
  const occurredAt = Date.parse((event.data as { occurredAt: string }).occurredAt);
  return occurredAt >= from && occurredAt < to;
}

const viewOf = (event: RecordedEvent): AccessEventView => ({
  eventId: event.id,
  type: event.type,
  recordedAt: event.recordedAt.toISOString(),
  data: event.data as AccessEventView['data'],
});
