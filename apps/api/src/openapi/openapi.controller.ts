import { Controller, Get } from '@nestjs/common';
import { z } from 'zod';
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
import { buildOpenApiDocument, errorResponseSchema, type RouteDocumentation } from '@sla/nest-platform';

const healthRoutes: RouteDocumentation[] = [
  {
    method: 'get',
    path: '/health',
    tag: 'operations',
    public: true,
    summary: 'Event store, read store, projection lag and stalls, readers held back by a long transaction',
    responses: {
      200: {
        description: 'up (ok or degraded)',
        schema: z
          .object({
            status: z.enum(['ok', 'degraded', 'down']),
            warnings: z.array(z.string()),
            projections: z.array(z.object({ name: z.string(), lag: z.number() }).loose()),
          })
          .loose(),
      },
      503: { description: 'a store is down' },
    },
  },
  {
    method: 'get',
    path: '/openapi.json',
    tag: 'operations',
    public: true,
    summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3.1 document' } },
  },
  {
    method: 'get',
    path: '/docs',
    tag: 'operations',
    public: true,
    summary: 'Interactive API reference (Swagger UI) over this document, served with its assets by the API itself',
    responses: { 200: { description: 'the page', contentType: 'text/html', schema: z.string() } },
  },
  {
    method: 'get',
    path: '/docs/{asset}',
    tag: 'operations',
    public: true,
    summary: 'A script, style sheet or icon of the API reference page',
    responses: {
      200: { description: 'the file' },
      404: { description: "not one of the reference page's files", schema: errorResponseSchema },
    },
  },
];

/** Every route of the API, built from the zod schemas that validate it. */
export const apiDocument = buildOpenApiDocument(
  [
    ...healthRoutes,
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
    ...serviceReportRoutes,
    ...reportDefinitionRoutes,
  ],
  {
    title: 'SLA compliance engine',
    version: '0.1.0',
    license: { name: 'UNLICENSED' },
    description:
      'Event-sourced SLA compliance for ISO/IEC 20000: catalogue, agreements, reviews. Every write records its actor (X-Actor) and accepts If-Match.',
  },
  {
    agreements: 'SLAs, OLAs and underpinning contracts: drafts, approval, signatures, versions in force',
    audit: 'Evidence for auditors: signed tree heads, inclusion and consistency proofs, replays',
    catalogue: 'The service catalogue and the service calendars agreements measure in',
    compliance: 'Response, resolution and availability against the agreements, breaches and their follow-up',
    operations: 'Facts from operations (tickets, outages, maintenance, webhooks) and the health of the API',
    reports: 'Service reports and the definitions that draft them, from draft to published revision',
    reviews: 'Service reviews, their minutes and improvement plans',
  },
);

@Controller('openapi.json')
export class OpenApiController {
  @Get()
  document() {
    return apiDocument;
  }
}
