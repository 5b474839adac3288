import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import type { AgreementKind } from '@sla/agreements-domain';
import { CalendarCatalogue } from '@sla/catalogue-read-models';
import { evaluateTicketSla, truncatedDecimal, type AgreementHistory } from '@sla/compliance-domain';
import { CLOCK, READ_STORE, type Clock } from '@sla/nest-platform';
import type { BusinessCalendar } from '@sla/sla-clock';
import type { TicketSlaTables } from '../ticket-sla/ticket-sla.projection';

type Knowledge = { recordedBefore: number; eventTimeUntil: number };
type ClockState = {
  ticketId: string;
  serviceId: string;
  priority: string | null;
  metric: string;
  state: string;
  elapsedMs: number;
};

export type PeriodFigures = {
  serviceId: string;
  priority: string;
  metric: string;
  tickets: number;
  met: number;
  breached: number;
  open: number;
  percentWithinTarget: string | null;
}[];

export type RestatementView = {
  agreementId: string;
  from: string;
  to: string;
  reportedAt: string;
  correctedAt: string;
  asReported: PeriodFigures;
  asCorrected: PeriodFigures;
  /** Clocks whose outcome differs, with the facts recorded after the report that made the difference. */
  changes: {
    ticketId: string;
    metric: string;
    reported: string;
    corrected: string;
    causedBy: { type: string; occurredAt: string; recordedAt: string }[];
  }[];
};

const percent = (met: number, breached: number) =>
  met + breached === 0
    ? null
    : truncatedDecimal({ numerator: BigInt(met) * 100n, denominator: BigInt(met + breached) }, 4);

function figures(clocks: readonly ClockState[]): PeriodFigures {
  const groups = new Map<string, ClockState[]>();
  for (const clock of clocks) {
    const key = `${clock.serviceId}\u0000${clock.priority}\u0000${clock.metric}`;
    groups.set(key, [...(groups.get(key) ?? []), clock]);
  }
  return [...groups.values()]
    .map((group) => {
      const met = group.filter((clock) => clock.state === 'met').length;
      const breached = group.filter((clock) => clock.state === 'breached').length;
      return {
        serviceId: group[0].serviceId,
        priority: group[0].priority ?? 'unknown',
        metric: group[0].metric,
        tickets: group.length,
        met,
        breached,
        open: group.length - met - breached,
        percentWithinTarget: percent(met, breached),
      };
    })
    .sort(
      (a, b) =>
        a.serviceId.localeCompare(b.serviceId) ||
        a.priority.localeCompare(b.priority) ||
        b.metric.localeCompare(a.metric),
    );
}

export class GetRestatementQuery extends Query<RestatementView> {
  constructor(
    readonly agreementId: string,
    readonly from: Date,
    readonly to: Date,
    readonly reportedAt: Date,
  ) {
    super();
  }
}

/**
 * A period's response and resolution figures as they were known when
 * reported (only facts, agreement events and calendar definitions recorded before then) beside
 * what is known now, and for every clock that changed, the late facts that
 * changed it. Computed from the read model's facts with their recording
 * times; only the calendars' own streams are read, for their definitions as known when reported.
 */
@QueryHandler(GetRestatementQuery)
export class GetRestatementHandler implements IQueryHandler<GetRestatementQuery> {
  constructor(
    @Inject(READ_STORE) private readonly db: Kysely<TicketSlaTables>,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly catalogue: CalendarCatalogue,
  ) {}

  async execute({ agreementId, from, to, reportedAt }: GetRestatementQuery): Promise<RestatementView> {
    const now = this.clock.now().getTime();
    const agreement = await this.db
      .selectFrom('compliance_agreement')
      .selectAll()
      .where('agreement_id', '=', agreementId)
      .executeTakeFirst();
    const services = (
      await this.db
        .selectFrom('compliance_agreement_service')
        .select('service_id')
        .where('agreement_id', '=', agreementId)
        .execute()
    ).map((row) => row.service_id);
    const tickets =
      services.length === 0
        ? []
        : await this.db
            .selectFrom('compliance_ticket')
            .selectAll()
            .where('service_id', 'in', services)
            .where('opened_at', '>=', from)
            .where('opened_at', '<', to)
            .orderBy('opened_at')
            .execute();
    const calendarIds = new Set<string>();
    for (const event of agreement?.events ?? []) {
      if ('content' in event.data)
        for (const target of event.data.content.serviceTargets)
          calendarIds.add(target.response.calendarId).add(target.resolution.calendarId);
    }
    // Each side under the calendars known then: a calendar redefined after the report does not change what it said.
    const calendarsNow = await this.catalogue.load([...calendarIds]);
    const calendarsReported = await this.catalogue.loadKnownAt([...calendarIds], reportedAt);
    const recordedTime = (value: { recordedAt?: string }) => (value.recordedAt ? Date.parse(value.recordedAt) : 0);

    const evaluate = (knowledge: Knowledge, calendars: Map<string, BusinessCalendar>): ClockState[] => {
      if (!agreement) return [];
      const history: AgreementHistory = {
        agreementId,
        kind: agreement.kind as AgreementKind,
        events: agreement.events.filter((event) => recordedTime(event) < knowledge.recordedBefore),
      };
      return tickets.flatMap((ticket) => {
        const facts = ticket.facts.filter(
          (fact) => recordedTime(fact) < knowledge.recordedBefore && fact.at <= knowledge.eventTimeUntil,
        );
        return evaluateTicketSla({ serviceId: ticket.service_id, facts, agreements: [history], calendars })
          .filter((clock) => clock.state !== 'not-covered')
          .map((clock) => ({
            ticketId: ticket.ticket_id,
            serviceId: ticket.service_id,
            priority: clock.priority,
            metric: clock.metric,
            // A running clock whose breach instant had passed by then was breached by then.
            state:
              (clock.state === 'running' || clock.state === 'paused') &&
              clock.breachAt !== null &&
              clock.breachAt <= Math.min(knowledge.recordedBefore, knowledge.eventTimeUntil)
                ? 'breached'
                : clock.state,
            elapsedMs: clock.elapsedMs,
          }));
      });
    };
    // A report describes the world up to the moment it was made (never later than now).
    const reported = evaluate(
      { recordedBefore: reportedAt.getTime(), eventTimeUntil: Math.min(reportedAt.getTime(), now) },
      calendarsReported,
    );
    const corrected = evaluate({ recordedBefore: Infinity, eventTimeUntil: now }, calendarsNow);
    const changes: RestatementView['changes'] = [];
    for (const after of corrected) {
      const before = reported.find((clock) => clock.ticketId === after.ticketId && clock.metric === after.metric);
      if ((before?.state ?? 'unknown') === after.state) continue;
      const ticket = tickets.find((candidate) => candidate.ticket_id === after.ticketId)!;
      changes.push({
        ticketId: after.ticketId,
        metric: after.metric,
        reported: before?.state ?? 'unknown',
        corrected: after.state,
        causedBy: ticket.facts
          .filter((fact) => recordedTime(fact) >= reportedAt.getTime())
          .sort((a, b) => a.at - b.at)
          .map((fact) => ({
            type: fact.type,
            occurredAt: new Date(fact.at).toISOString(),
            recordedAt: fact.recordedAt ?? 'unknown',
          })),
      });
    }
    return {
      agreementId,
      from: from.toISOString(),
      to: to.toISOString(),
      reportedAt: reportedAt.toISOString(),
      correctedAt: new Date(now).toISOString(),
      asReported: figures(reported),
      asCorrected: figures(corrected),
      changes,
    };
  }
}
