import { z } from 'zod';
import { defineRoute, pageQueryShape, pageSchema, writeErrors } from '@sla/nest-platform';
import { access } from '@sla/access-control';
import { metric, opaqueIdentifier } from '../compliance.schemas';

export const queueQuery = z.strictObject({
  agreementId: opaqueIdentifier.optional(),
  customer: z.string().min(1).max(300).optional().describe('the agreements of this counterparty (by name) only'),
  serviceId: opaqueIdentifier.optional(),
  priority: z.enum(['P1', 'P2', 'P3', 'P4']).optional(),
  metric: metric.optional(),
  ...pageQueryShape,
});

const instant = z.string().describe('ISO 8601 instant');

export const queueItem = z.object({
  ticketId: z.string(),
  agreementId: z.string(),
  agreementTitle: z.string().nullable().describe("the agreement's title (null: not in the agreement directory)"),
  customer: z.string().nullable().describe("the agreement's counterparty by name"),
  metric,
  serviceId: z.string(),
  priority: z.string().nullable(),
  /** As of the query: a running clock may have become at risk or breached since its last fact. */
  state: z.enum(['running', 'at-risk', 'breached', 'paused']),
  next: z
    .object({ kind: z.enum(['at-risk', 'breach']), at: instant, businessMsLeft: z.number() })
    .nullable()
    .describe('the next instant the clock reaches, with the business time left until it (null: paused, or breached)'),
  remainingMs: z.number().nullable().describe('business time left to the target; negative once past it'),
  targetMs: z.number().nullable(),
  elapsedMs: z.number(),
  dueAt: instant.nullable(),
  breachAt: instant.nullable(),
  atRiskAt: instant.nullable(),
  calendarId: z.string().nullable(),
  timeZone: z
    .string()
    .nullable()
    .describe("the calendar's IANA time zone, the wall clock the desk reads the instants in"),
  openedAt: instant,
});

export const queueRoute = defineRoute({
  method: 'get',
  path: '/compliance/queue',
  tag: 'compliance',
  access: access.staffRead,
  status: 200,
  summary:
    'The live SLA queue: every clock no fact has stopped, most urgent first (breached, then by the business time left to its next at-risk or breach instant, paused last), as of now',
  query: queueQuery,
  responses: {
    200: {
      description: 'the open clocks, most urgent first, and how many there are in each state',
      schema: pageSchema(queueItem).extend({
        asOf: instant,
        counts: z.object({ running: z.number(), atRisk: z.number(), breached: z.number(), paused: z.number() }),
        total: z.number(),
      }),
    },
    400: writeErrors[400],
  },
});

/*
 * Pages follow the urgency order as of each request: the cursor is the last clock's place in it (state rank,
 * urgency, ids), so a clock whose urgency changed between two requests may move across the cut, as in any live view.
 */
