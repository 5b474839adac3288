import { z } from 'zod';
import { defineRoute, writeErrors } from '@sla/nest-platform';
import { access } from '@sla/access-control';
import { isTimeZone } from '@sla/sla-clock';
import { instantSchema } from '@sla/event-sourcing';
import { metric } from '../compliance.schemas';

export const timelineQuery = z.strictObject({
  language: z.enum(['en', 'zh']).default('en'),
  /** The wall clock of the sentences; by default each clock's own calendar zone. */
  timeZone: z.string().refine(isTimeZone, 'not an IANA time zone').optional(),
  /** Explain the clocks as they stood then (facts after it are not yet known); by default now. */
  asOf: instantSchema.optional(),
});

const instant = z.string().describe('ISO 8601 instant');
const targetDuration = z.object({ unit: z.string(), amount: z.number() });

/** A clock step with its instants as ISO strings (see ClockStep in libs/sla-clock). */
export const timelineStep = z
  .object({
    kind: z.enum(['started', 'counted', 'paused', 'retargeted', 'breached', 'at-risk', 'due', 'stopped', 'reopened']),
    at: instant.optional(),
    from: z.string().optional().describe('an instant (counted, paused) or the earlier priority (retargeted)'),
    to: z.string().nullable().optional().describe('an instant (counted, paused) or the new priority (retargeted)'),
    priority: z.string().optional(),
    target: targetDuration.optional(),
    budgetMs: z.number().nullable().optional(),
    calendarId: z.string().optional(),
    countedMs: z.number().optional(),
    totalMs: z.number().optional(),
    lengthMs: z.number().optional(),
    running: z.boolean().optional(),
    fraction: z.number().optional(),
    by: z.string().optional(),
    revealedAt: instant.nullable().optional(),
    text: z.string().describe('the step in words, in the requested language'),
  })
  .describe('one thing that happened to the clock, with the business-time arithmetic behind it');

export const ticketTimelineRoute = defineRoute({
  method: 'get',
  path: '/compliance/tickets/{ticketId}/timeline',
  tag: 'compliance',
  access: access.staffRead,
  status: 200,
  summary:
    "A ticket's SLA timeline: its facts, and each clock step by step (pauses, re-targets, at-risk, target and breach instants) with the service hours to shade and a plain-language explanation",
  query: timelineQuery,
  responses: {
    200: {
      description: 'the facts in event-time order and one explained clock per agreement and metric',
      schema: timelineViewSchema(),
    },
    400: writeErrors[400],
    404: writeErrors[404],
  },
});

function timelineViewSchema() {
  return z.object({
    ticketId: z.string(),
    serviceId: z.string(),
    asOf: instant,
    facts: z.array(
      z.object({
        type: z.string(),
        occurredAt: instant,
        recordedAt: instant,
        priority: z.string().nullable(),
      }),
    ),
    clocks: z.array(
      z.object({
        agreementId: z.string(),
        agreementKind: z.string(),
        version: z.number(),
        metric,
        state: z.string(),
        priority: z.string().nullable(),
        calendarId: z.string().nullable(),
        timeZone: z.string(),
        elapsedMs: z.number(),
        targetMs: z.number().nullable(),
        pausedMs: z.number(),
        dueAt: instant.nullable(),
        atRiskAt: instant.nullable(),
        breachedAt: instant.nullable(),
        stoppedAt: instant.nullable(),
        serviceHours: z
          .array(z.object({ from: instant, to: instant }))
          .describe("the calendar's service windows from the opening to the end of the axis, for shading"),
        steps: z.array(timelineStep),
        summary: z.string(),
      }),
    ),
  });
}

export type TicketTimelineView = z.infer<ReturnType<typeof timelineViewSchema>>;
