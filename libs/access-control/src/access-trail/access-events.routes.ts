import { z } from 'zod';
import { instantSchema } from '@sla/event-sourcing';
import { defineRoute, pageQueryShape, pageSchema, writeErrors } from '@sla/nest-platform';
import { access } from '../access-policy';
import { AccessDenied, CredentialUsed, PrincipalSignedIn } from './access.events';

/** The longest period one query reads: a month and a day, enough for a monthly review with the zone's offset. */
export const MAXIMUM_ACCESS_PERIOD_DAYS = 32;

export const accessEventsQuery = z
  .strictObject({
    from: instantSchema.describe('start of the period, inclusive'),
    to: instantSchema.describe('end of the period, exclusive'),
    type: z.enum([AccessDenied.type, PrincipalSignedIn.type, CredentialUsed.type]).optional(),
    ...pageQueryShape,
  })
  .check((context) => {
    const from = Date.parse(context.value.from);
    const to = Date.parse(context.value.to);
    if (to <= from)
      context.issues.push({ code: 'custom', input: context.value.to, path: ['to'], message: 'must lie after from' });
    else if (to - from > MAXIMUM_ACCESS_PERIOD_DAYS * 86_400_000)
      context.issues.push({
        code: 'custom',
        input: context.value.to,
        path: ['to'],
        message: `a period of at most ${MAXIMUM_ACCESS_PERIOD_DAYS} days`,
      });
  });

export const accessEventSchema = z.object({
  eventId: z.string(),
  type: z.string(),
  recordedAt: z.string(),
  data: z.union([AccessDenied.schema, PrincipalSignedIn.schema, CredentialUsed.schema]),
});

export const accessEventsRoute = defineRoute({
  method: 'get',
  path: '/audit/access-events',
  tag: 'audit',
  access: access.audit,
  status: 200,
  summary: 'The access trail of a period: denied requests (401, 403, 429), sign-ins and hourly credential use',
  query: accessEventsQuery,
  responses: {
    200: { description: 'a page of access events, oldest first', schema: pageSchema(accessEventSchema) },
    400: writeErrors[400],
  },
});

export const accessTrailRoutes = [accessEventsRoute];
