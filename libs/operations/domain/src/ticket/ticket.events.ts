import { z } from 'zod';
import {
  defineEvent,
  type DomainEvent,
  type EventDataOf,
  instantSchema,
  opaqueIdSchema,
  streamName,
} from '@sla/event-sourcing';

export const ticketIdSchema = opaqueIdSchema(100);
const priority = z.enum(['P1', 'P2', 'P3', 'P4']);

export const TicketOpened = defineEvent({
  type: 'TicketOpened',
  schemaVersion: 1,
  schema: z.strictObject({
    ticketId: ticketIdSchema,
    ticketType: z.enum(['incident', 'service-request', 'complaint']),
    serviceId: z.string().min(1),
    priority,
    impact: z.enum(['low', 'medium', 'high']),
    major: z.boolean(),
    title: z.string().trim().min(1).max(500),
    occurredAt: instantSchema,
  }),
});

const fact = <Shape extends z.ZodRawShape>(type: string, shape: Shape) =>
  defineEvent({
    type,
    schemaVersion: 1,
    schema: z.strictObject({ ticketId: ticketIdSchema, ...shape, occurredAt: instantSchema }),
  });

export const TicketAcknowledged = fact('TicketAcknowledged', {});
export const TicketAssigned = fact('TicketAssigned', { assignee: z.string().trim().min(1) });
export const TicketPriorityChanged = fact('TicketPriorityChanged', { priority });
export const TicketPausedAwaitingCustomer = fact('TicketPausedAwaitingCustomer', { reason: z.string().trim().min(1) });
export const TicketResumed = fact('TicketResumed', {});
export const TicketResolved = fact('TicketResolved', { resolution: z.string().trim().min(1) });
export const TicketReopened = fact('TicketReopened', { reason: z.string().trim().min(1) });
export const TicketClosed = fact('TicketClosed', {});
export const CustomerSatisfactionRecorded = fact('CustomerSatisfactionRecorded', {
  score: z.number().int().min(1).max(5),
  comment: z.string().max(2_000).default(''),
});

export const ticketEventDefinitions = [
  TicketOpened,
  TicketAcknowledged,
  TicketAssigned,
  TicketPriorityChanged,
  TicketPausedAwaitingCustomer,
  TicketResumed,
  TicketResolved,
  TicketReopened,
  TicketClosed,
  CustomerSatisfactionRecorded,
];

export type TicketOpenedData = z.infer<(typeof TicketOpened)['schema']>;

export type TicketEvent =
  | DomainEvent<'TicketOpened', TicketOpenedData>
  | DomainEvent<'TicketAcknowledged', EventDataOf<typeof TicketAcknowledged>>
  | DomainEvent<'TicketAssigned', EventDataOf<typeof TicketAssigned>>
  | DomainEvent<'TicketPriorityChanged', EventDataOf<typeof TicketPriorityChanged>>
  | DomainEvent<'TicketPausedAwaitingCustomer', EventDataOf<typeof TicketPausedAwaitingCustomer>>
  | DomainEvent<'TicketResumed', EventDataOf<typeof TicketResumed>>
  | DomainEvent<'TicketResolved', EventDataOf<typeof TicketResolved>>
  | DomainEvent<'TicketReopened', EventDataOf<typeof TicketReopened>>
  | DomainEvent<'TicketClosed', EventDataOf<typeof TicketClosed>>
  | DomainEvent<'CustomerSatisfactionRecorded', EventDataOf<typeof CustomerSatisfactionRecorded>>;

export const ticketStreamName = (ticketId: string) => streamName('ticket', ticketId);
