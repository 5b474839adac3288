import { z } from 'zod';
import { defineRoute } from '@sla/nest-platform';
import { access } from '@sla/access-control';
import { rangeQuery, queryErrors } from '../compliance.schemas';

export const kpisRoute = defineRoute({
  method: 'get',
  path: '/compliance/agreements/{agreementId}/kpis',
  tag: 'compliance',
  access: access.agreementRead,
  status: 200,
  summary: 'Process KPIs for an agreement and period, each against its goal',
  query: rangeQuery,
  responses: {
    200: {
      description: 'the KPIs',
      schema: z.array(
        z.object({
          kpi: z.enum([
            'all-targets-met',
            'incidents-within-response-target',
            'customer-satisfaction',
            'complaints-handled',
            'major-incidents-per-year',
          ]),
          description: z.string(),
          value: z.string().nullable(),
          numerator: z.number(),
          denominator: z.number().nullable(),
          goal: z.string(),
          met: z.boolean().nullable(),
        }),
      ),
    },
    ...queryErrors,
  },
});
