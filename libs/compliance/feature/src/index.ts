import type { Migration } from 'kysely';
import * as createTicketSlaTables from './ticket-sla/2026-12-01-501-create-ticket-sla-tables.migration';

export * from './compliance.module';
export { complianceRoutes } from './compliance.controller';
export * from './ticket-sla/ticket-sla.projection';

export const complianceReadModelMigrations: Record<string, Migration> = {
  '2026-12-01-501-create-ticket-sla-tables': createTicketSlaTables,
};
