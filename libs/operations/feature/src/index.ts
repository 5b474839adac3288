import type { Migration } from 'kysely';
import * as createTicket from './tickets/2026-11-22-401-create-ticket.migration';

export * from './operations.module';
export * from './tickets/tickets.projection';
export { ticketRoutes } from './tickets/tickets.controller';

export const operationsReadModelMigrations: Record<string, Migration> = {
  '2026-11-22-401-create-ticket': createTicket,
};
