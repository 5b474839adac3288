import type { FactoryProvider, ModuleMetadata } from '@nestjs/common';

export const EVIDENCE_SOURCES = Symbol('EVIDENCE_SOURCES');

/**
 * What an evidence bundle reads from other contexts. Each is answered by a reader the owning context exports
 * (compliance figures and tickets, agreement reviews and plans, service report revisions); the product's module list
 * binds them, so audit names none of their tables and no other feature library.
 */
export type EvidenceSources = {
  periodFigures(
    agreementId: string,
    from: Date,
    to: Date,
    timeZone: string,
  ): Promise<
    { readonly breaches: readonly { readonly eventId: string; readonly ticketId: string }[] } & Record<string, unknown>
  >;
  followUpsOfBreachesIn(agreementId: string, from: Date, to: Date): Promise<readonly unknown[]>;
  restatement(agreementId: string, from: Date, to: Date, reportedAt: Date): Promise<unknown>;
  ticketsOpenedIn(agreementId: string, from: Date, to: Date): Promise<readonly string[]>;
  /** The outages and maintenance windows of the agreement's services that overlap the period (availability's input). */
  downtimeRecordsOf(
    agreementId: string,
    from: Date,
    to: Date,
  ): Promise<{ readonly outageIds: readonly string[]; readonly maintenanceWindowIds: readonly string[] }>;
  governanceRecords(agreementId: string): Promise<{
    readonly reviews: readonly { readonly reviewId: string }[];
    readonly improvementPlans: readonly { readonly planId: string }[];
  }>;
  serviceReportRevisions(
    agreementId: string,
    period: string,
  ): Promise<{ readonly reportIds: readonly string[]; readonly revisions: readonly unknown[] }>;
};

/** How the composition provides the sources: the modules exporting the readers, and a factory over them. */
export type EvidenceSourcesBinding = Pick<ModuleMetadata, 'imports'> &
  Pick<FactoryProvider<EvidenceSources>, 'inject' | 'useFactory'>;
