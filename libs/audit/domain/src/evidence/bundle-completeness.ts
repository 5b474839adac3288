import { agreementStreamName } from '@sla/agreements-domain';
import { slaDetectionStreamName } from '@sla/compliance-domain';
import { streamCategory, streamId } from '@sla/event-sourcing';
import { maintenanceWindowStreamName, outageStreamName, ticketStreamName } from '@sla/operations-domain';

const AGREEMENT = streamCategory(agreementStreamName('x'));
const TICKET = streamCategory(ticketStreamName('x'));
const SLA_WATCH = streamCategory(slaDetectionStreamName('x'));
const OUTAGE = streamCategory(outageStreamName('x'));
const MAINTENANCE = streamCategory(maintenanceWindowStreamName('x'));

/** The part of a bundled event these checks read. */
export type BundleEventFacts = {
  readonly id: string;
  readonly type: string;
  readonly streamName: string;
  readonly streamRevision: string;
  readonly data: unknown;
};

type Period = { readonly from: string; readonly to: string };

/**
 * Each stream the manifest names is in the bundle whole: every revision from 0 to the one the manifest gives as its
 * last at the bundle's head, once each. With every event proven in the signed tree, that proves the first and the
 * last revision are in the log, and nothing between them was left out.
 */
export function streamCompletenessProblems(
  streams: readonly { readonly streamName: string; readonly lastRevision: string }[],
  events: readonly BundleEventFacts[],
): string[] {
  const problems: string[] = [];
  const revisionsOf = new Map<string, bigint[]>();
  for (const event of events) {
    const revisions = revisionsOf.get(event.streamName) ?? [];
    revisions.push(BigInt(event.streamRevision));
    revisionsOf.set(event.streamName, revisions);
  }
  const named = new Set(streams.map((stream) => stream.streamName));
  for (const stream of [...revisionsOf.keys()].filter((name) => !named.has(name)))
    problems.push(`stream ${stream} is in the bundle but not in the logged manifest`);
  for (const { streamName, lastRevision } of streams) {
    const revisions = (revisionsOf.get(streamName) ?? []).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const last = BigInt(lastRevision);
    const present = new Set<bigint>();
    for (const revision of revisions) {
      if (present.has(revision)) problems.push(`stream ${streamName} holds revision ${revision} more than once`);
      present.add(revision);
    }
    const missing = [];
    for (let revision = 0n; revision <= last && missing.length < 5; revision += 1n)
      if (!present.has(revision)) missing.push(revision);
    if (missing.length > 0)
      problems.push(
        `stream ${streamName} is not contiguous: revision${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`,
      );
    const bundledLast = revisions.at(-1);
    if (bundledLast !== last)
      problems.push(
        `stream ${streamName} ends at revision ${bundledLast ?? 'none'} in the bundle, but at revision ${last} at the bundle's head`,
      );
  }
  return problems;
}

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};

/**
 * The ticket streams an agreement's bundle for a period must hold, derived from its own events: the agreement's
 * versions name its services, each ticket's opening names its service and time, and each breach finding names its
 * ticket. A ticket stream that does not belong, or a ticket a finding or stated breach names without its stream, is
 * named.
 */
