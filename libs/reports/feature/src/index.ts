import type { Migration } from 'kysely';
import * as createServiceReport from './2026-12-01-601-create-service-report.migration';
import * as createReportDefinition from './2026-12-01-602-create-report-definition.migration';
import * as recordPublicationRecordedAt from './2026-12-03-603-record-publication-recorded-at.migration';

export * from './service-reports.projection';
export * from './service-report-revisions.reader';
export { ServiceReportScope } from './service-report-scope';
export { ServiceReportsModule } from './service-reports.controller';
export { serviceReportRoutes } from './service-reports.routes';
export {
  REPORT_FIGURES,
  REPORT_READERS,
  ServiceReports,
  reportIdFor,
  type FiguresRequest,
  type ReportFiguresSource,
  type ReportSubjectRequest,
} from './service-reports.service';
export { reportFigures, type ReportReaders } from './report-figures/report-figures';
export { DefinedReportDrafting } from './report-definitions/defined-report-drafting';
export { reportDefinitionRoutes } from './report-definitions/report-definitions.routes';
export * from './report-definitions/report-definitions.projection';

export const reportsReadModelMigrations: Record<string, Migration> = {
  '2026-12-01-601-create-service-report': createServiceReport,
  '2026-12-01-602-create-report-definition': createReportDefinition,
  '2026-12-03-603-record-publication-recorded-at': recordPublicationRecordedAt,
};
