import type { Migration } from 'kysely';
import * as createTicketSlaTables from './ticket-sla/2026-12-01-501-create-ticket-sla-tables.migration';
import * as createSlaDetection from './ticket-sla/2026-12-01-502-create-sla-detection.migration';

export * from './compliance.module';
export { complianceRoutes } from './compliance.controller';
export * from './ticket-sla/ticket-sla.projection';

export const complianceReadModelMigrations: Record<string, Migration> = {
  '2026-12-01-501-create-ticket-sla-tables': createTicketSlaTables,
  '2026-12-01-502-create-sla-detection': createSlaDetection,
};
export * from './sla-watch/sla-watch';
