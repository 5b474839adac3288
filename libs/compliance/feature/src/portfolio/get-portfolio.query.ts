import { Inject } from '@nestjs/common';
import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { versionInForceAt, type AgreementEvent } from '@sla/agreements-domain';
import { AgreementDirectory } from '@sla/agreements-read-models';
import { CalendarCatalogue } from '@sla/catalogue-read-models';
import { reportingRange, truncatedDecimal, versionsInForceDuring } from '@sla/compliance-domain';
import { CLOCK, READ_STORE, type Clock } from '@sla/nest-platform';
import { GetAgreementAvailabilityQuery, type AvailabilityTermView } from '../availability/availability.queries';
import { ListFollowUpsQuery } from '../breach-follow-up/breach-follow-up.handlers';
import type { TicketSlaTables } from '../ticket-sla/ticket-sla.projection';
import { GetResponseResolutionComplianceQuery, type MetricCompliance } from '../ticket-sla/ticket-sla.queries';

export type PortfolioMetric = {
  tickets: number;
  met: number;
  breached: number;
  open: number;
  /** met / (met + breached) over every service and priority, truncated to 4 places; null when none stopped. */
  percentWithinTarget: string | null;
};

export type PortfolioAgreement = {
  agreementId: string;
  kind: string;
  title: string;
  customer: string;
  lifecycleStatus: string;
  services: string[];
  /** The time zone of the agreement's calendar: the period is its month (or quarter...) there. */
  timeZone: string;
  from: string;
  to: string;
  compliance: 'met' | 'at-risk' | 'breached';
  availability: AvailabilityTermView[];
  response: PortfolioMetric;
  resolution: PortfolioMetric;
  /** Running clocks of the period's tickets past their at-risk instant and not yet breached, as of now. */
  atRiskClocks: number;
  /** Follow-ups of the period's breaches not yet remediated (nor retracted). */
  openFollowUps: number;
};

export type PortfolioView = { period: string; asOf: string; agreements: PortfolioAgreement[] };

export type PortfolioFilter = {
  customer?: string | undefined;
  service?: string | undefined;
  /** A customer's own agreements: no other row is read (the access guard names them). */
  agreements?: readonly string[] | undefined;
};

export class GetPortfolioQuery extends Query<PortfolioView> {
  constructor(
    readonly period: string,
    readonly filter: PortfolioFilter,
  ) {
    super();
  }
}

function metricTotals(rows: readonly MetricCompliance[], metric: string): PortfolioMetric {
  const of = rows.filter((row) => row.metric === metric);
  const sum = (pick: (row: MetricCompliance) => number) => of.reduce((total, row) => total + pick(row), 0);
  const met = sum((row) => row.met);
  const breached = sum((row) => row.breached);
  return {
    tickets: sum((row) => row.tickets),
    met,
    breached,
    open: sum((row) => row.open),
    percentWithinTarget:
      met + breached === 0
        ? null
        : truncatedDecimal({ numerator: BigInt(met) * 100n, denominator: BigInt(met + breached) }, 4),
  };
}

/** The version whose calendar names the agreement's time zone: in force at the period's end, middle or start. */
function contentFor(events: readonly AgreementEvent[], from: number, to: number) {
  for (const at of [to - 1, Math.floor((from + to) / 2), from]) {
    const inForce = versionInForceAt(events, at);
    if (inForce) return inForce.content;
  }
  return null;
}

/**
 * Every agreement in force at some time in the period, with the figures the per-agreement compliance endpoints give
 * (availability per term, response and resolution summed over services and priorities, open follow-ups) and one
 * verdict: breached when a clock breached or an availability term missed its target, at risk when a running clock
 * has passed its at-risk instant, else met. One request for the console's portfolio instead of four per agreement.
 */
@QueryHandler(GetPortfolioQuery)
export class GetPortfolioHandler implements IQueryHandler<GetPortfolioQuery> {
  constructor(
    @Inject(READ_STORE) private readonly db: Kysely<TicketSlaTables>,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly queries: QueryBus,
    private readonly directory: AgreementDirectory,
    private readonly calendars: CalendarCatalogue,
  ) {}

