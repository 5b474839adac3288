import { z } from 'zod';
import { instantSchema, opaqueIdSchema } from '@sla/event-sourcing';
import { isTimeZone } from '@sla/sla-clock';
import { writeErrors } from '@sla/nest-platform';

/** An id a compliance path names (agreement, ticket or service), in the widest shape the contexts give ids. */
export const opaqueIdentifier = opaqueIdSchema(200);

/** A period (2026-03, 2026-Q1, 2026-H2, 2026) in a time zone, or an explicit [from, to). */
export const rangeQuery = z.strictObject({
  period: z.string().optional(),
  timeZone: z.string().refine(isTimeZone, 'not an IANA time zone').default('UTC'),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
});

/** "As known at recorded time T": only what had been recorded before T (what a report made then could say). */
export const knownAt = instantSchema.optional();

export const knownAtQuery = rangeQuery.extend({ knownAt });

export const metric = z.enum(['response', 'resolution']);

export const queryErrors = { 400: writeErrors[400], 404: writeErrors[404], 422: writeErrors[422] };

export const clock = z.object({
  ticketId: z.string(),
  agreementId: z.string(),
  agreementKind: z.string(),
  version: z.number(),
  metric: z.string(),
  serviceId: z.string(),
  priority: z.string().nullable(),
  state: z.enum(['not-started', 'running', 'paused', 'met', 'breached', 'not-covered', 'at-risk']),
  recordedState: z.string(),
  reason: z.string().nullable(),
  targetMs: z.number().nullable(),
  calendarId: z.string().nullable(),
  elapsedMs: z.number(),
  remainingMs: z.number().nullable(),
  dueAt: z.string().nullable(),
  breachAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
  atRiskAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  openedAt: z.string(),
  evaluatedAt: z.string(),
});

export const judgedBy = z
  .number()
  .nullable()
  .describe('the agreement version the clock was judged by; null for candidate content');

export const outcome = z
  .object({ version: judgedBy, state: z.string(), elapsedMs: z.number(), targetMs: z.number().nullable() })
  .nullable();

export const periodFigures = z.array(
  z.object({
    serviceId: z.string(),
    priority: z.string(),
    metric: z.string(),
    tickets: z.number(),
    met: z.number(),
    breached: z.number(),
    open: z.number(),
    percentWithinTarget: z.string().nullable(),
  }),
);
