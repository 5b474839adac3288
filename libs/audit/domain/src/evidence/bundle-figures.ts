import {
  agreementEventDefinitions,
  agreementStreamName,
  type AgreementEvent,
  type AgreementKind,
} from '@sla/agreements-domain';
import { ServiceCalendarDefined } from '@sla/catalogue-domain';
import {
  evaluateTicketSla,
  slaDetectionEventDefinitions,
  TicketSlaBreached,
  TicketSlaBreachRetracted,
  truncatedDecimal,
  type AgreementHistory,
} from '@sla/compliance-domain';
import { EventCatalog, streamCategory, type RecordedEvent } from '@sla/event-sourcing';
import { ticketEventDefinitions, ticketStreamName, toClockFacts, type TicketEvent } from '@sla/operations-domain';
import { BusinessCalendar, type CalendarDefinition } from '@sla/sla-clock';
import type { BundleEventFacts } from './bundle-completeness';

type Period = { readonly from: string; readonly to: string };

const TICKET_CATEGORY = streamCategory(ticketStreamName('x'));

type StatedBreach = {
  readonly eventId?: unknown;
  readonly ticketId?: unknown;
  readonly metric?: unknown;
  readonly breachedAt?: unknown;
  readonly retractedAt?: unknown;
};

type Breach = { eventId: string; ticketId: string; metric: string; breachedAt: string; retracted: boolean };

/**
 * The breach log of the period as the bundle's own events give it: every SLA watch finding of a breach of the
 * agreement with its breach instant in [from, to), in the breach log's order (instant, ticket, response before
 * resolution, event id), each marked retracted when a later finding corrects it. Parsed by the product's own event
 * schemas, so a finding the product would not read is not counted.
 */
export function breachesFromEvents(agreementId: string, period: Period, events: readonly BundleEventFacts[]): Breach[] {
  const retracted = new Set(
    events.flatMap((event) => {
      if (event.type !== TicketSlaBreachRetracted.type) return [];
      const parsed = TicketSlaBreachRetracted.schema.safeParse(event.data);
      return parsed.success ? [parsed.data.breachEventId] : [];
    }),
  );
  const [from, to] = [Date.parse(period.from), Date.parse(period.to)];
  const breaches = events.flatMap((event): Breach[] => {
    if (event.type !== TicketSlaBreached.type) return [];
    const parsed = TicketSlaBreached.schema.safeParse(event.data);
    if (!parsed.success || parsed.data.agreementId !== agreementId) return [];
    const at = Date.parse(parsed.data.breachedAt);
    if (at < from || at >= to) return [];
    const { ticketId, metric } = parsed.data;
    return [
      {
        eventId: event.id,
        ticketId,
        metric,
        breachedAt: new Date(at).toISOString(),
        retracted: retracted.has(event.id),
      },
    ];
  });
  const order = (breach: Breach) => [
    breach.breachedAt,
    breach.ticketId,
    breach.metric === 'response' ? 0 : 1,
    breach.eventId,
  ];
  return breaches.sort((a, b) => {
    const [left, right] = [order(a), order(b)];
    for (let index = 0; index < left.length; index += 1)
      if (left[index] !== right[index]) return left[index] < right[index] ? -1 : 1;
    return 0;
  });
}

/**
 * The stated breaches figure against the one recomputed from the bundle's events: the first difference, named, or
 * none.
 */
