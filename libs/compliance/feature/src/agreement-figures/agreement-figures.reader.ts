import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { READ_STORE } from '@sla/nest-platform';
import { ServiceDowntime } from '@sla/operations-read-models';
import { GetRestatementQuery } from '../as-of/as-of.query';
import { GetAgreementAvailabilityQuery } from '../availability/availability.queries';
import { ListFollowUpsQuery } from '../breach-follow-up/breach-follow-up.handlers';
import { GetKpiSummaryQuery } from '../kpis/kpi-summary.query';
import type { TicketSlaTables } from '../ticket-sla/ticket-sla.projection';
import { GetResponseResolutionComplianceQuery, ListBreachesQuery } from '../ticket-sla/ticket-sla.queries';

/**
 * What the compliance context tells other contexts about one agreement and period (audit's evidence bundle and
 * as-known view): the same queries the API answers with, and the tickets behind them, so no other library reads the
 * compliance tables.
 */
@Injectable()
export class AgreementFiguresReader {
  constructor(
    private readonly queries: QueryBus,
    @Inject(READ_STORE) private readonly db: Kysely<TicketSlaTables>,
    private readonly downtime: ServiceDowntime,
  ) {}

  /** Response and resolution, availability, process KPIs and breaches of the period, as the API reports them. */
  async periodFigures(agreementId: string, from: Date, to: Date, timeZone: string) {
    return {
      responseResolution: await this.queries.execute(new GetResponseResolutionComplianceQuery(agreementId, from, to)),
      availability: await this.queries.execute(new GetAgreementAvailabilityQuery(agreementId, from, to)),
      kpis: await this.queries.execute(new GetKpiSummaryQuery(agreementId, from, to, timeZone)),
      breaches: (await this.queries.execute(new ListBreachesQuery({ agreementId }, from, to))).items,
    };
  }

  /** The follow-ups of the breaches that happened in the period. */
  async followUpsOfBreachesIn(agreementId: string, from: Date, to: Date) {
    const { items } = await this.queries.execute(new ListFollowUpsQuery({ status: 'all', agreementId }));
    return items.filter(
      (followUp) => followUp.breachedAt >= from.toISOString() && followUp.breachedAt < to.toISOString(),
    );
  }

  /** The period's figures as known when reported beside what is known now. */
  restatement(agreementId: string, from: Date, to: Date, reportedAt: Date) {
    return this.queries.execute(new GetRestatementQuery(agreementId, from, to, reportedAt));
  }

  /** The outages and maintenance windows of the agreement's services that overlap the period. */
  async downtimeRecordsOf(agreementId: string, from: Date, to: Date) {
    return this.downtime.recordsOverlapping(await this.servicesOf(agreementId), from.getTime(), to.getTime());
  }

  private async servicesOf(agreementId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('compliance_agreement_service')
      .select('service_id')
      .where('agreement_id', '=', agreementId)
      .execute();
    return rows.map((row) => row.service_id);
  }

  /** The tickets of the agreement's services opened in the period. */
  async ticketsOpenedIn(agreementId: string, from: Date, to: Date): Promise<string[]> {
    const services = await this.servicesOf(agreementId);
    if (services.length === 0) return [];
    const tickets = await this.db
      .selectFrom('compliance_ticket')
      .select('ticket_id')
      .where('service_id', 'in', services)
      .where('opened_at', '>=', from)
      .where('opened_at', '<', to)
      .execute();
    return tickets.map((row) => row.ticket_id);
  }
}
