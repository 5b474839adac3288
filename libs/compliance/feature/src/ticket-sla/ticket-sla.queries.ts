import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely, type Selectable } from 'kysely';
import { CalendarCatalogue } from '@sla/catalogue-read-models';
import { liveClock, recordedClock, truncatedDecimal, type TicketSlaState } from '@sla/compliance-domain';
import {
  CLOCK,
  READ_STORE,
  keysetAfter,
  pageOf,
  type Clock,
  type KeysetColumn,
  type Page,
  type PageRequest,
} from '@sla/nest-platform';
import type { BreachFollowUpTables } from '../breach-follow-up/breach-follow-up.projection';
import type { TicketSlaTables } from './ticket-sla.projection';

const iso = (value: Date | null) => value?.toISOString() ?? null;

type StatusRow = Selectable<TicketSlaTables['ticket_sla_status']>;

/** A stored clock row as the live evaluation reads it (the ticket view, the live queue). */
export const storedClockOf = (row: StatusRow) => ({
  state: row.state as TicketSlaState,
  targetMs: row.target_ms === null ? null : Number(row.target_ms),
  elapsedMs: Number(row.elapsed_ms),
  dueAt: row.due_at?.getTime() ?? null,
  breachAt: row.breach_at?.getTime() ?? null,
  atRiskAt: row.at_risk_at?.getTime() ?? null,
  evaluatedAt: row.evaluated_at.getTime(),
});

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
  /** As of the latest fact about the clock: the ticket's, or the SLA watch's finding (at risk, breached, corrected). */
  recordedState: string;
  reason: string | null;
  targetMs: number | null;
  calendarId: string | null;
  elapsedMs: number;
  remainingMs: number | null;
  dueAt: string | null;
  breachAt: string | null;
  /** When the ticket's facts show it breached, else when the breach on record (the breach log's) happened. */
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
    const rows = await this.db
      .selectFrom('ticket_sla_status')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .orderBy('agreement_id')
      .orderBy('metric', 'desc')
      .execute();
    const calendars = await this.calendars.load([
      ...new Set(rows.flatMap((row) => (row.calendar_id ? [row.calendar_id] : []))),
    ]);
    // The breach log's own rows: the ticket view takes the watch's findings from where the log does.
    const findings = await this.db
      .selectFrom('sla_detection')
      .select(['agreement_id', 'metric', 'kind', 'instant'])
      .where('ticket_id', '=', ticketId)
      .where('retracted_at', 'is', null)
      .execute();
    const findingsOf = (row: { agreement_id: string; metric: string }) => {
      const own = findings.filter(
        ({ agreement_id, metric }) => agreement_id === row.agreement_id && metric === row.metric,
      );
      const breachedAt = own.find((finding) => finding.kind === 'breached')?.instant.getTime() ?? null;
      return { breachedAt, atRiskRecorded: own.some((finding) => finding.kind === 'at-risk') };
    };
    const now = this.clock.now().getTime();
    return rows.map((row) => {
      const evaluated = { state: row.state as TicketSlaState, breachedAt: row.breached_at?.getTime() ?? null };
      const recorded = recordedClock(evaluated, findingsOf(row));
      const live = liveClock(storedClockOf(row), now, row.calendar_id ? calendars.get(row.calendar_id) : undefined);
      // A recorded finding stands even if the query's clock has not reached its instant yet.
      const standing = recorded.state === 'breached' || (recorded.state === 'at-risk' && live.state === 'running');
      return {
        ticketId: row.ticket_id,
        agreementId: row.agreement_id,
        agreementKind: row.agreement_kind,
        version: row.version,
        metric: row.metric,
        serviceId: row.service_id,
        priority: row.priority,
        state: standing ? recorded.state : live.state,
        recordedState: recorded.state,
        reason: row.reason,
        targetMs: row.target_ms === null ? null : Number(row.target_ms),
        calendarId: row.calendar_id,
        elapsedMs: live.elapsedMs,
        remainingMs: live.remainingMs,
        dueAt: iso(row.due_at),
        breachAt: iso(row.breach_at),
        breachedAt: recorded.breachedAt === null ? null : new Date(recorded.breachedAt).toISOString(),
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
 * counts as open until the SLA watch records its breach; then as breached.
 * Percentiles are over stopped clocks only.
 */
@QueryHandler(GetResponseResolutionComplianceQuery)
export class GetResponseResolutionComplianceHandler implements IQueryHandler<GetResponseResolutionComplianceQuery> {
  constructor(@Inject(READ_STORE) private readonly db: Kysely<TicketSlaTables>) {}

  async execute({ agreementId, from, to }: GetResponseResolutionComplianceQuery): Promise<MetricCompliance[]> {
    const rows = await this.db
      .selectFrom('ticket_sla_status as s')
      .select((eb) => [
        's.service_id',
        's.priority',
        's.metric',
        eb.fn.countAll<string>().as('tickets'),
        sql<string>`count(*) filter (where s.state = 'met')`.as('met'),
        // A running clock whose breach the SLA watch has recorded counts as breached.
        sql<string>`count(*) filter (where s.state = 'breached' or (s.state in ('running', 'paused') and s.breach_on_record))`.as(
          'breached',
        ),
        sql<
          number | null
        >`percentile_cont(0.5) within group (order by s.elapsed_ms) filter (where s.state in ('met', 'breached'))`.as(
          'median',
        ),
        sql<
          number | null
        >`percentile_cont(0.9) within group (order by s.elapsed_ms) filter (where s.state in ('met', 'breached'))`.as(
          'p90',
        ),
      ])
      .where('s.agreement_id', '=', agreementId)
      .where('s.opened_at', '>=', from)
      .where('s.opened_at', '<', to)
      .where('s.state', '!=', 'not-covered')
      .groupBy(['s.service_id', 's.priority', 's.metric'])
      .orderBy('s.service_id')
      .orderBy('s.priority')
      .orderBy('s.metric', 'desc')
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
        percentWithinTarget:
          stopped === 0 ? null : truncatedDecimal({ numerator: BigInt(met) * 100n, denominator: BigInt(stopped) }, 4),
        medianElapsedMs: row.median === null ? null : Number(row.median),
        p90ElapsedMs: row.p90 === null ? null : Number(row.p90),
      };
    });
  }
}