export function ticketSetProblems(
  agreementId: string,
  period: Period,
  events: readonly BundleEventFacts[],
  statedBreaches: readonly { readonly ticketId?: unknown }[],
): string[] {
  const problems: string[] = [];
  const services = new Set<string>();
  for (const event of events) {
    if (streamCategory(event.streamName) !== AGREEMENT || streamId(event.streamName) !== agreementId) continue;
    const content = record(record(event.data)['content']);
    const listed = content['services'];
    if (Array.isArray(listed)) for (const service of listed) services.add(String(service));
  }
  if (!events.some((event) => streamCategory(event.streamName) === AGREEMENT))
    problems.push(`the bundle holds no event of agreement ${agreementId}'s stream, so its services are unknown`);

  const ticketStreams = new Set(
    events.filter((event) => streamCategory(event.streamName) === TICKET).map((event) => event.streamName),
  );
  const breachedInPeriod = new Set<string>();
  const findingTickets = new Map<string, string>();
  for (const event of events) {
    if (streamCategory(event.streamName) !== SLA_WATCH) continue;
    const data = record(event.data);
    const ticketId = String(data['ticketId']);
    findingTickets.set(ticketId, event.streamName);
    const breachedAt = String(data['breachedAt'] ?? '');
    if (event.type === 'TicketSlaBreached' && data['agreementId'] === agreementId && inPeriod(breachedAt, period))
      breachedInPeriod.add(ticketId);
  }
  for (const stream of ticketStreams) {
    const ticketId = streamId(stream);
    const opening = events.find((event) => event.streamName === stream && event.type === 'TicketOpened');
    if (!opening) {
      problems.push(`ticket stream ${stream} has no TicketOpened event, so its service is unknown`);
      continue;
    }
    const data = record(opening.data);
    const serviceId = String(data['serviceId']);
    if (!services.has(serviceId)) {
      problems.push(
        `ticket stream ${stream} is for service '${serviceId}', which agreement ${agreementId} does not cover`,
      );
    } else if (!inPeriod(String(data['occurredAt']), period) && !breachedInPeriod.has(ticketId)) {
      problems.push(
        `ticket stream ${stream} opened ${String(data['occurredAt'])}, outside the period, and has no breach in it`,
      );
    }
  }
  for (const [ticketId, findingStream] of findingTickets)
    if (!ticketStreams.has(ticketStreamName(ticketId)))
      problems.push(
        `stream ${findingStream} records findings on ticket ${ticketId}, whose ticket stream is not in the bundle`,
      );
  for (const breach of statedBreaches) {
    const ticketId = String(breach.ticketId);
    if (!ticketStreams.has(ticketStreamName(ticketId)))
      problems.push(`the stated breaches name ticket ${ticketId}, whose ticket stream is not in the bundle`);
  }
  return problems;
}

/** The services an agreement's bundled versions cover or set targets for (the product's agreement services). */
function servicesOf(agreementId: string, events: readonly BundleEventFacts[]): Set<string> {
  const services = new Set<string>();
  for (const event of events) {
    if (streamCategory(event.streamName) !== AGREEMENT || streamId(event.streamName) !== agreementId) continue;
    const content = record(record(event.data)['content']);
    const listed = content['services'];
    if (Array.isArray(listed)) for (const service of listed) services.add(String(service));
    const targets = content['serviceTargets'];
    if (Array.isArray(targets)) for (const target of targets) services.add(String(record(target)['serviceId']));
  }
  return services;
}

/**
 * The outage and maintenance window streams an agreement's bundle must hold, derived from its own events and the
 * stated terms: each bundled outage or window is of a service the agreement covers and holds its first event, and
 * every outage the stated availability terms count has its stream. An outage left out of both the events and the
 * stated figures is bound only by the logged manifest (the exporter bundles every outage and window of the services
 * that overlaps the period).
 */
export function downtimeSetProblems(
  agreementId: string,
  events: readonly BundleEventFacts[],
  statedAvailability: unknown,
): string[] {
  const problems: string[] = [];
  const services = servicesOf(agreementId, events);
  const firstEvent = { [OUTAGE]: 'OutageStarted', [MAINTENANCE]: 'MaintenanceWindowScheduled' };
  const streams = new Set(
    events
      .filter((event) => [OUTAGE, MAINTENANCE].includes(streamCategory(event.streamName)))
      .map((event) => event.streamName),
  );
  for (const stream of streams) {
    const expected = firstEvent[streamCategory(stream) as keyof typeof firstEvent];
    const opening = events.find((event) => event.streamName === stream && event.type === expected);
    if (!opening) {
      problems.push(`stream ${stream} has no ${expected} event, so its service is unknown`);
      continue;
    }
    const serviceId = String(record(opening.data)['serviceId']);
    if (!services.has(serviceId))
      problems.push(`stream ${stream} is for service '${serviceId}', which agreement ${agreementId} does not cover`);
  }
  const terms = record(statedAvailability)['terms'];
  for (const term of Array.isArray(terms) ? terms : []) {
    const contributions = record(term)['contributions'];
    for (const contribution of Array.isArray(contributions) ? contributions : []) {
      const outageId = String(record(contribution)['outageId']);
      if (!streams.has(outageStreamName(outageId)))
        problems.push(
          `the stated availability of ${String(record(term)['serviceId'])} counts outage ${outageId}, whose stream is not in the bundle`,
        );
    }
  }
  return problems;
}

function inPeriod(instant: string, period: Period): boolean {
  const at = Date.parse(instant);
  return at >= Date.parse(period.from) && at < Date.parse(period.to);
}
