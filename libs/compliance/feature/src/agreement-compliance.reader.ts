import type { QueryBus } from '@nestjs/cqrs';
import { GetAgreementAvailabilityQuery, GetVersionsInForceQuery } from './availability/availability.queries';
import { ListFollowUpsQuery } from './breach-follow-up/breach-follow-up.handlers';
import { GetKpiSummaryQuery } from './kpis/kpi-summary.query';
import { GetResponseResolutionComplianceQuery, ListBreachesQuery } from './ticket-sla/ticket-sla.queries';

/**
 * What the compliance context tells other contexts (reports) about one agreement in [from, to): the same queries the
 * API answers with, so no other library reads the compliance tables.
 */
export function agreementComplianceReader(queries: QueryBus) {
  return {
    /** The agreement versions in force at some time in the period, ascending; [] when none was. */
    versionsInForce: (agreementId: string, from: Date, to: Date) =>
      queries.execute(new GetVersionsInForceQuery(agreementId, from, to)),
    responseResolution: (agreementId: string, from: Date, to: Date) =>
      queries.execute(new GetResponseResolutionComplianceQuery(agreementId, from, to)),
    /** Availability per service and agreement version in force. */
    availability: async (agreementId: string, from: Date, to: Date) =>
      (await queries.execute(new GetAgreementAvailabilityQuery(agreementId, from, to))).terms,
    /** Every breach of the period, retracted ones included. */
    breaches: async (agreementId: string, from: Date, to: Date) =>
      (await queries.execute(new ListBreachesQuery({ agreementId }, from, to))).items,
    /** Every breach follow-up of the agreement, open and closed. */
    followUps: async (agreementId: string) =>
      (await queries.execute(new ListFollowUpsQuery({ status: 'all', agreementId }))).items,
    kpiSummary: (agreementId: string, from: Date, to: Date, timeZone: string) =>
      queries.execute(new GetKpiSummaryQuery(agreementId, from, to, timeZone)),
  };
}
export type AgreementComplianceReader = ReturnType<typeof agreementComplianceReader>;
