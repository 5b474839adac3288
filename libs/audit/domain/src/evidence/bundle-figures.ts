import { TicketSlaBreached, TicketSlaBreachRetracted } from '@sla/compliance-domain';
import type { BundleEventFacts } from './bundle-completeness';

type Period = { readonly from: string; readonly to: string };

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
