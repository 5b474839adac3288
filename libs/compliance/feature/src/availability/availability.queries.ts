import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { CalendarCatalogue } from '@sla/catalogue-read-models';
import {
  availabilityTerms,
  dailyAvailability,
  measureAvailability,
  versionsInForceDuring,
  type AvailabilityFigures,
} from '@sla/compliance-domain';
import { DomainError } from '@sla/event-sourcing';
import { ServiceDowntime, type ServiceDowntimeIntervals } from '@sla/operations-read-models';
import { CLOCK, READ_STORE, type Clock } from '@sla/nest-platform';
import type { TicketSlaTables } from '../ticket-sla/ticket-sla.projection';

export class ComplianceLookupError extends DomainError {
  readonly kind: DomainError['kind'];
  constructor(
    readonly code: 'UNKNOWN_CALENDAR' | 'AGREEMENT_NOT_FOUND',
    message: string,
  ) {
    super(message);
    this.kind = code === 'AGREEMENT_NOT_FOUND' ? 'not_found' : 'rule_violated';
  }
}

export type AvailabilityView = Omit<AvailabilityFigures, 'availability' | 'from' | 'to' | 'measuredUntil'> & {
  serviceId: string;
  calendarId: string;
  from: string;
  to: string;
  measuredUntil: string;
};

function view(serviceId: string, calendarId: string, figures: AvailabilityFigures): AvailabilityView {
  const { availability: _exact, from, to, measuredUntil, ...rest } = figures;
  return {
    serviceId,
    calendarId,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    measuredUntil: new Date(measuredUntil).toISOString(),
    ...rest,
  };
}

export type DayView = {
  date: string;
  from: string;
  to: string;
  agreedServiceTime: number;
  downtime: number;
  excludedMaintenanceDowntime: number;
  maintenanceTime: number;
  availabilityPercent: string | null;
  failures: number;
  outages: {
    outageId: string;
    start: string;
    end: string | null;
    impact: 'full' | 'partial' | 'degraded';
    downtime: number;
    excluded: number;
  }[];
  maintenance: { start: string; end: string }[];
};

const iso = (instant: number) => new Date(instant).toISOString();

/** Each day of [from, to) in the time zone, with the outages and maintenance that touched its service time. */
function days(
  input: Parameters<typeof measureAvailability>[0] & ServiceDowntimeIntervals,
  timeZone: string,
): DayView[] {
  const outages = new Map(input.outages.map((outage) => [outage.outageId, outage]));
  return dailyAvailability({ ...input, timeZone }).map(({ date, from, to, figures }) => ({
    date,
    from: iso(from),
    to: iso(to),
    agreedServiceTime: figures.agreedServiceTime,
    downtime: figures.downtime,
    excludedMaintenanceDowntime: figures.excludedMaintenanceDowntime,
    maintenanceTime: figures.maintenanceTime,
    availabilityPercent: figures.availabilityPercent,
    failures: figures.failures,
    outages: figures.contributions.map(({ outageId, downtime, excluded }) => {
      const outage = outages.get(outageId)!;
      return {
        outageId,
        start: iso(outage.start),
        end: outage.end === null ? null : iso(outage.end),
        impact: outage.impact,
        downtime,
        excluded,
      };
    }),
    maintenance: input.maintenance
      .filter((window) => window.start < to && window.end > from)
      .map((window) => ({ start: iso(window.start), end: iso(window.end) })),
  }));
}

/** Figures run up to now, or up to the moment asked about when that was earlier. */
const asOf = (clock: Clock, knownAt: Date | undefined) =>
  Math.min(clock.now().getTime(), knownAt?.getTime() ?? Infinity);

export class GetServiceAvailabilityQuery extends Query<AvailabilityView & { days?: DayView[] }> {
  constructor(
    readonly serviceId: string,
    readonly calendarId: string,
    readonly from: Date,
    readonly to: Date,
    readonly targetPercentage: number | undefined,
    /** As known then: only outages, maintenance and their ends recorded before this instant. */
    readonly knownAt?: Date,
    /** Also the figures of each day, in this time zone. */
    readonly daysIn?: string,
  ) {
    super();
  }
}

/** Availability of one service over any range, measured in a named calendar's service hours. */
@QueryHandler(GetServiceAvailabilityQuery)
export class GetServiceAvailabilityHandler implements IQueryHandler<GetServiceAvailabilityQuery> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly calendars: CalendarCatalogue,
    private readonly downtime: ServiceDowntime,
  ) {}

  async execute({
    serviceId,
    calendarId,
    from,
    to,
    targetPercentage,
    knownAt,
    daysIn,
  }: GetServiceAvailabilityQuery): Promise<AvailabilityView & { days?: DayView[] }> {
    const calendar = (await this.calendars.load([calendarId])).get(calendarId);
    if (!calendar) throw new ComplianceLookupError('UNKNOWN_CALENDAR', `no calendar '${calendarId}'`);
    const range = { from: from.getTime(), to: to.getTime() };
    const input = {
      ...range,
      asOf: asOf(this.clock, knownAt),
      calendar,
      ...(await this.downtime.during(serviceId, range.from, range.to, knownAt)),
      ...(targetPercentage === undefined ? {} : { targetPercentage }),
    };
    const figures = view(serviceId, calendarId, measureAvailability(input));
    return daysIn === undefined ? figures : { ...figures, days: days(input, daysIn) };
  }
}

