import * as recordKnowledgeTimes from './2026-12-01-404-record-knowledge-times.migration';
import type { Migration } from 'kysely';
import * as createTicket from './tickets/2026-11-22-401-create-ticket.migration';
import * as createOutage from './outages/2026-11-22-402-create-outage.migration';
import * as createMaintenanceWindow from './maintenance/2026-12-01-403-create-maintenance-window.migration';

export * from './operations.module';
export * from './intake/fact-intake';
export * from './tickets/tickets.projection';
export { ticketRoutes } from './tickets/tickets.routes';
export { alertmanagerRoutes } from './outages/alertmanager-webhook.routes';
export { outageRoutes } from './outages/outages.routes';
export { maintenanceWindowRoutes } from './maintenance/maintenance-windows.routes';
export * from './maintenance/maintenance-windows.projection';
export { jsonWebhookRoutes } from './json-webhook/json-webhook.routes';
export * from './json-webhook/json-webhook-sources';
export * from './outages/outages.projection';
export * from './outages/alert-mapping';

export const operationsReadModelMigrations: Record<string, Migration> = {
  '2026-11-22-401-create-ticket': createTicket,
  '2026-11-22-402-create-outage': createOutage,
  '2026-12-01-403-create-maintenance-window': createMaintenanceWindow,
  '2026-12-01-404-record-knowledge-times': recordKnowledgeTimes,
};
export * from './bulk-import/bulk-import';
export { formatOf, type ImportFormat } from './bulk-import/import-rows';
