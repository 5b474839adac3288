import type { DynamicModule, Type } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Configuration } from '@sla/configuration';
import { AgreementsModule, readGovernanceRecords } from '@sla/agreements-feature';
import { AuditModule, EvidenceModule, type EvidenceSources } from '@sla/audit-feature';
import { CatalogueModule } from '@sla/catalogue-feature';
import { AgreementFiguresReader, ComplianceModule } from '@sla/compliance-feature';
import { READ_STORE } from '@sla/nest-platform';
import { loadAlertMapping, loadJsonWebhookSources, OperationsModule } from '@sla/operations-feature';
import { readServiceReportRevisions, ServiceReportsModule } from '@sla/reports-feature';
import { reportReaders } from './report-readers';

export type ProductModuleOptions = {
  /** How often defined reports are drafted in this process; 0 drafts none (the CLI drafts on request). */
  readonly reportDraftIntervalMilliseconds: number;
};

/**
 * The feature modules that make up the product, and how one context's readers reach another's features. The API
 * serves them over HTTP; the CLI runs the same ones without. Both add the stores (StoresModule) and the CQRS buses.
 */
export function productModules(
  configuration: Configuration,
  options: ProductModuleOptions,
): (Type<unknown> | DynamicModule)[] {
  return [
    CatalogueModule,
    AgreementsModule,
    ComplianceModule,
    AuditModule,
    ServiceReportsModule.register(reportReaders, {
      draftIntervalMilliseconds: options.reportDraftIntervalMilliseconds,
    }),
    OperationsModule.register(
      loadAlertMapping(configuration.ALERTMANAGER_MAPPING_FILE),
      loadJsonWebhookSources(configuration.JSON_WEBHOOK_SOURCES_FILE),
    ),
    EvidenceModule.register({
      imports: [ComplianceModule],
      inject: [AgreementFiguresReader, READ_STORE],
      useFactory: (compliance: AgreementFiguresReader, readStore: Kysely<any>): EvidenceSources => ({
        periodFigures: (agreementId, from, to, timeZone) => compliance.periodFigures(agreementId, from, to, timeZone),
        followUpsOfBreachesIn: (agreementId, from, to) => compliance.followUpsOfBreachesIn(agreementId, from, to),
        restatement: (agreementId, from, to, reportedAt) => compliance.restatement(agreementId, from, to, reportedAt),
        ticketsOpenedIn: (agreementId, from, to) => compliance.ticketsOpenedIn(agreementId, from, to),
        downtimeRecordsOf: (agreementId, from, to) => compliance.downtimeRecordsOf(agreementId, from, to),
        governanceRecords: (agreementId) => readGovernanceRecords(readStore, agreementId),
        serviceReportRevisions: (agreementId, period) => readServiceReportRevisions(readStore, agreementId, period),
      }),
    }),
  ];
}
