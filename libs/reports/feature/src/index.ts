import type { Migration } from 'kysely';
import * as createServiceReport from './2026-12-01-601-create-service-report.migration';

export * from './service-reports.projection';
export { ServiceReportsModule, serviceReportRoutes, REPORT_FIGURES, type ReportFiguresSource } from './service-reports.controller';

export const reportsReadModelMigrations: Record<string, Migration> = {
  '2026-12-01-601-create-service-report': createServiceReport,
};