/** One service target under one version, for the stretch of the range that version was in force. */
export type AvailabilityTermView = AvailabilityView & { version: number; period: string };

export type AgreementAvailabilityView = {
  agreementId: string;
  from: string;
  to: string;
  /** One entry per service target and per stretch of the period a version was in force. */
  terms: (AvailabilityTermView & { days?: DayView[] })[];
  /** Every term met its target. */
  allTargetsMet: boolean | null;
};

export class GetAgreementAvailabilityQuery extends Query<AgreementAvailabilityView> {
  constructor(
    readonly agreementId: string,
    readonly from: Date,
    readonly to: Date,
    /** As known then: agreement versions, outages and maintenance recorded before this instant. */
    readonly knownAt?: Date,
    /** Also each term's figures per day, in this time zone. */
    readonly daysIn?: string,
  ) {
    super();
  }
}

@QueryHandler(GetAgreementAvailabilityQuery)
export class GetAgreementAvailabilityHandler implements IQueryHandler<GetAgreementAvailabilityQuery> {
  constructor(
    @Inject(READ_STORE) private readonly db: Kysely<TicketSlaTables>,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly calendars: CalendarCatalogue,
    private readonly downtime: ServiceDowntime,
  ) {}

  async execute({
    agreementId,
    from,
    to,
    knownAt,
    daysIn,
  }: GetAgreementAvailabilityQuery): Promise<AgreementAvailabilityView> {
    const agreement = await this.db
      .selectFrom('compliance_agreement')
      .selectAll()
      .where('agreement_id', '=', agreementId)
      .executeTakeFirst();
    if (!agreement) throw new ComplianceLookupError('AGREEMENT_NOT_FOUND', `no agreement '${agreementId}'`);
    const services = await this.db
      .selectFrom('compliance_agreement_service')
      .select('service_id')
      .where('agreement_id', '=', agreementId)
      .orderBy('service_id')
      .execute();
    const measuredUntil = asOf(this.clock, knownAt);
    const events = knownAt
      ? agreement.events.filter((event) => !event.recordedAt || Date.parse(event.recordedAt) < knownAt.getTime())
      : agreement.events;
    const terms: AgreementAvailabilityView['terms'] = [];
    for (const { service_id: serviceId } of services) {
      for (const term of availabilityTerms(events, serviceId, from.getTime(), to.getTime())) {
        const calendar = (await this.calendars.load([term.target.calendarId])).get(term.target.calendarId);
        if (!calendar)
          throw new ComplianceLookupError(
            'UNKNOWN_CALENDAR',
            `version ${term.version} measures ${serviceId} in calendar '${term.target.calendarId}', which is not defined`,
          );
        const input = {
          from: term.from,
          to: term.to,
          asOf: measuredUntil,
          calendar,
          ...(await this.downtime.during(serviceId, term.from, term.to, knownAt)),
          targetPercentage: term.target.percentage,
        };
        terms.push({
          ...view(serviceId, term.target.calendarId, measureAvailability(input)),
          version: term.version,
          period: term.target.period,
          ...(daysIn === undefined ? {} : { days: days(input, daysIn) }),
        });
      }
    }
    return {
      agreementId,
      from: from.toISOString(),
      to: to.toISOString(),
      terms,
      allTargetsMet: terms.length === 0 ? null : terms.every((term) => term.targetMet === true),
    };
  }
}

export class GetVersionsInForceQuery extends Query<number[]> {
  constructor(
    readonly agreementId: string,
    readonly from: Date,
    readonly to: Date,
  ) {
    super();
  }
}

/** The agreement versions in force (not suspended) at some instant of [from, to), ascending; [] when none was. */
@QueryHandler(GetVersionsInForceQuery)
export class GetVersionsInForceHandler implements IQueryHandler<GetVersionsInForceQuery> {
  constructor(@Inject(READ_STORE) private readonly db: Kysely<TicketSlaTables>) {}

  async execute({ agreementId, from, to }: GetVersionsInForceQuery): Promise<number[]> {
    const agreement = await this.db
      .selectFrom('compliance_agreement')
      .select('events')
      .where('agreement_id', '=', agreementId)
      .executeTakeFirst();
    if (!agreement) throw new ComplianceLookupError('AGREEMENT_NOT_FOUND', `no agreement '${agreementId}'`);
    return versionsInForceDuring(agreement.events, from.getTime(), to.getTime());
  }
}
