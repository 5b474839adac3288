import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  agreementDecider,
  agreementStreamName,
  type AgreementEvent,
  type AgreementState,
} from '@sla/agreements-domain';
import { evaluateTicketSla } from '@sla/compliance-domain';
import { TicketClockInputs } from '@sla/compliance-read-models';
import { DomainError, type EventStore, type RecordedEvent } from '@sla/event-sourcing';
import { EVENT_STORE } from '@sla/nest-platform';
import { toClockFacts, ticketStreamName, type TicketEvent } from '@sla/operations-domain';

class StreamNotFoundError extends DomainError {
  readonly kind = 'not_found' as const;
  constructor(
    readonly code: 'AGREEMENT_NOT_FOUND' | 'TICKET_NOT_FOUND',
    message: string,
  ) {
    super(message);
  }
}

const provenance = (event: RecordedEvent) => ({
  revision: Number(event.streamRevision),
  eventId: event.id,
  type: event.type,
  occurredAt: (event.data as { occurredAt?: string }).occurredAt ?? null,
  recordedAt: event.recordedAt.toISOString(),
  actor: event.metadata.actor,
  correlationId: event.metadata.correlationId,
});

function summary(state: AgreementState) {
  if (!state.exists) return null;
  return {
    kind: state.kind,
    versions: state.versions.map((version) => ({
      version: version.number,
      status: version.status,
      changeRequest: version.changeRequest,
      effectiveFrom: version.content.effectiveFrom,
      signedBy: Object.entries(version.signatures).map(
        ([party, signature]) => `${party}: ${signature!.signatory.name}`,
      ),
      approvedAt: version.approvedAt,
    })),
    suspended: state.suspended,
    terminatesAt: state.terminatesAt,
    expiresAt: state.expiresAt,
    expired: state.expired,
  };
}

export type AgreementReplayStep = ReturnType<typeof provenance> & {
  changeRequest: string | null;
  state: ReturnType<typeof summary>;
};

export class ReplayAgreementQuery extends Query<AgreementReplayStep[]> {
  constructor(readonly agreementId: string) {
    super();
  }
}

/** The agreement's state after each of its events, folded by the same decider that decided them. */
@QueryHandler(ReplayAgreementQuery)
export class ReplayAgreementHandler implements IQueryHandler<ReplayAgreementQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ agreementId }: ReplayAgreementQuery): Promise<AgreementReplayStep[]> {
    const events = await this.store.readStream(agreementStreamName(agreementId));
    if (events.length === 0) throw new StreamNotFoundError('AGREEMENT_NOT_FOUND', `no agreement '${agreementId}'`);
    let state = agreementDecider.initialState();
    return events.map((recorded) => {
      const event = { type: recorded.type, data: recorded.data } as AgreementEvent;
      state = agreementDecider.evolve(state, event);
      return {
        ...provenance(recorded),
        changeRequest: (event.data as { changeRequest?: string }).changeRequest ?? null,
        state: summary(state),
      };
    });
  }
}

export type ClockReplayStep = ReturnType<typeof provenance> & {
  clocks: {
    agreementId: string;
    version: number;
    metric: string;
    state: string;
    priority: string | null;
    elapsedMs: number;
    remainingMs: number | null;
    dueAt: string | null;
    breachedAt: string | null;
    stoppedAt: string | null;
  }[];
};

export class ReplayTicketClockQuery extends Query<ClockReplayStep[]> {
  constructor(readonly ticketId: string) {
    super();
  }
}

/**
 * Why a ticket is (or is not) breached, fact by fact: the facts in event-time
 * order, and after each the clocks as the facts known so far make them, under
 * the agreement version in force when the ticket opened.
 */
@QueryHandler(ReplayTicketClockQuery)
export class ReplayTicketClockHandler implements IQueryHandler<ReplayTicketClockQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clockInputs: TicketClockInputs,
  ) {}

  async execute({ ticketId }: ReplayTicketClockQuery): Promise<ClockReplayStep[]> {
    const events = await this.store.readStream(ticketStreamName(ticketId));
    const opened = events.find((event) => event.type === 'TicketOpened');
    if (!opened) throw new StreamNotFoundError('TICKET_NOT_FOUND', `no ticket '${ticketId}'`);
    const serviceId = (opened.data as { serviceId: string }).serviceId;
    const agreements = await this.clockInputs.agreementsCovering(serviceId);
    const calendars = await this.clockInputs.calendars();
    const withFacts = events
      .map((recorded) => ({
        recorded,
        facts: toClockFacts([{ type: recorded.type, data: recorded.data } as TicketEvent]),
      }))
      .filter((entry) => entry.facts.length > 0)
      .sort((a, b) => a.facts[0].at - b.facts[0].at);
    const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());
    return withFacts.map((entry, index) => ({
      ...provenance(entry.recorded),
      clocks: evaluateTicketSla({
        serviceId,
        facts: withFacts.slice(0, index + 1).flatMap((step) => step.facts),
        agreements,
        calendars,
      }).map((clock) => ({
        agreementId: clock.agreementId,
        version: clock.version,
        metric: clock.metric,
        state: clock.state,
        priority: clock.priority,
        elapsedMs: clock.elapsedMs,
        remainingMs: clock.remainingMs,
        dueAt: iso(clock.dueAt),
        breachedAt: iso(clock.breachedAt),
        stoppedAt: iso(clock.stoppedAt),
      })),
    }));
  }
}
