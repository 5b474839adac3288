import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely } from 'kysely';
import { CalendarCatalogue } from '@sla/catalogue-read-models';
import { liveClock, truncatedDecimal, type TicketSlaState } from '@sla/compliance-domain';
import { CLOCK, READ_STORE, type Clock } from '@sla/nest-platform';
import type { TicketSlaTables } from './ticket-sla.projection';

const iso = (value: Date | null) => value?.toISOString() ?? null;

export type TicketClockView = {
  ticketId: string;
  agreementId: string;
  agreementKind: string;
  version: number;
  metric: string;
  serviceId: string;
  priority: string | null;
  /** As of the query: running clocks may have become at-risk or breached since the last fact. */
  state: TicketSlaState | 'at-risk';
  /** As of the ticket's latest fact. */
  recordedState: string;
  reason: string | null;
  targetMs: number | null;
  calendarId: string | null;
  elapsedMs: number;
  remainingMs: number | null;
  dueAt: string | null;
  breachAt: string | null;
  breachedAt: string | null;
  atRiskAt: string | null;
  stoppedAt: string | null;
  openedAt: string;
  evaluatedAt: string;
};

export class GetTicketClocksQuery extends Query<TicketClockView[]> {
  constructor(readonly ticketId: string) {
    super();
  }
}

@QueryHandler(GetTicketClocksQuery)
export class GetTicketClocksHandler implements IQueryHandler<GetTicketClocksQuery> {
  constructor(
    @Inject(READ_STORE) private readonly db: Kysely<TicketSlaTables>,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly calendars: CalendarCatalogue,
  ) {}

  async execute({ ticketId }: GetTicketClocksQuery): Promise<TicketClockView[]> {
    const rows = await this.db.selectFrom('ticket_sla_status').selectAll().where('ticket_id', '=', ticketId).orderBy('agreement_id').orderBy('metric', 'desc').execute();
    const calendars = await this.calendars.load([...new Set(rows.flatMap((row) => (row.calendar_id ? [row.calendar_id] : [])))]);
    const now = this.clock.now().getTime();
    return rows.map((row) => {
      const live = liveClock(
        {
          state: row.state as TicketSlaState,
          targetMs: row.target_ms === null ? null : Number(row.target_ms),
          elapsedMs: Number(row.elapsed_ms),
          dueAt: row.due_at?.getTime() ?? null,
          breachAt: row.breach_at?.getTime() ?? null,
          atRiskAt: row.at_risk_at?.getTime() ?? null,
        },
        now,
        row.calendar_id ? calendars.get(row.calendar_id) : undefined,
      );
      return {
        ticketId: row.ticket_id,
        agreementId: row.agreement_id,
        agreementKind: row.agreement_kind,
        version: row.version,
        metric: row.metric,
        serviceId: row.service_id,
        priority: row.priority,
        state: live.state,
        recordedState: row.state,
        reason: row.reason,
        targetMs: row.target_ms === null ? null : Number(row.target_ms),
        calendarId: row.calendar_id,
        elapsedMs: live.elapsedMs,
        remainingMs: live.remainingMs,
        dueAt: iso(row.due_at),
        breachAt: iso(row.breach_at),
        breachedAt: iso(row.breached_at),
        atRiskAt: iso(row.at_risk_at),
        stoppedAt: iso(row.stopped_at),
        openedAt: row.opened_at.toISOString(),
        evaluatedAt: row.evaluated_at.toISOString(),
      };
    });
  }
}

export type MetricCompliance = {
  serviceId: string;
  priority: string;
  metric: string;
  tickets: number;
  met: number;
  breached: number;
  open: number;
  /** met / (met + breached), truncated to 4 places; null when nothing has stopped yet. */
  percentWithinTarget: string | null;
  medianElapsedMs: number | null;
  p90ElapsedMs: number | null;
};

export class GetResponseResolutionComplianceQuery extends Query<MetricCompliance[]> {
  constructor(
    readonly agreementId: string,
    readonly from: Date,
    readonly to: Date,
  ) {
    super();
  }
}

/**
 * Response and resolution compliance of the tickets opened in [from, to)
 * under one agreement, per service, priority and metric. A running clock
 * counts as open; breached running clocks count as breached once the
 * breach is on record (live breach detection).
 */
@QueryHandler(GetResponseResolutionComplianceQuery)
export class GetResponseResolutionComplianceHandler implements IQueryHandler<GetResponseResolutionComplianceQuery> {
  constructor(@Inject(READ_STORE) private readonly db: Kysely<TicketSlaTables>) {}

  async execute({ agreementId, from, to }: GetResponseResolutionComplianceQuery): Promise<MetricCompliance[]> {
    const rows = await this.db
      .selectFrom('ticket_sla_status')
      .select((eb) => [
        'service_id',
        'priority',
        'metric',
        eb.fn.countAll<string>().as('tickets'),
        sql<string>`count(*) filter (where state = 'met')`.as('met'),
        sql<string>`count(*) filter (where state = 'breached')`.as('breached'),
        sql<number | null>`percentile_cont(0.5) within group (order by elapsed_ms) filter (where state in ('met', 'breached'))`.as('median'),
        sql<number | null>`percentile_cont(0.9) within group (order by elapsed_ms) filter (where state in ('met', 'breached'))`.as('p90'),
      ])
      .where('agreement_id', '=', agreementId)
      .where('opened_at', '>=', from)
      .where('opened_at', '<', to)
      .where('state', '!=', 'not-covered')
      .groupBy(['service_id', 'priority', 'metric'])
      .orderBy('service_id')
      .orderBy('priority')
      .orderBy('metric', 'desc')
      .execute();
    return rows.map((row) => {
      const met = Number(row.met);
      const breached = Number(row.breached);
      const stopped = met + breached;
      return {
        serviceId: row.service_id,
        priority: row.priority ?? 'unknown',
        metric: row.metric,
        tickets: Number(row.tickets),
        met,
        breached,
        open: Number(row.tickets) - stopped,
        percentWithinTarget: stopped === 0 ? null : truncatedDecimal({ numerator: BigInt(met) * 100n, denominator: BigInt(stopped) }, 4),
        medianElapsedMs: row.median === null ? null : Number(row.median),
        p90ElapsedMs: row.p90 === null ? null : Number(row.p90),
      };
    });
  }
}
