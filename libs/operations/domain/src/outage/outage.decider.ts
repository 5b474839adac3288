import { z } from 'zod';
import {
  DomainError,
  defineEvent,
  type Decider,
  type DomainEvent,
  type EventDataOf,
  instantSchema,
  opaqueIdSchema,
  streamName,
} from '@sla/event-sourcing';

export const outageIdSchema = opaqueIdSchema(200);

/**
 * An interruption of a service. Full outages count entirely as downtime;
 * partial ones with their impact weight (0 < weight < 1); degraded service
 * is recorded but not counted as downtime.
 */
export const OutageStarted = defineEvent({
  type: 'OutageStarted',
  schemaVersion: 1,
  schema: z
    .strictObject({
      outageId: outageIdSchema,
      serviceId: z.string().min(1),
      impact: z.enum(['full', 'partial', 'degraded']),
      weight: z.number().gt(0).lte(1).optional(),
      ticketId: z.string().min(1).nullable().default(null),
      occurredAt: instantSchema,
    })
    .refine((outage) => (outage.impact === 'partial') === (outage.weight !== undefined && outage.weight < 1), {
      message: 'a partial outage needs a weight between 0 and 1 (exclusive); other impacts take none',
      path: ['weight'],
    }),
});

export const OutageEnded = defineEvent({
  type: 'OutageEnded',
  schemaVersion: 1,
  schema: z.strictObject({ outageId: outageIdSchema, occurredAt: instantSchema }),
});

export const outageEventDefinitions = [OutageStarted, OutageEnded];

export type OutageEvent =
  | DomainEvent<'OutageStarted', EventDataOf<typeof OutageStarted>>
  | DomainEvent<'OutageEnded', EventDataOf<typeof OutageEnded>>;

export type OutageState = { readonly started: number | null; readonly ended: number | null };

export class OutageError extends DomainError {
  readonly kind: DomainError['kind'];
  constructor(
    readonly code: 'OUTAGE_ALREADY_STARTED' | 'OUTAGE_NOT_FOUND' | 'OUTAGE_ALREADY_ENDED' | 'END_BEFORE_START',
    message: string,
  ) {
    super(message);
    this.name = 'OutageError';
    this.kind = code === 'OUTAGE_NOT_FOUND' ? 'not_found' : code === 'END_BEFORE_START' ? 'rule_violated' : 'conflict';
  }
}

export type RecordOutageFact = { readonly type: 'RecordOutageFact'; readonly fact: OutageEvent };

export const outageDecider: Decider<RecordOutageFact, OutageEvent, OutageState> = {
  initialState: () => ({ started: null, ended: null }),
  evolve(state, event) {
    return event.type === 'OutageStarted'
      ? { ...state, started: Date.parse(event.data.occurredAt) }
      : { ...state, ended: Date.parse(event.data.occurredAt) };
  },
  decide({ fact }, state) {
    if (fact.type === 'OutageStarted') {
      if (state.started !== null)
        throw new OutageError('OUTAGE_ALREADY_STARTED', `outage ${fact.data.outageId} has already started`);
      return [fact];
    }
    if (state.started === null) throw new OutageError('OUTAGE_NOT_FOUND', `outage ${fact.data.outageId} never started`);
    if (state.ended !== null)
      throw new OutageError(
        'OUTAGE_ALREADY_ENDED',
        `outage ${fact.data.outageId} already ended at ${new Date(state.ended).toISOString()}`,
      );
    if (Date.parse(fact.data.occurredAt) < state.started) {
      throw new OutageError(
        'END_BEFORE_START',
        `outage ${fact.data.outageId} cannot end (${fact.data.occurredAt}) before it started (${new Date(state.started).toISOString()})`,
      );
    }
    return [fact];
  },
};

export const outageStreamName = (outageId: string) => streamName('outage', outageId);
