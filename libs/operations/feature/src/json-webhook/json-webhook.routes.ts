import { z } from 'zod';
import { defineRoute, writeErrors } from '@sla/nest-platform';
import { access } from '@sla/access-control';

export const receiveRoute = defineRoute({
  method: 'post',
  path: '/webhooks/json/{source}',
  tag: 'operations',
  access: access.intake,
  status: 200,
  summary:
    'Generic JSON webhook: the source mapping (JSON_WEBHOOK_SOURCES_FILE) turns the payload into one ticket fact; optional HMAC-SHA256 signature',
  body: z.unknown(),
  responses: {
    201: {
      description: 'recorded',
      schema: z.object({
        outcome: z.literal('recorded'),
        fact: z.string(),
        ticketId: z.string(),
        streamRevision: z.string(),
        duplicate: z.boolean(),
      }),
    },
    200: {
      description: 'a redelivery, or a payload no rule maps',
      schema: z.union([
        z.object({
          outcome: z.literal('duplicate'),
          fact: z.string(),
          ticketId: z.string(),
          streamRevision: z.string(),
          duplicate: z.boolean(),
        }),
        z.object({ outcome: z.literal('ignored'), reason: z.string() }),
      ]),
    },
    401: { description: 'missing or wrong signature', schema: writeErrors[400].schema },
    ...writeErrors,
  },
});

export const jsonWebhookRoutes = [receiveRoute];
