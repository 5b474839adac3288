import type { Migration } from 'kysely';
import * as createServiceCatalogue from './get-service/2026-11-22-201-create-service-catalogue.migration';

export * from './catalogue.module';
export * from './get-service/service-catalogue.projection';
export * from './get-service/get-service.query';
export * from './change-service/change-service.command';
export * from './calendars/define-service-calendar.command';

export const catalogueReadModelMigrations: Record<string, Migration> = {
  '2026-11-22-201-create-service-catalogue': createServiceCatalogue,
};
export { serviceCatalogueRoutes } from './service-catalogue.routes';
export { serviceCalendarRoutes } from './calendars/service-calendars.routes';