export type BreachView = {
  eventId: string;
  ticketId: string;
  agreementId: string;
  version: number;
  metric: string;
  serviceId: string | null;
  priority: string | null;
  targetMs: number | null;
  calendarId: string | null;
  breachedAt: string;
  /** When the SLA watch knew (event time of the finding) and when it was recorded. */
  detectedAt: string;
  recordedAt: string;
  /** The customer is owed notice within 24 hours of the breach becoming known. */
  customerNotificationDueAt: string;
  retractedAt: string | null;
  retractionReason: string | null;
  /** A customer-approved deviation, recorded beside the breach (which stays on record). */
  waiver: unknown;
  /** The ticket facts the clock was evaluated from, in event-time order. */
  facts: { type: string; at: string; priority?: string }[];
};

export type BreachFilter = {
  readonly agreementId?: string | undefined;
  readonly serviceId?: string | undefined;
  readonly ticketId?: string | undefined;
  readonly priority?: string | undefined;
  readonly metric?: string | undefined;
};

export class ListBreachesQuery extends Query<Page<BreachView>> {
  constructor(
    readonly filter: BreachFilter,
    readonly from: Date,
    readonly to: Date,
    /** The log as it stood then: breaches, corrections and facts recorded before this instant. */
    readonly knownAt?: Date,
    /** Without one, every breach of the period (reports and evidence bundles need the whole log). */
    readonly page?: PageRequest,
  ) {
    super();
  }
}

// Response before resolution at the same instant; the event id makes the order total.
const BREACH_ORDER: KeysetColumn[] = [
  { column: 'd.instant', direction: 'asc' },
  { column: 'd.ticket_id', direction: 'asc' },
  { column: 'd.metric', direction: 'desc' },
  { column: 'd.event_id', direction: 'asc' },
];

/** The breach log: every recorded breach in [from, to) by breach instant, corrections beside them, never removed. */
@QueryHandler(ListBreachesQuery)
export class ListBreachesHandler implements IQueryHandler<ListBreachesQuery> {
  constructor(@Inject(READ_STORE) private readonly db: Kysely<TicketSlaTables & BreachFollowUpTables>) {}

  async execute({ filter, from, to, knownAt, page }: ListBreachesQuery): Promise<Page<BreachView>> {
    const known = (instant: Date | null) => instant !== null && (!knownAt || instant < knownAt);
    let query = this.db
      .selectFrom('sla_detection as d')
      .leftJoin('compliance_ticket as t', 't.ticket_id', 'd.ticket_id')
      .leftJoin('breach_follow_up as f', 'f.breach_event_id', 'd.event_id')
      .selectAll('d')
      .select(['t.facts', 'f.waiver'])
      .where('d.kind', '=', 'breached')
      .where('d.instant', '>=', from)
      .where('d.instant', '<', to)
      .orderBy('d.instant')
      .orderBy('d.ticket_id')
      .orderBy('d.metric', 'desc')
      .orderBy('d.event_id');
    if (filter.agreementId) query = query.where('d.agreement_id', '=', filter.agreementId);
    if (filter.serviceId) query = query.where('d.service_id', '=', filter.serviceId);
    if (filter.ticketId) query = query.where('d.ticket_id', '=', filter.ticketId);
    if (filter.priority) query = query.where('d.priority', '=', filter.priority);
    if (filter.metric) query = query.where('d.metric', '=', filter.metric);
    if (knownAt) query = query.where('d.recorded_at', '<', knownAt);
    const after = keysetAfter(BREACH_ORDER, page?.cursor);
    if (after) query = query.where(after);
    if (page) query = query.limit(page.limit + 1);
    const rows = await query.execute();
    const keyOf = (row: (typeof rows)[number]) => [row.instant.toISOString(), row.ticket_id, row.metric, row.event_id];
    return pageOf(rows, page?.limit ?? rows.length, keyOf, (row): BreachView => ({
      eventId: row.event_id,
      ticketId: row.ticket_id,
      agreementId: row.agreement_id,
      version: row.version,
      metric: row.metric,
      serviceId: row.service_id,
      priority: row.priority,
      targetMs: row.target_ms === null ? null : Number(row.target_ms),
      calendarId: row.calendar_id,
      breachedAt: row.instant.toISOString(),
      detectedAt: row.detected_at.toISOString(),
      recordedAt: row.recorded_at.toISOString(),
      customerNotificationDueAt: new Date(row.detected_at.getTime() + 24 * 3_600_000).toISOString(),
      retractedAt: known(row.retraction_recorded_at ?? row.retracted_at) ? iso(row.retracted_at) : null,
      retractionReason: known(row.retraction_recorded_at ?? row.retracted_at) ? row.retraction_reason : null,
      waiver: row.waiver ?? null,
      facts: [...(row.facts ?? [])]
        .filter((fact) => !knownAt || !fact.recordedAt || Date.parse(fact.recordedAt) < knownAt.getTime())
        .sort((a, b) => a.at - b.at)
        .map((fact) => ({
          type: fact.type,
          at: new Date(fact.at).toISOString(),
          ...('priority' in fact ? { priority: fact.priority } : {}),
        })),
    }));
  }
}