export function breachFigureProblems(
  agreementId: string,
  period: Period,
  events: readonly BundleEventFacts[],
  stated: readonly StatedBreach[] | undefined,
): string[] {
  if (!Array.isArray(stated)) return ['figure breaches: the bundle states no breaches section'];
  const recomputed = breachesFromEvents(agreementId, period, events);
  const recomputedById = new Map(recomputed.map((breach) => [breach.eventId, breach]));
  const statedIds = new Set(stated.map((breach) => String(breach.eventId)));
  for (const breach of stated) {
    const eventId = String(breach.eventId);
    const fromEvents = recomputedById.get(eventId);
    if (!fromEvents)
      return [
        `figure breaches: the stated figures list breach ${eventId}, which no TicketSlaBreached event in the bundle records`,
      ];
    const statedAt =
      typeof breach.breachedAt === 'string' ? new Date(breach.breachedAt).toISOString() : breach.breachedAt;
    const statedRetracted = breach.retractedAt !== null && breach.retractedAt !== undefined;
    const differences = [
      breach.ticketId !== fromEvents.ticketId &&
        `ticket ${String(breach.ticketId)} (its event: ${fromEvents.ticketId})`,
      breach.metric !== fromEvents.metric && `metric ${String(breach.metric)} (its event: ${fromEvents.metric})`,
      statedAt !== fromEvents.breachedAt &&
        `breached at ${String(breach.breachedAt)} (its event: ${fromEvents.breachedAt})`,
      statedRetracted !== fromEvents.retracted &&
        (statedRetracted ? 'retracted (no retraction event in the bundle)' : 'not retracted (the bundle retracts it)'),
    ].filter(Boolean);
    if (differences.length > 0) return [`figure breaches: breach ${eventId} is stated with ${differences.join(', ')}`];
  }
  const unstated = recomputed.find((breach) => !statedIds.has(breach.eventId));
  if (unstated)
    return [
      `figure breaches: event ${unstated.eventId} records a breach of ticket ${unstated.ticketId} (${unstated.metric}) at ${unstated.breachedAt}, which the stated figures lack`,
    ];
  return [];
}

type StatedCompliance = {
  readonly serviceId?: unknown;
  readonly priority?: unknown;
  readonly metric?: unknown;
  readonly tickets?: unknown;
  readonly met?: unknown;
  readonly breached?: unknown;
  readonly open?: unknown;
  readonly percentWithinTarget?: unknown;
};

type ComplianceCount = {
  serviceId: string;
  priority: string;
  metric: string;
  tickets: number;
  met: number;
  breached: number;
  open: number;
  percentWithinTarget: string | null;
};

/** The product's schemas and upcasters for what the recomputation reads: stored events are upcast as it does. */
const catalog = new EventCatalog([
  ...agreementEventDefinitions,
  ...ticketEventDefinitions,
  ServiceCalendarDefined,
  ...slaDetectionEventDefinitions,
]);

const asRecorded = (event: BundleEventFacts & { schemaVersion?: number }): RecordedEvent =>
  catalog.upcast({
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    data: event.data,
    metadata: { actor: '', correlationId: '', source: '' },
    streamName: event.streamName,
    streamRevision: BigInt(event.streamRevision),
    position: { commit: 0n, prepare: 0n },
    recordedAt: new Date(0),
  });

/**
 * Response and resolution compliance of the tickets opened in the period, recomputed from the bundle's events the way
 * the product computes it: each ticket's clock facts (toClockFacts) evaluated by evaluateTicketSla under the
 * agreement's history with the calendars as last defined, then counted per service, priority and metric as the
 * compliance query counts them (a running or paused clock with a breach on record, not retracted, counts as
 * breached). The median and 90th percentile are not recomputed.
 */
