import { z } from 'zod';
import { instantSchema } from '@sla/event-sourcing';
import { defineRoute, pageQueryShape, pageSchema, writeErrors } from '@sla/nest-platform';
import { factDeliveryDocumentation, factDeliverySchema, factTypesOf } from '../intake/fact-intake';
import { access } from '@sla/access-control';

/**
 * One fact from a tool: `source` + `externalId` identify the delivery, so a
 * retried delivery is stored once. `data` is validated against the fact
 * type's event schema (without the ticket id, which is in the path).
 */
export const recordFactBody = factDeliverySchema.extend({ type: z.enum(factTypesOf('ticket')) });

export const listQuery = z.strictObject({
  serviceId: z.string().min(1).max(200).optional(),
  status: z.enum(['open', 'closed']).optional(),
  priority: z.enum(['P1', 'P2', 'P3', 'P4']).optional(),
  ticketType: z.enum(['incident', 'service-request', 'complaint']).optional(),
  openedFrom: instantSchema.optional(),
  openedTo: instantSchema.optional(),
  ...pageQueryShape,
});

export const recorded = z.object({ ticketId: z.string(), streamRevision: z.string(), duplicate: z.boolean() });

export const ticketView = z.object({
  ticketId: z.string(),
  ticketType: z.string(),
  serviceId: z.string(),
  priority: z.string(),
  major: z.boolean(),
  title: z.string(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  facts: z.number(),
  revision: z.number(),
});

export const recordRoute = defineRoute({
  method: 'post',
  path: '/tickets/{ticketId}/facts',
  tag: 'operations',
  access: access.intake,
  status: 201,
  summary: 'Record one ticket fact (opened, acknowledged, …); source + externalId make redelivery idempotent',
  body: factDeliveryDocumentation('ticket'),
  bodyValidation: recordFactBody,
  responses: {
    201: { description: 'stored', schema: recorded },
    200: { description: 'a redelivery: already stored, nothing written', schema: recorded },
    ...writeErrors,
  },
});

export const listRoute = defineRoute({
  method: 'get',
  path: '/tickets',
  tag: 'operations',
  access: access.staffRead,
  status: 200,
  summary: 'Tickets by opening time, optionally of one service, status, priority or type, opened in a range',
  query: listQuery,
  responses: { 200: { description: 'a page of tickets', schema: pageSchema(ticketView) }, 400: writeErrors[400] },
});

export const getRoute = defineRoute({
  method: 'get',
  path: '/tickets/{ticketId}',
  tag: 'operations',
  access: access.staffRead,
  status: 200,
  summary: 'One ticket',
  responses: {
    200: { description: 'the ticket', schema: ticketView },
    400: writeErrors[400],
    404: writeErrors[404],
  },
});

export const ticketRoutes = [recordRoute, listRoute, getRoute];
