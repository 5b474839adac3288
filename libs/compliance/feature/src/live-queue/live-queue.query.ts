import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { AgreementDirectory } from '@sla/agreements-read-models';
import { CalendarCatalogue } from '@sla/catalogue-read-models';
import { liveClock } from '@sla/compliance-domain';
import { CLOCK, READ_STORE, decodeCursorKey, encodeCursor, type Clock } from '@sla/nest-platform';
import type { TicketSlaTables } from '../ticket-sla/ticket-sla.projection';
import { storedClockOf } from '../ticket-sla/ticket-sla.queries';
import type { queueItem, queueQuery, queueRoute } from './live-queue.routes';

type QueueItem = z.infer<typeof queueItem>;
type QueueView = z.infer<(typeof queueRoute)['responses'][200]['schema']>;

export class GetLiveQueueQuery extends Query<QueueView> {
  constructor(readonly filter: z.infer<typeof queueQuery>) {
    super();
  }
}

const iso = (value: Date | null) => value?.toISOString() ?? null;
// Breached first (longest breached first), then by business time left to the next instant, paused last.
const RANK: Record<QueueItem['state'], number> = { breached: 0, 'at-risk': 1, running: 1, paused: 2 };

/**
 * The service desk's live queue: every open clock with its state as of now (the injected clock) and the business
 * time left to its next at-risk or breach instant, on the clock's own calendar; a client polls it.
 */
@QueryHandler(GetLiveQueueQuery)
export class GetLiveQueueHandler implements IQueryHandler<GetLiveQueueQuery> {
  constructor(
    @Inject(READ_STORE) private readonly db: Kysely<TicketSlaTables>,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly calendars: CalendarCatalogue,
    private readonly directory: AgreementDirectory,
  ) {}

  async execute({ filter }: GetLiveQueueQuery): Promise<QueueView> {
    let select = this.db
      .selectFrom('ticket_sla_status')
      .selectAll()
      .where('stopped_at', 'is', null)
      .where('state', 'in', ['running', 'paused', 'breached']);
    if (filter.agreementId) select = select.where('agreement_id', '=', filter.agreementId);
    // The desk names each clock's customer and agreement; a customer filter is the set of its agreements.
    const agreements = new Map((await this.directory.summaries()).map((summary) => [summary.agreementId, summary]));
    if (filter.customer) {
      const own = [...agreements.values()].filter((summary) => summary.counterparty === filter.customer);
      if (own.length === 0) select = select.where(sql<boolean>`false`);
      else
        select = select.where(
          'agreement_id',
          'in',
          own.map((summary) => summary.agreementId),
        );
    }
    if (filter.serviceId) select = select.where('service_id', '=', filter.serviceId);
    if (filter.priority) select = select.where('priority', '=', filter.priority);
    if (filter.metric) select = select.where('metric', '=', filter.metric);
    const rows = await select.execute();
    const calendars = await this.calendars.load([
      ...new Set(rows.flatMap((row) => (row.calendar_id ? [row.calendar_id] : []))),
    ]);
    const now = this.clock.now().getTime();
    const items = rows.map((row): QueueItem & { urgency: number } => {
      const calendar = row.calendar_id ? calendars.get(row.calendar_id) : undefined;
      const targetMs = row.target_ms === null ? null : Number(row.target_ms);
      const live = liveClock(storedClockOf(row), now, calendar);
      const state = (
        live.state === 'breached' || row.state === 'breached' ? 'breached' : live.state
      ) as QueueItem['state'];
      const atRiskAt = row.at_risk_at?.getTime() ?? null;
      const breachAt = row.breach_at?.getTime() ?? null;
      const upcoming =
        state === 'paused' || state === 'breached'
          ? null
          : atRiskAt !== null && atRiskAt > now
            ? { kind: 'at-risk' as const, at: atRiskAt }
            : breachAt !== null && breachAt > now
              ? { kind: 'breach' as const, at: breachAt }
              : null;
      const businessMsLeft = upcoming && calendar ? calendar.businessDuration(now, upcoming.at) : null;
      const next =
        upcoming && businessMsLeft !== null
          ? { kind: upcoming.kind, at: new Date(upcoming.at).toISOString(), businessMsLeft }
          : null;
      const breachedAt = row.breached_at?.getTime() ?? breachAt ?? now;
      return {
        ticketId: row.ticket_id,
        agreementId: row.agreement_id,
        agreementTitle: agreements.get(row.agreement_id)?.title ?? null,
        customer: agreements.get(row.agreement_id)?.counterparty ?? null,
        metric: row.metric as QueueItem['metric'],
        serviceId: row.service_id,
        priority: row.priority,
        state,
        next,
        remainingMs: live.remainingMs,
        targetMs,
        elapsedMs: live.elapsedMs,
        dueAt: iso(row.due_at),
        breachAt: iso(row.breach_at),
        atRiskAt: iso(row.at_risk_at),
        calendarId: row.calendar_id,
        timeZone: calendar?.definition.timeZone ?? null,
        openedAt: row.opened_at.toISOString(),
        urgency:
          state === 'breached'
            ? breachedAt
            : state === 'paused'
              ? (live.remainingMs ?? Number.MAX_SAFE_INTEGER)
              : (next?.businessMsLeft ?? Number.MAX_SAFE_INTEGER),
      };
    });
    const keyOf = (item: QueueItem & { urgency: number }): [number, number, string, string, string] => [
      RANK[item.state],
      item.urgency,
      item.ticketId,
      item.agreementId,
      item.metric,
    ];
    const compareKeys = (left: readonly (string | number)[], right: readonly (string | number)[]) => {
      for (let index = 0; index < left.length; index += 1) {
        const [a, b] = [left[index]!, right[index]!];
        if (a !== b) return typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : 1;
      }
      return 0;
    };
    items.sort((left, right) => compareKeys(keyOf(left), keyOf(right)));
    const after = filter.cursor === undefined ? undefined : decodeCursorKey(filter.cursor, 5);
    const rest = after === undefined ? items : items.filter((item) => compareKeys(keyOf(item), after as never) > 0);
    const page = rest.slice(0, filter.limit);
    const count = (state: QueueItem['state']) => items.filter((item) => item.state === state).length;
    return {
      asOf: new Date(now).toISOString(),
      counts: {
        running: count('running'),
        atRisk: count('at-risk'),
        breached: count('breached'),
        paused: count('paused'),
      },
      total: items.length,
      items: page.map(({ urgency: _urgency, ...item }) => item),
      nextCursor: rest.length > page.length ? encodeCursor(keyOf(page[page.length - 1]!)) : null,
    };
  }
}