export function responseResolutionFromEvents(
  agreementId: string,
  period: Period,
  bundled: readonly (BundleEventFacts & { schemaVersion?: number })[],
): ComplianceCount[] {
  const events = bundled.filter((event) => catalog.has(event.type)).map(asRecorded);
  const agreementStream = agreementStreamName(agreementId);
  const agreementEvents = events.filter((event) => event.streamName === agreementStream);
  const drafted = agreementEvents.find((event) => event.type === 'AgreementDrafted');
  if (!drafted) return [];
  const agreement: AgreementHistory = {
    agreementId,
    kind: (drafted.data as { kind: AgreementKind }).kind,
    events: agreementEvents.map((event) => ({ type: event.type, data: event.data }) as AgreementEvent),
  };
  const calendars = new Map<string, BusinessCalendar>();
  for (const event of events)
    if (event.type === ServiceCalendarDefined.type) {
      const data = event.data as { calendarId: string; definition: CalendarDefinition };
      calendars.set(data.calendarId, new BusinessCalendar(data.definition));
    }
  const retracted = new Set(
    events.flatMap((event) =>
      event.type === 'TicketSlaBreachRetracted' ? [(event.data as { breachEventId: string }).breachEventId] : [],
    ),
  );
  const onRecord = new Set(
    events.flatMap((event) => {
      if (event.type !== 'TicketSlaBreached' || retracted.has(event.id)) return [];
      const data = event.data as { ticketId: string; agreementId: string; metric: string };
      return [`${data.ticketId}/${data.agreementId}/${data.metric}`];
    }),
  );
  const ticketEvents = new Map<string, TicketEvent[]>();
  for (const event of events)
    if (streamCategory(event.streamName) === TICKET_CATEGORY) {
      const list = ticketEvents.get(event.streamName) ?? [];
      list.push({ type: event.type, data: event.data } as TicketEvent);
      ticketEvents.set(event.streamName, list);
    }
  const [from, to] = [Date.parse(period.from), Date.parse(period.to)];
  const counts = new Map<string, ComplianceCount>();
  for (const ticket of ticketEvents.values()) {
    const opened = ticket.find((event) => event.type === 'TicketOpened');
    if (!opened || opened.type !== 'TicketOpened') continue;
    const openedAt = Date.parse(opened.data.occurredAt);
    if (openedAt < from || openedAt >= to) continue;
    const rows = evaluateTicketSla({
      serviceId: opened.data.serviceId,
      facts: toClockFacts(ticket),
      agreements: [agreement],
      calendars,
    });
    for (const row of rows) {
      if (row.state === 'not-covered') continue;
      const priority = row.priority ?? 'unknown';
      const key = `${opened.data.serviceId}/${priority}/${row.metric}`;
      const count = counts.get(key) ?? {
        serviceId: opened.data.serviceId,
        priority,
        metric: row.metric,
        tickets: 0,
        met: 0,
        breached: 0,
        open: 0,
        percentWithinTarget: null,
      };
      count.tickets += 1;
      if (row.state === 'met') count.met += 1;
      else if (
        row.state === 'breached' ||
        ((row.state === 'running' || row.state === 'paused') &&
          onRecord.has(`${opened.data.ticketId}/${agreementId}/${row.metric}`))
      )
        count.breached += 1;
      counts.set(key, count);
    }
  }
  return [...counts.values()].map((count) => {
    const stopped = count.met + count.breached;
    return {
      ...count,
      open: count.tickets - stopped,
      percentWithinTarget:
        stopped === 0
          ? null
          : truncatedDecimal({ numerator: BigInt(count.met) * 100n, denominator: BigInt(stopped) }, 4),
    };
  });
}

/** The stated response and resolution figure against the recomputed one: the first difference, named, or none. */
export function responseResolutionFigureProblems(
  agreementId: string,
  period: Period,
  events: readonly (BundleEventFacts & { schemaVersion?: number })[],
  stated: readonly StatedCompliance[] | undefined,
): string[] {
  if (!Array.isArray(stated)) return ['figure responseResolution: the bundle states no responseResolution section'];
  let recomputed: ComplianceCount[];
  try {
    recomputed = responseResolutionFromEvents(agreementId, period, events);
  } catch (error) {
    return [
      `figure responseResolution: the bundle's events cannot be evaluated: ${error instanceof Error ? error.message : String(error)}`,
    ];
  }
  const keyOf = (row: { serviceId?: unknown; priority?: unknown; metric?: unknown }) =>
    `${String(row.serviceId)} ${String(row.priority)} ${String(row.metric)}`;
  const byKey = new Map(recomputed.map((row) => [keyOf(row), row]));
  const statedKeys = new Set(stated.map(keyOf));
  const fields = ['tickets', 'met', 'breached', 'open', 'percentWithinTarget'] as const;
  for (const row of stated) {
    const fromEvents = byKey.get(keyOf(row));
    if (!fromEvents)
      return [
        `figure responseResolution: ${keyOf(row)} is stated with ${String(row.tickets)} ticket(s), but no ticket in the bundle gives it`,
      ];
    for (const field of fields)
      if (row[field] !== fromEvents[field])
        return [
          `figure responseResolution: ${keyOf(row)} ${field} is stated as ${String(row[field])}, the bundle's events give ${String(fromEvents[field])}`,
        ];
  }
  const unstated = recomputed.find((row) => !statedKeys.has(keyOf(row)));
  if (unstated)
    return [
      `figure responseResolution: the bundle's events give ${keyOf(unstated)} with ${unstated.tickets} ticket(s), which the stated figures lack`,
    ];
  return [];
}
