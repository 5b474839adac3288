import { Controller, Get } from '@nestjs/common';
import { z } from 'zod';
import { agreementRoutes, reviewRoutes } from '@sla/agreements-feature';
import { complianceRoutes } from '@sla/compliance-feature';
import { auditRoutes } from '@sla/audit-feature';
import { reportDefinitionRoutes, serviceReportRoutes } from '@sla/reports-feature';
import { serviceCalendarRoutes, serviceCatalogueRoutes } from '@sla/catalogue-feature';
import { alertmanagerRoutes, jsonWebhookRoutes, maintenanceWindowRoutes, outageRoutes, ticketRoutes } from '@sla/operations-feature';
import { buildOpenApiDocument, type RouteDocumentation } from '@sla/nest-platform';

const healthRoutes: RouteDocumentation[] = [
  {
    method: 'get',
    path: '/health',
    tag: 'operations',
    summary: 'Event store, read store, projection lag and stalls, readers held back by a long transaction',
    responses: {
      200: { description: 'up (ok or degraded)', schema: z.object({ status: z.enum(['ok', 'degraded', 'down']), warnings: z.array(z.string()), projections: z.array(z.object({ name: z.string(), lag: z.number() }).loose()) }).loose() },
      503: { description: 'a store is down' },
    },
  },
  { method: 'get', path: '/openapi.json', tag: 'operations', summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1 document' } } },
];

/** Every route of the API, built from the zod schemas that validate it. */
export const apiDocument = buildOpenApiDocument(
  [...healthRoutes, ...serviceCatalogueRoutes, ...serviceCalendarRoutes, ...agreementRoutes, ...reviewRoutes, ...ticketRoutes, ...alertmanagerRoutes, ...outageRoutes, ...maintenanceWindowRoutes, ...jsonWebhookRoutes, ...complianceRoutes, ...auditRoutes, ...serviceReportRoutes, ...reportDefinitionRoutes],
  {
    title: 'SLA compliance engine',
    version: '0.1.0',
    description: 'Event-sourced SLA compliance for ISO/IEC 20000: catalogue, agreements, reviews. Every write records its actor (X-Actor) and accepts If-Match.',
  },
);

@Controller('openapi.json')
export class OpenApiController {
  @Get()
  document() {
    return apiDocument;
  }
}
