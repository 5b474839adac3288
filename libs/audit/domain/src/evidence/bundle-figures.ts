import {
  agreementEventDefinitions,
  agreementStreamName,
  type AgreementEvent,
  type AgreementContent,
  type AgreementKind,
} from '@sla/agreements-domain';
import { ServiceCalendarDefined } from '@sla/catalogue-domain';
import {
  availabilityTerms,
  evaluateTicketSla,
  measureAvailability,
  slaDetectionEventDefinitions,
  type OutageInterval,
  TicketSlaBreached,
  TicketSlaBreachRetracted,
  truncatedDecimal,
  type AgreementHistory,
} from '@sla/compliance-domain';
import { EventCatalog, streamCategory, type RecordedEvent } from '@sla/event-sourcing';
import {
  maintenanceOccurrences,
  MaintenanceWindowCancelled,
  maintenanceWindowEventDefinitions,
  MaintenanceWindowScheduled,
  OutageEnded,
  outageEventDefinitions,
  OutageStarted,
  ticketEventDefinitions,
  ticketStreamName,
  toClockFacts,
  type MaintenanceSchedule,
  type TicketEvent,
} from '@sla/operations-domain';
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
  ...outageEventDefinitions,
  ...maintenanceWindowEventDefinitions,
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

/** The agreement's history as the bundle's agreement stream gives it, or null when the stream has no drafting. */
function agreementHistoryOf(agreementId: string, events: readonly RecordedEvent[]): AgreementHistory | null {
  const agreementStream = agreementStreamName(agreementId);
  const agreementEvents = events.filter((event) => event.streamName === agreementStream);
  const drafted = agreementEvents.find((event) => event.type === 'AgreementDrafted');
  if (!drafted) return null;
  return {
    agreementId,
    kind: (drafted.data as { kind: AgreementKind }).kind,
    events: agreementEvents.map((event) => ({ type: event.type, data: event.data }) as AgreementEvent),
  };
}

/** The bundled calendars, each as last defined (what the product's calendar catalogue loads). */
function calendarsOf(events: readonly RecordedEvent[]): Map<string, BusinessCalendar> {
  const calendars = new Map<string, BusinessCalendar>();
  for (const event of events)
    if (event.type === ServiceCalendarDefined.type) {
      const data = event.data as { calendarId: string; definition: CalendarDefinition };
      calendars.set(data.calendarId, new BusinessCalendar(data.definition));
    }
  return calendars;
}

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
  const agreement = agreementHistoryOf(agreementId, events);
  if (!agreement) return [];
  const calendars = calendarsOf(events);
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

type StatedAvailability = { readonly terms?: unknown; readonly allTargetsMet?: unknown };

type AvailabilityTermFigures = {
  serviceId: string;
  calendarId: string;
  version: number;
  period: string;
  from: string;
  to: string;
  measuredUntil: string;
  agreedServiceTime: number;
  downtime: number;
  excludedMaintenanceDowntime: number;
  maintenanceTime: number;
  availabilityPercent: string | null;
  targetPercentage: number | null;
  targetMet: boolean | null;
  remainingDowntimeBudget: number | null;
  failures: number;
  meanTimeToRestore: number | null;
  meanTimeBetweenFailures: number | null;
};

/** The compared fields of a term, in the order a difference is named. */
const AVAILABILITY_FIELDS = [
  'calendarId',
  'to',
  'measuredUntil',
  'agreedServiceTime',
  'downtime',
  'excludedMaintenanceDowntime',
  'maintenanceTime',
  'availabilityPercent',
  'targetPercentage',
  'targetMet',
  'remainingDowntimeBudget',
  'failures',
  'meanTimeToRestore',
  'meanTimeBetweenFailures',
] as const;

/**
 * Outages and maintenance windows as their bundled streams give them, parsed by the operations' own schemas: a fact the
 * product would not have recorded is not counted.
 */
