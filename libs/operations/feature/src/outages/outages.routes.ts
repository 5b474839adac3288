import { z } from 'zod';
import { instantSchema } from '@sla/event-sourcing';
import { factDeliveryDocumentation, factDeliverySchema, factTypesOf } from '../intake/fact-intake';
import { defineRoute, pageQueryShape, pageSchema, writeErrors } from '@sla/nest-platform';
import { access } from '@sla/access-control';

export const recordFactBody = factDeliverySchema.extend({ type: z.enum(factTypesOf('outage')) });

export const listQuery = z.strictObject({
  serviceId: z.string().min(1).optional(),
  open: z.enum(['true', 'false']).optional().describe('true: outages without an end; false: ended ones'),
  ticketId: z.string().min(1).optional(),
  startedFrom: instantSchema.optional(),
  startedTo: instantSchema.optional(),
  ...pageQueryShape,
});

export const recorded = z.object({ outageId: z.string(), streamRevision: z.string(), duplicate: z.boolean() });

export const recordRoute = defineRoute({
  method: 'post',
  path: '/outages/{outageId}/facts',
  tag: 'operations',
  access: access.intake,
  status: 201,
  summary: 'Record an outage start or end; source + externalId make redelivery idempotent',
  body: factDeliveryDocumentation('outage'),
  bodyValidation: recordFactBody,
  responses: {
    201: { description: 'stored', schema: recorded },
    200: { description: 'a redelivery: already stored', schema: recorded },
    ...writeErrors,
  },
});

export const listRoute = defineRoute({
  method: 'get',
  path: '/outages',
  tag: 'operations',
  access: access.staffRead,
  status: 200,
  summary: 'Outages by start, optionally of one service or ticket, open or ended, started in a range',
  query: listQuery,
  responses: {
    200: {
      description: 'a page of outages',
      schema: pageSchema(
        z.object({
          outageId: z.string(),
          serviceId: z.string(),
          impact: z.string(),
          weight: z.number().nullable(),
          ticketId: z.string().nullable(),
          startedAt: z.string(),
          endedAt: z.string().nullable(),
          source: z.string(),
        }),
      ),
    },
    400: writeErrors[400],
  },
});

export const outageRoutes = [recordRoute, listRoute];
