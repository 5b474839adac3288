import type { Migration } from 'kysely';
import { EventCatalog } from '@sla/event-sourcing';
import {
  accessControlReadModelMigrations,
  accessEventDefinitions,
  apiKeyEventDefinitions,
  apiKeysProjection,
} from '@sla/access-control';
import { ServiceCalendarDefined, serviceEventDefinitions } from '@sla/catalogue-domain';
import { catalogueReadModelMigrations, serviceCatalogueProjection } from '@sla/catalogue-feature';
import { catalogueSharedReadModelMigrations, serviceCalendarsProjection } from '@sla/catalogue-read-models';
import { evidenceManifestEventDefinitions } from '@sla/audit-domain';
import { auditReadModelMigrations, streamActivityProjection, type ProductReadModels } from '@sla/audit-read-models';
import type { Projection, Reactor } from '@sla/projection-runtime';
import {
  maintenanceWindowEventDefinitions,
  outageEventDefinitions,
  ticketEventDefinitions,
} from '@sla/operations-domain';
import {
  maintenanceWindowsProjection,
  operationsReadModelMigrations,
  outagesProjection,
  ticketsProjection,
} from '@sla/operations-feature';
import {
  agreementEventDefinitions,
  improvementPlanEventDefinitions,
  reviewEventDefinitions,
} from '@sla/agreements-domain';
import {
  agreementReadModelMigrations,
  agreementsProjection,
  reviewFollowUpsReactor,
  reviewsProjection,
} from '@sla/agreements-feature';
import {
  breachFollowUpsProjection,
  complianceReadModelMigrations,
  kpiTicketsProjection,
  ticketSlaProjection,
} from '@sla/compliance-feature';
import { breachFollowUpEventDefinitions, slaDetectionEventDefinitions } from '@sla/compliance-domain';
import { reportDefinitionEventDefinitions, serviceReportEventDefinitions } from '@sla/reports-domain';
import {
  reportDefinitionsProjection,
  reportsReadModelMigrations,
  serviceReportsProjection,
} from '@sla/reports-feature';

/** Every event type the product writes. Adding a context = adding its definitions here. */
export function productEventCatalog(): EventCatalog {
  return new EventCatalog([
    ...serviceEventDefinitions,
    ServiceCalendarDefined,
    ...agreementEventDefinitions,
    ...reviewEventDefinitions,
    ...improvementPlanEventDefinitions,
    ...ticketEventDefinitions,
    ...outageEventDefinitions,
    ...maintenanceWindowEventDefinitions,
    ...slaDetectionEventDefinitions,
    ...breachFollowUpEventDefinitions,
    ...serviceReportEventDefinitions,
    ...reportDefinitionEventDefinitions,
    ...evidenceManifestEventDefinitions,
    ...apiKeyEventDefinitions,
    ...accessEventDefinitions,
  ]);
}

export const productProjections: readonly Projection[] = [
  streamActivityProjection,
  serviceCatalogueProjection,
  serviceCalendarsProjection,
  agreementsProjection,
  reviewsProjection,
  ticketsProjection,
  outagesProjection,
  maintenanceWindowsProjection,
  ticketSlaProjection,
  breachFollowUpsProjection,
  kpiTicketsProjection,
  serviceReportsProjection,
  reportDefinitionsProjection,
  apiKeysProjection,
];

/** Work that must follow an event: run by the same processes as the projections, each with its checkpoint. */
export const productReactors: readonly Reactor[] = [reviewFollowUpsReactor];

export const productReadModelMigrations: Record<string, Migration> = {
  ...auditReadModelMigrations,
  ...catalogueReadModelMigrations,
  ...catalogueSharedReadModelMigrations,
  ...agreementReadModelMigrations,
  ...operationsReadModelMigrations,
  ...complianceReadModelMigrations,
  ...reportsReadModelMigrations,
  ...accessControlReadModelMigrations,
};

/** Every read model of the product, as the as-known rebuild recreates them. */
export const productReadModels: ProductReadModels = {
  projections: productProjections,
  migrations: productReadModelMigrations,
};