function downtimeOf(events: readonly RecordedEvent[]) {
  type Outage = OutageInterval & { serviceId: string };
  const outages = new Map<string, Outage>();
  const windows = new Map<string, { serviceId: string; schedule: MaintenanceSchedule; cancelledFrom: number | null }>();
  for (const event of events) {
    if (event.type === OutageStarted.type) {
      const parsed = OutageStarted.schema.safeParse(event.data);
      if (!parsed.success) continue;
      const { outageId, serviceId, impact, weight, occurredAt } = parsed.data;
      outages.set(outageId, {
        outageId,
        serviceId,
        impact,
        weight: weight ?? null,
        start: Date.parse(occurredAt),
        end: null,
      });
    } else if (event.type === MaintenanceWindowScheduled.type) {
      const parsed = MaintenanceWindowScheduled.schema.safeParse(event.data);
      if (!parsed.success) continue;
      const { windowId, serviceId, schedule } = parsed.data;
      windows.set(windowId, { serviceId, schedule, cancelledFrom: null });
    }
  }
  // Ends and cancellations after the starts: a stream's events are in revision order, streams are not.
  for (const event of events) {
    if (event.type === OutageEnded.type) {
      const parsed = OutageEnded.schema.safeParse(event.data);
      const outage = parsed.success ? outages.get(parsed.data.outageId) : undefined;
      if (parsed.success && outage)
        outages.set(outage.outageId, { ...outage, end: Date.parse(parsed.data.occurredAt) });
    } else if (event.type === MaintenanceWindowCancelled.type) {
      const parsed = MaintenanceWindowCancelled.schema.safeParse(event.data);
      const window = parsed.success ? windows.get(parsed.data.windowId) : undefined;
      if (parsed.success && window) window.cancelledFrom = Date.parse(parsed.data.effectiveFrom);
    }
  }
  return { outages: [...outages.values()], windows: [...windows.values()] };
}

/**
 * Availability per term recomputed from the bundle's events the way the product's agreement availability query
 * computes it: the terms of each service with an availability target (availabilityTerms over the agreement's
 * history), each measured by measureAvailability in its calendar as last defined, from the service's outages and the
 * occurrences of its maintenance windows, up to `asOf` (when the figures were measured), or for a term named in
 * `stops` up to the instant given there (where the stated figures say that term's measurement stopped).
 */
export function availabilityFromEvents(
  agreementId: string,
  period: Period,
  bundled: readonly (BundleEventFacts & { schemaVersion?: number })[],
  asOf: number,
  stops: ReadonlyMap<string, number> = new Map(),
): AvailabilityTermFigures[] {
  const events = bundled.filter((event) => catalog.has(event.type)).map(asRecorded);
  const agreement = agreementHistoryOf(agreementId, events);
  if (!agreement) return [];
  const calendars = calendarsOf(events);
  const { outages, windows } = downtimeOf(events);
  const services = new Set<string>();
  for (const event of agreement.events) {
    const content = (event.data as { content?: AgreementContent }).content;
    // The services the product's agreement availability query walks: those its versions cover or set targets for.
    for (const serviceId of content?.services ?? []) services.add(serviceId);
    for (const target of content?.serviceTargets ?? []) services.add(target.serviceId);
  }
  const [from, to] = [Date.parse(period.from), Date.parse(period.to)];
  const iso = (instant: number) => new Date(instant).toISOString();
  return [...services].sort().flatMap((serviceId) =>
    availabilityTerms(agreement.events, serviceId, from, to).map((term): AvailabilityTermFigures => {
      const { calendarId } = term.target;
      const calendar = calendars.get(calendarId);
      if (!calendar)
        throw new Error(`version ${term.version} measures ${serviceId} in calendar '${calendarId}', not in the bundle`);
      const figures = measureAvailability({
        from: term.from,
        to: term.to,
        asOf: stops.get(availabilityTermKey({ serviceId, version: term.version, from: iso(term.from) })) ?? asOf,
        calendar,
        outages: outages.filter((outage) => outage.serviceId === serviceId),
        maintenance: windows
          .filter((window) => window.serviceId === serviceId)
          .flatMap((window) => maintenanceOccurrences(window.schedule, window.cancelledFrom, term.from, term.to)),
        targetPercentage: term.target.percentage,
      });
      return {
        serviceId,
        calendarId,
        version: term.version,
        period: term.target.period,
        from: iso(figures.from),
        to: iso(figures.to),
        measuredUntil: iso(figures.measuredUntil),
        agreedServiceTime: figures.agreedServiceTime,
        downtime: figures.downtime,
        excludedMaintenanceDowntime: figures.excludedMaintenanceDowntime,
        maintenanceTime: figures.maintenanceTime,
        availabilityPercent: figures.availabilityPercent,
        targetPercentage: figures.targetPercentage,
        targetMet: figures.targetMet,
        remainingDowntimeBudget: figures.remainingDowntimeBudget,
        failures: figures.failures,
        meanTimeToRestore: figures.meanTimeToRestore,
        meanTimeBetweenFailures: figures.meanTimeBetweenFailures,
      };
    }),
  );
}

