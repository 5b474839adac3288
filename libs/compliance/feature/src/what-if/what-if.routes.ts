import { z } from 'zod';
import { instantSchema } from '@sla/event-sourcing';
import { isTimeZone } from '@sla/sla-clock';
import { defineRoute } from '@sla/nest-platform';
import { agreementContentSchema } from '@sla/agreements-domain';
import { access } from '@sla/access-control';
import { queryErrors, outcome } from '../compliance.schemas';

export const whatIfBody = z
  .strictObject({
    period: z.string().optional(),
    timeZone: z.string().refine(isTimeZone, 'not an IANA time zone').default('UTC'),
    from: instantSchema.optional(),
    to: instantSchema.optional(),
    version: z.number().int().positive().optional(),
    content: agreementContentSchema.optional(),
  })
  .refine((body) => (body.version === undefined) !== (body.content === undefined), {
    message: 'give either a version of the agreement or content to evaluate',
    path: ['version'],
  });

export const whatIfTotals = z.object({
  met: z.number(),
  breached: z.number(),
  percentWithinTarget: z.string().nullable(),
});

export const whatIfRoute = defineRoute({
  method: 'post',
  path: '/compliance/agreements/{agreementId}/what-if',
  tag: 'compliance',
  access: access.whatIf,
  status: 200,
  summary:
    "A past period's tickets evaluated under a draft version (or any content) beside the version in force at each ticket's opening; nothing is stored",
  body: whatIfBody,
  responses: {
    200: {
      description: 'per ticket and metric, and in total',
      schema: z.object({
        agreementId: z.string(),
        from: z.string(),
        to: z.string(),
        candidate: z.string(),
        tickets: z.array(
          z.object({
            ticketId: z.string(),
            serviceId: z.string(),
            metric: z.string(),
            priority: z.string().nullable(),
            inForce: outcome,
            candidate: outcome,
            changed: z.boolean(),
          }),
        ),
        totals: z.array(z.object({ metric: z.string(), inForce: whatIfTotals, candidate: whatIfTotals })),
      }),
    },
    ...queryErrors,
  },
});
