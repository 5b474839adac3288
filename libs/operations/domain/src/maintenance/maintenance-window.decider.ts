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
import { isTimeZone } from '@sla/sla-clock';
import { occurrencesBetween, prepareRecurrence, RecurrenceRuleError, type Occurrence } from './recurrence';

export const maintenanceWindowIdSchema = opaqueIdSchema(200);

const onceSchema = z
  .strictObject({ kind: z.literal('once'), start: instantSchema, end: instantSchema })
  .refine((schedule) => Date.parse(schedule.end) > Date.parse(schedule.start), {
    message: 'the window must end after it starts',
    path: ['end'],
  });

const recurringSchema = z
  .strictObject({
    kind: z.literal('recurring'),
    rule: z.string().trim().min(6).max(500),
    timeZone: z.string().refine(isTimeZone, 'not an IANA time zone'),
    firstStart: z.iso.datetime({ local: true }),
    // A week at most: a longer "window" is a change freeze, not maintenance.
    durationMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  })
  .superRefine((schedule, context) => {
    try {
      prepareRecurrence(schedule);
    } catch (error) {
      if (!(error instanceof RecurrenceRuleError)) throw error;
      context.addIssue({ code: 'custom', message: error.message, path: [error.field] });
    }
  });

export const maintenanceScheduleSchema = z.discriminatedUnion('kind', [onceSchema, recurringSchema]);
export type MaintenanceSchedule = z.infer<typeof maintenanceScheduleSchema>;

/**
 * Planned maintenance approved under a change: its occurrences are excluded
 * from agreed service time when availability is computed.
 */
export const MaintenanceWindowScheduled = defineEvent({
  type: 'MaintenanceWindowScheduled',
  schemaVersion: 1,
  schema: z.strictObject({
    windowId: maintenanceWindowIdSchema,
    serviceId: z.string().min(1),
    changeReference: z.string().trim().min(1).max(100),
    title: z.string().trim().min(1).max(300),
    schedule: maintenanceScheduleSchema,
    occurredAt: instantSchema,
  }),
});

/** Occurrences starting at or after `effectiveFrom` no longer happen; earlier ones did. */
export const MaintenanceWindowCancelled = defineEvent({
  type: 'MaintenanceWindowCancelled',
  schemaVersion: 1,
  schema: z.strictObject({
    windowId: maintenanceWindowIdSchema,
    reason: z.string().trim().min(1).max(1_000),
    effectiveFrom: instantSchema,
    occurredAt: instantSchema,
  }),
});

export const maintenanceWindowEventDefinitions = [MaintenanceWindowScheduled, MaintenanceWindowCancelled];

export type MaintenanceWindowEvent =
  | DomainEvent<'MaintenanceWindowScheduled', EventDataOf<typeof MaintenanceWindowScheduled>>
  | DomainEvent<'MaintenanceWindowCancelled', EventDataOf<typeof MaintenanceWindowCancelled>>;

export type MaintenanceWindowState = { readonly scheduledAt: number | null; readonly cancelledFrom: number | null };

export class MaintenanceWindowError extends DomainError {
  readonly kind: DomainError['kind'];
  constructor(
    readonly code:
      | 'MAINTENANCE_WINDOW_ALREADY_SCHEDULED'
      | 'MAINTENANCE_WINDOW_NOT_FOUND'
      | 'MAINTENANCE_WINDOW_ALREADY_CANCELLED'
      | 'FACT_BEFORE_SCHEDULING',
    message: string,
  ) {
    super(message);
    this.name = 'MaintenanceWindowError';
    this.kind =
      code === 'MAINTENANCE_WINDOW_NOT_FOUND'
        ? 'not_found'
        : code === 'FACT_BEFORE_SCHEDULING'
          ? 'rule_violated'
          : 'conflict';
  }
}

export type RecordMaintenanceWindowFact = {
  readonly type: 'RecordMaintenanceWindowFact';
  readonly fact: MaintenanceWindowEvent;
};

export const maintenanceWindowDecider: Decider<
  RecordMaintenanceWindowFact,
  MaintenanceWindowEvent,
  MaintenanceWindowState
> = {
  initialState: () => ({ scheduledAt: null, cancelledFrom: null }),
  evolve(state, event) {
    return event.type === 'MaintenanceWindowScheduled'
      ? { ...state, scheduledAt: Date.parse(event.data.occurredAt) }
      : { ...state, cancelledFrom: Date.parse(event.data.effectiveFrom) };
  },
  decide({ fact }, state) {
    const { windowId } = fact.data;
    if (fact.type === 'MaintenanceWindowScheduled') {
      if (state.scheduledAt !== null)
        throw new MaintenanceWindowError(
          'MAINTENANCE_WINDOW_ALREADY_SCHEDULED',
          `maintenance window ${windowId} is already scheduled`,
        );
      return [fact];
    }
    if (state.scheduledAt === null)
      throw new MaintenanceWindowError(
        'MAINTENANCE_WINDOW_NOT_FOUND',
        `maintenance window ${windowId} was never scheduled`,
      );
    if (state.cancelledFrom !== null) {
      throw new MaintenanceWindowError(
        'MAINTENANCE_WINDOW_ALREADY_CANCELLED',
        `maintenance window ${windowId} is already cancelled from ${new Date(state.cancelledFrom).toISOString()}`,
      );
    }
    if (Date.parse(fact.data.occurredAt) < state.scheduledAt) {
      throw new MaintenanceWindowError(
        'FACT_BEFORE_SCHEDULING',
        `maintenance window ${windowId} cannot be cancelled (${fact.data.occurredAt}) before it was scheduled`,
      );
    }
    return [fact];
  },
};

export const maintenanceWindowStreamName = (windowId: string) => streamName('maintenance', windowId);

/**
 * The occurrences of a window that overlap [from, to): a one-off window is
 * its own single occurrence; a cancellation removes those starting at or
 * after its effective instant.
 */
export function maintenanceOccurrences(
  schedule: MaintenanceSchedule,
  cancelledFrom: number | null,
  from: number,
  to: number,
  limit = 10_000,
): Occurrence[] {
  const occurrences =
    schedule.kind === 'once'
      ? [{ start: Date.parse(schedule.start), end: Date.parse(schedule.end) }].filter(
          (occurrence) => occurrence.end > from && occurrence.start < to,
        )
      : occurrencesBetween(prepareRecurrence(schedule), from, to, limit);
  return cancelledFrom === null ? occurrences : occurrences.filter((occurrence) => occurrence.start < cancelledFrom);
}