/** How a term is named: its service, the agreement version and where in the period it begins. */
const availabilityTermKey = (term: { serviceId?: unknown; version?: unknown; from?: unknown }) =>
  `${String(term.serviceId)} version ${String(term.version)} from ${String(term.from)}`;

/**
 * The stated availability figure against the one recomputed from the bundle's events: the first difference, named,
 * or none. Each stated term is measured to where it says its measurement stopped (a running period stops at the
 * export's clock; a term that has not begun, at its start), and no term that measured anything may have stopped after
 * `measuredBy` (when the manifest was logged): a figure cannot have been measured later than it was committed to.
 */
export function availabilityFigureProblems(
  agreementId: string,
  period: Period,
  events: readonly (BundleEventFacts & { schemaVersion?: number })[],
  stated: StatedAvailability | undefined,
  measuredBy?: string,
): string[] {
  const terms = stated?.terms;
  if (!Array.isArray(terms)) return ['figure availability: the bundle states no availability terms'];
  const statedTerms = terms as Record<string, unknown>[];
  const stops = new Map<string, number>();
  for (const term of statedTerms) {
    const stop = Date.parse(String(term['measuredUntil']));
    if (!Number.isFinite(stop))
      return [`figure availability: term ${availabilityTermKey(term)} has no valid measuredUntil instant`];
    if (measuredBy !== undefined && stop > Date.parse(String(term['from'])) && stop > Date.parse(measuredBy))
      return [
        `figure availability: term ${availabilityTermKey(term)} is stated as measured until ${new Date(stop).toISOString()}, after the manifest was logged (${measuredBy})`,
      ];
    stops.set(availabilityTermKey(term), stop);
  }
  // A term the stated figures lack is named as missing whatever its measurement; the latest stop stands in for it.
  const asOf = stops.size > 0 ? Math.max(...stops.values()) : Date.parse(period.to);
  let recomputed: AvailabilityTermFigures[];
  try {
    recomputed = availabilityFromEvents(agreementId, period, events, asOf, stops);
  } catch (error) {
    return [
      `figure availability: the bundle's events cannot be measured: ${error instanceof Error ? error.message : String(error)}`,
    ];
  }
  const byKey = new Map(recomputed.map((term) => [availabilityTermKey(term), term]));
  for (const term of statedTerms) {
    const fromEvents = byKey.get(availabilityTermKey(term));
    if (!fromEvents)
      return [
        `figure availability: term ${availabilityTermKey(term)} is stated, but the bundle's agreement history gives no such term`,
      ];
    for (const field of AVAILABILITY_FIELDS)
      if (term[field] !== fromEvents[field])
        return [
          `figure availability: term ${availabilityTermKey(term)} ${field} is stated as ${String(term[field])}, the bundle's events give ${String(fromEvents[field])}`,
        ];
  }
  const statedKeys = new Set(statedTerms.map(availabilityTermKey));
  const unstated = recomputed.find((term) => !statedKeys.has(availabilityTermKey(term)));
  if (unstated)
    return [
      `figure availability: the bundle's events give term ${availabilityTermKey(unstated)}, which the stated figures lack`,
    ];
  const allTargetsMet = recomputed.length === 0 ? null : recomputed.every((term) => term.targetMet === true);
  if (stated?.allTargetsMet !== allTargetsMet)
    return [
      `figure availability: allTargetsMet is stated as ${String(stated?.allTargetsMet)}, the bundle's events give ${String(allTargetsMet)}`,
    ];
  return [];
}
