import { z } from 'zod';
import { defineEvent, type DomainEvent, type EventDataOf, instantSchema, streamName } from '@sla/event-sourcing';

const clock = {
  ticketId: z.string().min(1),
  agreementId: z.string().min(1),
  metric: z.enum(['response', 'resolution']),
};

/**
 * A clock passed its breach instant with no fact stopping it in time (or a
 * fact showed it stopped too late). Recorded by the SLA watch, once per
 * clock, so that the breach log, notifications and reports rest on a fact
 * with the time it became known.
 */
export const TicketSlaBreached = defineEvent({
  type: 'TicketSlaBreached',
  schemaVersion: 1,
  schema: z.strictObject({
    ...clock,
    version: z.number().int().positive(),
    serviceId: z.string().min(1),
    priority: z.enum(['P1', 'P2', 'P3', 'P4']),
    targetMs: z.number().nonnegative(),
    calendarId: z.string().min(1),
    breachedAt: instantSchema,
    detectedAt: instantSchema,
  }),
});

export const TicketSlaAtRisk = defineEvent({
  type: 'TicketSlaAtRisk',
  schemaVersion: 1,
  schema: z.strictObject({
    ...clock,
    version: z.number().int().positive(),
    atRiskAt: instantSchema,
    dueAt: instantSchema,
    detectedAt: instantSchema,
  }),
});

/**
 * A later fact (with an earlier event time) shows the breach did not happen. The breach stays on record beside its
 * correction.
 */
export const TicketSlaBreachRetracted = defineEvent({
  type: 'TicketSlaBreachRetracted',
  schemaVersion: 1,
  schema: z.strictObject({ ...clock, breachEventId: z.uuid(), reason: z.string().min(1), detectedAt: instantSchema }),
});

export const slaDetectionEventDefinitions = [TicketSlaBreached, TicketSlaAtRisk, TicketSlaBreachRetracted];

export type SlaDetectionEvent =
  | DomainEvent<'TicketSlaBreached', EventDataOf<typeof TicketSlaBreached>>
  | DomainEvent<'TicketSlaAtRisk', EventDataOf<typeof TicketSlaAtRisk>>
  | DomainEvent<'TicketSlaBreachRetracted', EventDataOf<typeof TicketSlaBreachRetracted>>;

export const slaDetectionStreamName = (ticketId: string) => streamName('sla_watch', ticketId);
