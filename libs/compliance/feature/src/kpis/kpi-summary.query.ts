import { Inject } from '@nestjs/common';
import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { truncatedDecimal } from '@sla/compliance-domain';
import { READ_STORE } from '@sla/nest-platform';
import { GetAgreementAvailabilityQuery } from '../availability/availability.queries';
import type { TicketSlaTables } from '../ticket-sla/ticket-sla.projection';
import type { KpiTicketTables } from './kpi-tickets.projection';

export type KpiView = {
  kpi:
    | 'all-targets-met'
    | 'incidents-within-response-target'
    | 'customer-satisfaction'
    | 'complaints-handled'
    | 'major-incidents-per-year';
  description: string;
  /** Percent (truncated to 2 places) or a count. */
  value: string | null;
  numerator: number;
  denominator: number | null;
  goal: string;
  /** null when there was nothing to measure. */
  met: boolean | null;
};

export class GetKpiSummaryQuery extends Query<KpiView[]> {
  constructor(
    readonly agreementId: string,
    readonly from: Date,
    readonly to: Date,
    readonly timeZone: string,
  ) {
    super();
  }
}

const percent = (numerator: number, denominator: number) =>
  denominator === 0
    ? null
    : truncatedDecimal({ numerator: BigInt(numerator) * 100n, denominator: BigInt(denominator) }, 2);
// Goals compared exactly: numerator / denominator ≥ goal %.
const reaches = (numerator: number, denominator: number, goalPercent: number) =>
  denominator === 0 ? null : numerator * 100 >= goalPercent * denominator;

/**
 * The process KPIs of the service level management procedure for one
 * agreement and period, each against its goal: all targets met (100 % a
 * month), incidents within the response target (95 %), customer
 * satisfaction (90 % rated 4 or 5 of 5), complaints handled (100 %), major
 * incidents (at most 1 a year, counted from 1 January to the period's end).
 */
@QueryHandler(GetKpiSummaryQuery)
export class GetKpiSummaryHandler implements IQueryHandler<GetKpiSummaryQuery> {
  constructor(
    @Inject(READ_STORE) private readonly db: Kysely<TicketSlaTables & KpiTicketTables>,
    private readonly queries: QueryBus,
  ) {}

  async execute({ agreementId, from, to, timeZone }: GetKpiSummaryQuery): Promise<KpiView[]> {
    const availability = await this.queries.execute(new GetAgreementAvailabilityQuery(agreementId, from, to));
    const clocks = await this.db
      .selectFrom('ticket_sla_status as s')
      .select(['s.service_id', 's.priority', 's.metric', 's.ticket_type', 's.state', 's.breach_on_record'])
      .where('s.agreement_id', '=', agreementId)
      .where('s.opened_at', '>=', from)
      .where('s.opened_at', '<', to)
      .where('s.state', '!=', 'not-covered')
      .execute();
    const breached = (clock: (typeof clocks)[number]) =>
      clock.state === 'breached' || ((clock.state === 'running' || clock.state === 'paused') && clock.breach_on_record);

    // A ticket target is met for the period when none of its clocks breached.
    const targets = new Map<string, boolean>();
    for (const clock of clocks) {
      const key = `${clock.service_id}/${clock.priority}/${clock.metric}`;
      targets.set(key, (targets.get(key) ?? true) && !breached(clock));
    }
    const targetResults = [...targets.values(), ...availability.terms.map((term) => term.targetMet === true)];
    const targetsMet = targetResults.filter(Boolean).length;

    const incidentResponses = clocks.filter(
      (clock) =>
        clock.ticket_type === 'incident' && clock.metric === 'response' && (clock.state === 'met' || breached(clock)),
    );
    const incidentsInTime = incidentResponses.filter((clock) => clock.state === 'met').length;

    const covered = this.db
      .selectFrom('compliance_agreement_service')
      .select('service_id')
      .where('agreement_id', '=', agreementId);
    const tickets = await this.db
      .selectFrom('kpi_ticket')
      .selectAll()
      .where('service_id', 'in', covered)
      .where('opened_at', '>=', from)
      .where('opened_at', '<', to)
      .execute();
    const rated = tickets.filter((ticket) => ticket.satisfaction_score !== null);
    const satisfied = rated.filter((ticket) => ticket.satisfaction_score! >= 4).length;
    const complaints = tickets.filter((ticket) => ticket.ticket_type === 'complaint');
    const handled = complaints.filter(
      (ticket) =>
        ticket.closed_at !== null ||
        (ticket.resolved_at !== null && (ticket.reopened_at === null || ticket.resolved_at > ticket.reopened_at)),
    ).length;

    const periodEnd = Temporal.Instant.fromEpochMilliseconds(to.getTime() - 1).toZonedDateTimeISO(timeZone);
    const yearStart = new Date(
      Temporal.PlainDate.from({ year: periodEnd.year, month: 1, day: 1 }).toZonedDateTime({ timeZone })
        .epochMilliseconds,
    );
    const major = await this.db
      .selectFrom('kpi_ticket')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('service_id', 'in', covered)
      .where('major', '=', true)
      .where('ticket_type', '=', 'incident')
      .where('opened_at', '>=', yearStart)
      .where('opened_at', '<', to)
      .executeTakeFirstOrThrow();
    const majorCount = Number(major.count);

    return [
      {
        kpi: 'all-targets-met',
        description:
          'targets of the agreement met in the period (response and resolution per service and priority with tickets, availability per service)',
        value: percent(targetsMet, targetResults.length),
        numerator: targetsMet,
        denominator: targetResults.length,
        goal: '100 %',
        met: reaches(targetsMet, targetResults.length, 100),
      },
      {
        kpi: 'incidents-within-response-target',
        description: 'incidents opened in the period whose response met the target, of those with a decided response',
        value: percent(incidentsInTime, incidentResponses.length),
        numerator: incidentsInTime,
        denominator: incidentResponses.length,
        goal: '95 %',
        met: reaches(incidentsInTime, incidentResponses.length, 95),
      },
      {
        kpi: 'customer-satisfaction',
        description: 'tickets opened in the period rated 4 or 5 of 5, of those rated',
        value: percent(satisfied, rated.length),
        numerator: satisfied,
        denominator: rated.length,
        goal: '90 %',
        met: reaches(satisfied, rated.length, 90),
      },
      {
        kpi: 'complaints-handled',
        description: 'complaints opened in the period that are resolved (not reopened since) or closed',
        value: percent(handled, complaints.length),
        numerator: handled,
        denominator: complaints.length,
        goal: '100 %',
        met: reaches(handled, complaints.length, 100),
      },
      {
        kpi: 'major-incidents-per-year',
        description: `major incidents opened from 1 January ${periodEnd.year} to the end of the period`,
        value: String(majorCount),
        numerator: majorCount,
        denominator: null,
        goal: 'at most 1 a year',
        met: majorCount <= 1,
      },
    ];
  }
}
