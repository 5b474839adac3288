import { z } from 'zod';
import { breachFollowUpEventDefinitions } from '@sla/compliance-domain';
import { defineRoute, factBodyDocumentation, pageQueryShape, pageSchema, writeErrors } from '@sla/nest-platform';
import { access } from '@sla/access-control';
import { opaqueIdentifier, metric } from '../compliance.schemas';

export const followUpBody = z.strictObject({
  type: z.enum(breachFollowUpEventDefinitions.map((definition) => definition.type) as [string, ...string[]]),
  data: z.record(z.string(), z.unknown()),
});

export const followUpQuery = z.strictObject({
  status: z.enum(['open', 'all']).default('open'),
  agreementId: opaqueIdentifier.optional(),
  ticketId: opaqueIdentifier.optional(),
  metric: metric.optional(),
  ...pageQueryShape,
});

export const recordFollowUpRoute = defineRoute({
  method: 'post',
  path: '/compliance/breaches/{breachEventId}/follow-up',
  tag: 'compliance',
  access: access.change,
  status: 201,
  summary:
    "A step of a breach's follow-up: customer notified (due within 24 h), root cause, service credit assessed by the agreement's credit terms, remediation reported (closes it), customer-approved waiver",
  // Each step's own data schema; occurredAt defaults to the time it is recorded.
  body: factBodyDocumentation(breachFollowUpEventDefinitions, {
    pathField: 'breachEventId',
    defaulted: ['occurredAt'],
  }),
  bodyValidation: followUpBody,
  responses: {
    201: {
      description: 'recorded',
      schema: z.object({ breachEventId: z.string(), streamRevision: z.string(), events: z.array(z.string()) }),
    },
    ...writeErrors,
  },
});

export const followUpsRoute = defineRoute({
  method: 'get',
  path: '/compliance/follow-ups',
  tag: 'compliance',
  access: access.agreementQueryRead,
  status: 200,
  summary: 'Breach follow-ups with their due times (open ones by default)',
  query: followUpQuery,
  responses: {
    200: {
      description: 'a page of follow-ups, by notification due time',
      schema: pageSchema(
        z.object({
          breachEventId: z.string(),
          ticketId: z.string(),
          agreementId: z.string(),
          version: z.number(),
          metric: z.string(),
          breachedAt: z.string(),
          detectedAt: z.string(),
          notificationDueAt: z.string(),
          notifiedAt: z.string().nullable(),
          notificationOnTime: z.boolean().nullable(),
          notification: z.unknown(),
          rootCause: z.string().nullable(),
          credit: z.unknown(),
          remediation: z.string().nullable(),
          remediatedAt: z.string().nullable(),
          waiver: z.unknown(),
          retractedAt: z.string().nullable(),
          status: z.enum(['open', 'closed', 'retracted']),
        }),
      ),
    },
    400: writeErrors[400],
  },
});
