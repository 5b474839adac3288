import { z } from 'zod';
import { instantSchema } from '@sla/event-sourcing';
import { defineRoute } from '@sla/nest-platform';
import { access } from '@sla/access-control';
import { rangeQuery, queryErrors, periodFigures } from '../compliance.schemas';

export const restatementQuery = rangeQuery.extend({ reportedAt: instantSchema });

export const restatementRoute = defineRoute({
  method: 'get',
  path: '/compliance/agreements/{agreementId}/restatement',
  tag: 'compliance',
  access: access.agreementRead,
  status: 200,
  summary:
    "A period's response/resolution figures as known when reported (facts recorded before reportedAt) beside what is known now, with the late facts behind each change",
  query: restatementQuery,
  responses: {
    200: {
      description: 'as reported, as corrected, and the changes',
      schema: z.object({
        agreementId: z.string(),
        from: z.string(),
        to: z.string(),
        reportedAt: z.string(),
        correctedAt: z.string(),
        asReported: periodFigures,
        asCorrected: periodFigures,
        changes: z.array(
          z.object({
            ticketId: z.string(),
            metric: z.string(),
            reported: z.string(),
            corrected: z.string(),
            causedBy: z.array(z.object({ type: z.string(), occurredAt: z.string(), recordedAt: z.string() })),
          }),
        ),
      }),
    },
    ...queryErrors,
  },
});
