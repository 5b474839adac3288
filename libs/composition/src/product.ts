import type { Migration } from 'kysely';
import { EventCatalog } from '@sla/event-sourcing';
import { serviceEventDefinitions } from '@sla/catalogue-domain';
import { catalogueReadModelMigrations, serviceCatalogueProjection } from '@sla/catalogue-feature';
import { auditReadModelMigrations, streamActivityProjection } from '@sla/audit-read-models';
import type { Projection } from '@sla/projection-runtime';

/** Every event type the product writes. Adding a context = adding its definitions here. */
export function productEventCatalog(): EventCatalog {
  return new EventCatalog([...serviceEventDefinitions]);
}

export const productProjections: readonly Projection[] = [streamActivityProjection, serviceCatalogueProjection];

export const productReadModelMigrations: Record<string, Migration> = {
  ...auditReadModelMigrations,
  ...catalogueReadModelMigrations,
};