  async execute({ period, filter }: GetPortfolioQuery): Promise<PortfolioView> {
    const now = this.clock.now();
    const utc = reportingRange(period, 'UTC');
    if (!utc) throw new Error(`not a reporting period: ${period}`);
    const compliance = new Map(
      (await this.db.selectFrom('compliance_agreement').select(['agreement_id', 'events']).execute()).map((row) => [
        row.agreement_id,
        row.events,
      ]),
    );
    const serviceRows = await this.db
      .selectFrom('compliance_agreement_service')
      .select(['agreement_id', 'service_id'])
      .orderBy('service_id')
      .execute();
    const agreements: PortfolioAgreement[] = [];
    for (const summary of await this.directory.summaries()) {
      if (filter.customer !== undefined && summary.counterparty !== filter.customer) continue;
      if (filter.agreements !== undefined && !filter.agreements.includes(summary.agreementId)) continue;
      const events = compliance.get(summary.agreementId);
      if (!events) continue;
      const services = serviceRows.filter((row) => row.agreement_id === summary.agreementId).map((r) => r.service_id);
      if (filter.service !== undefined && !services.includes(filter.service)) continue;
      const content = contentFor(events, utc.from, utc.to);
      if (!content) continue;
      const calendarId = content.availabilityTargets[0]?.calendarId ?? content.serviceTargets[0]?.response.calendarId;
      const calendar = calendarId ? (await this.calendars.load([calendarId])).get(calendarId) : undefined;
      const timeZone = calendar?.timeZone ?? 'UTC';
      const range = reportingRange(period, timeZone)!;
      if (versionsInForceDuring(events, range.from, range.to).length === 0) continue;
      const [from, to] = [new Date(range.from), new Date(range.to)];
      agreements.push(await this.row(summary, services, timeZone, from, to, now));
    }
    return { period, asOf: now.toISOString(), agreements };
  }

  private async row(
    summary: Awaited<ReturnType<AgreementDirectory['summaries']>>[number],
    services: string[],
    timeZone: string,
    from: Date,
    to: Date,
    now: Date,
  ): Promise<PortfolioAgreement> {
    const { agreementId } = summary;
    const availability = await this.queries.execute(new GetAgreementAvailabilityQuery(agreementId, from, to));
    const figures = await this.queries.execute(new GetResponseResolutionComplianceQuery(agreementId, from, to));
    const followUps = await this.queries.execute(new ListFollowUpsQuery({ status: 'open', agreementId }));
    const openFollowUps = followUps.items.filter(
      (followUp) => followUp.breachedAt >= from.toISOString() && followUp.breachedAt < to.toISOString(),
    ).length;
    const atRisk = await this.db
      .selectFrom('ticket_sla_status')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('agreement_id', '=', agreementId)
      .where('opened_at', '>=', from)
      .where('opened_at', '<', to)
      .where('state', '=', 'running')
      .where('breach_on_record', '=', false)
      .where('at_risk_at', '<=', now)
      .where('breach_at', '>', now)
      .executeTakeFirstOrThrow();
    const atRiskClocks = Number(atRisk.count);
    const response = metricTotals(figures, 'response');
    const resolution = metricTotals(figures, 'resolution');
    const breached =
      response.breached + resolution.breached > 0 || availability.terms.some((term) => term.targetMet === false);
    return {
      agreementId,
      kind: summary.kind,
      title: summary.title,
      customer: summary.counterparty,
      lifecycleStatus: summary.status,
      services,
      timeZone,
      from: from.toISOString(),
      to: to.toISOString(),
      compliance: breached ? 'breached' : atRiskClocks > 0 ? 'at-risk' : 'met',
      availability: availability.terms,
      response,
      resolution,
      atRiskClocks,
      openFollowUps,
    };
  }
}
