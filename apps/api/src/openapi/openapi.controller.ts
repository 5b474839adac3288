import { Controller } from '@nestjs/common';
import { agreementRoutes, reviewRoutes } from '@sla/agreements-feature';
import { complianceRoutes } from '@sla/compliance-feature';
import { auditRoutes } from '@sla/audit-feature';
import { reportDefinitionRoutes, serviceReportRoutes } from '@sla/reports-feature';
import { serviceCalendarRoutes, serviceCatalogueRoutes } from '@sla/catalogue-feature';
import {
  alertmanagerRoutes,
  jsonWebhookRoutes,
  maintenanceWindowRoutes,
  outageRoutes,
  ticketRoutes,
} from '@sla/operations-feature';
import { access, accessTrailRoutes, consoleSessionRoutes } from '@sla/access-control';
import { buildOpenApiDocument, defineRoute, Endpoint } from '@sla/nest-platform';
import { healthRoute } from '../health/health.controller';
import { metricsRoute } from '../health/metrics.controller';
import { docsAssetRoute, docsPageRoute } from './docs.controller';

const openApiRoute = defineRoute({
  method: 'get',
  path: '/openapi.json',
  tag: 'operations',
  access: access.public,
  status: 200,
  summary: 'This document',
  responses: { 200: { description: 'OpenAPI 3.1 document' } },
});

/** Every route of the API, in the order of the document. */
export const apiRoutes = [
  healthRoute,
  metricsRoute,
  openApiRoute,
  docsPageRoute,
  docsAssetRoute,
  ...serviceCatalogueRoutes,
  ...serviceCalendarRoutes,
  ...agreementRoutes,
  ...reviewRoutes,
  ...ticketRoutes,
  ...alertmanagerRoutes,
  ...outageRoutes,
  ...maintenanceWindowRoutes,
  ...jsonWebhookRoutes,
  ...complianceRoutes,
  ...auditRoutes,
  ...accessTrailRoutes,
  ...consoleSessionRoutes,
  ...serviceReportRoutes,
  ...reportDefinitionRoutes,
];

/** The OpenAPI document of every route, built from the zod schemas that validate it. */
export const apiDocument = buildOpenApiDocument(
  apiRoutes,
  {
    title: 'SLA compliance engine',
    version: '0.1.0',
    license: { name: 'UNLICENSED' },
    description:
      'Event-sourced SLA compliance for ISO/IEC 20000: catalogue, agreements, reviews. Every write records its actor (X-Actor) and accepts If-Match.',
  },
  {
    access: "The web console's sign-in: an API key or access token exchanged for a session cookie, and sign-out",
    agreements: 'SLAs, OLAs and underpinning contracts: drafts, approval, signatures, versions in force',
    audit: 'Evidence for auditors: signed tree heads, inclusion and consistency proofs, replays, evidence bundles',
    catalogue: 'The service catalogue and the service calendars agreements measure in',
    compliance: 'Response, resolution and availability against the agreements, breaches and their follow-up',
    operations: 'Facts from operations (tickets, outages, maintenance, webhooks) and the health of the API',
    reports: 'Service reports and the definitions that draft them, from draft to published revision',
    reviews: 'Service reviews, their minutes and improvement plans',
  },
);

@Controller()
export class OpenApiController {
  @Endpoint(openApiRoute)
  document() {
    return apiDocument;
  }
}
