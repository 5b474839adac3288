import { z } from 'zod';
import { instantSchema } from '@sla/event-sourcing';
import { defineRoute, writeErrors } from '@sla/nest-platform';
import { access } from '@sla/access-control';

/** Prometheus Alertmanager webhook payload, version 4 (only what we use is checked). */
export const alertSchema = z.looseObject({
  status: z.enum(['firing', 'resolved']),
  labels: z.record(z.string(), z.string()),
  startsAt: instantSchema,
  endsAt: z.string(),
  fingerprint: z.string().min(1).max(100),
});

export const webhookBody = z.looseObject({
  version: z.literal('4'),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string(),
  alerts: z.array(alertSchema).max(1_000),
});

export const receiveRoute = defineRoute({
  method: 'post',
  path: '/webhooks/alertmanager',
  tag: 'operations',
  access: access.intake,
  status: 200,
  summary:
    'Prometheus Alertmanager webhook (version 4): firing alerts of mapped services start outages, resolved ones end them',
  body: webhookBody,
  responses: {
    200: {
      description: 'what became of each alert',
      schema: z.object({
        outcomes: z.array(
          z.object({
            fingerprint: z.string(),
            outageId: z.string().nullable(),
            outcome: z.enum(['started', 'ended', 'duplicate', 'conflict', 'unmapped', 'refused']),
            reason: z.string().optional(),
          }),
        ),
      }),
    },
    400: writeErrors[400],
  },
});

export const alertmanagerRoutes = [receiveRoute];
