import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { explainTicketSla } from '@sla/compliance-domain';
import { TicketClockInputs } from '@sla/compliance-read-models';
import { DomainError, type EventStore } from '@sla/event-sourcing';
import { CLOCK, EVENT_STORE, type Clock } from '@sla/nest-platform';
import { toClockFacts, ticketStreamName, type TicketEvent } from '@sla/operations-domain';
import type { TicketTimelineView, timelineStep } from './ticket-timeline.routes';
import type { z } from 'zod';
import { describeClockExplanation, type ClockStep, type ExplanationLanguage, type Instant } from '@sla/sla-clock';

class TicketNotFoundError extends DomainError {
  readonly kind = 'not_found' as const;
  readonly code = 'TICKET_NOT_FOUND';
}

/** At most this many service windows are returned for shading (a long-open ticket on a 24x7 calendar has few). */
const MAX_SERVICE_WINDOWS = 2_000;

export class GetTicketTimelineQuery extends Query<TicketTimelineView> {
  constructor(
    readonly ticketId: string,
    readonly language: ExplanationLanguage,
    readonly timeZone: string | undefined,
    readonly asOf: string | undefined,
  ) {
    super();
  }
}

const iso = (instant: Instant) => new Date(instant).toISOString();

/** A step for the wire: instants as ISO strings, durations in milliseconds named as such. */
function stepView(step: ClockStep, text: string): z.infer<typeof timelineStep> {
  const { kind, ...rest } = step as ClockStep & Record<string, unknown>;
  const view: Record<string, unknown> = { kind, text };
  const renamed: Record<string, string> = {
    budget: 'budgetMs',
    counted: 'countedMs',
    total: 'totalMs',
    length: 'lengthMs',
  };
  for (const [key, value] of Object.entries(rest)) {
    // `from` and `to` are instants of a stretch or a pause, but priorities of a re-target.
    if (['at', 'from', 'to', 'revealedAt'].includes(key) && typeof value === 'number') view[key] = iso(value);
    else view[renamed[key] ?? key] = value;
  }
  return view as z.infer<typeof timelineStep>;
}

/**
 * A ticket's SLA timeline, read from its own stream (not a read model that may lag): the facts, and per covering
 * agreement and metric the clock explained step by step, as of now (the injected clock) or `asOf`.
 */
@QueryHandler(GetTicketTimelineQuery)
export class GetTicketTimelineHandler implements IQueryHandler<GetTicketTimelineQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly clockInputs: TicketClockInputs,
  ) {}

  async execute({ ticketId, language, timeZone, asOf }: GetTicketTimelineQuery): Promise<TicketTimelineView> {
    const events = await this.store.readStream(ticketStreamName(ticketId));
    const opened = events.find((event) => event.type === 'TicketOpened');
    if (!opened) throw new TicketNotFoundError(`no ticket '${ticketId}'`);
    const serviceId = (opened.data as { serviceId: string }).serviceId;
    const at = asOf === undefined ? this.clock.now().getTime() : Date.parse(asOf);
    const facts = toClockFacts(events.map((event) => ({ type: event.type, data: event.data }) as TicketEvent));
    const [agreements, calendars] = await Promise.all([
      this.clockInputs.agreementsCovering(serviceId),
      this.clockInputs.calendars(),
    ]);
    const explained = explainTicketSla({ serviceId, facts, agreements, calendars }, at);
    const factViews = events
      .map((event) => {
        const data = event.data as { occurredAt?: string; priority?: string };
        return {
          type: event.type,
          occurredAt: new Date(data.occurredAt ?? event.recordedAt).toISOString(),
          recordedAt: event.recordedAt.toISOString(),
          priority: data.priority ?? null,
        };
      })
      .sort((left, right) => left.occurredAt.localeCompare(right.occurredAt));
    return {
      ticketId,
      serviceId,
      asOf: iso(at),
      facts: factViews,
      clocks: explained.map(({ agreementId, agreementKind, version, explanation }) => {
        const { evaluation } = explanation;
        const calendar = evaluation.calendarId === null ? undefined : calendars.get(evaluation.calendarId);
        const zone = timeZone ?? calendar?.definition.timeZone ?? 'UTC';
        const text = describeClockExplanation(explanation, { language, timeZone: zone });
        const started = explanation.steps[0]?.kind === 'started' ? explanation.steps[0].at : null;
        // The axis runs from the opening to the stop, or on to the due instant while the clock runs.
        const end = Math.max(evaluation.stoppedAt ?? at, evaluation.state === 'running' ? (evaluation.dueAt ?? at) : 0);
        const windows = calendar && started !== null && end > started ? calendar.intervals(started, end) : [];
        return {
          agreementId,
          agreementKind,
          version,
          metric: explanation.metric,
          state: evaluation.state,
          priority: evaluation.priority,
          calendarId: evaluation.calendarId,
          timeZone: zone,
          elapsedMs: evaluation.elapsed,
          targetMs: evaluation.targetDuration,
          pausedMs: explanation.paused,
          dueAt: evaluation.dueAt === null ? null : iso(evaluation.dueAt),
          atRiskAt: evaluation.atRisk[0]?.at == null ? null : iso(evaluation.atRisk[0].at),
          breachedAt: evaluation.breachedAt === null ? null : iso(evaluation.breachedAt),
          stoppedAt: evaluation.stoppedAt === null ? null : iso(evaluation.stoppedAt),
          serviceHours: windows.slice(0, MAX_SERVICE_WINDOWS).map(([from, to]) => ({ from: iso(from), to: iso(to) })),
          steps: explanation.steps.map((step, index) => stepView(step, text.steps[index]!)),
          summary: text.summary,
        };
      }),
    };
  }
}
