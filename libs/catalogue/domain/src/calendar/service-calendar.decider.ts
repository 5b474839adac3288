import { z } from 'zod';
import { calendarDefinitionSchema } from '@sla/sla-clock';
import {
  defineEvent,
  DomainError,
  type Decider,
  type DomainEvent,
  instantSchema,
  slugSchema,
  streamName,
} from '@sla/event-sourcing';

/**
 * A service-hours calendar was defined or replaced. The definition carries
 * its own versions with effective dates, so replacing it never rewrites
 * history: earlier versions stay inside the new definition.
 */
export const ServiceCalendarDefined = defineEvent({
  type: 'ServiceCalendarDefined',
  schemaVersion: 1,
  schema: z.strictObject({
    calendarId: slugSchema,
    definition: calendarDefinitionSchema,
    changeRequest: z.string().trim().min(1).max(100).nullable(),
    occurredAt: instantSchema,
  }),
});

export type ServiceCalendarDefinedData = z.infer<typeof ServiceCalendarDefined.schema>;
export type ServiceCalendarEvent = DomainEvent<'ServiceCalendarDefined', ServiceCalendarDefinedData>;
export type DefineServiceCalendar = { type: 'DefineServiceCalendar'; data: ServiceCalendarDefinedData };
export type ServiceCalendarState = { readonly defined: boolean };

export class ServiceCalendarError extends DomainError {
  readonly code = 'CALENDAR_ID_MISMATCH';
  readonly kind = 'rule_violated' as const;
}

export const serviceCalendarDecider: Decider<DefineServiceCalendar, ServiceCalendarEvent, ServiceCalendarState> = {
  initialState: () => ({ defined: false }),
  evolve: () => ({ defined: true }),
  decide(command) {
    if (command.data.definition.id !== command.data.calendarId) {
      throw new ServiceCalendarError(
        `the definition's id '${command.data.definition.id}' differs from the calendar id '${command.data.calendarId}'`,
      );
    }
    return [{ type: 'ServiceCalendarDefined', data: command.data }];
  },
};

export const serviceCalendarStreamName = (calendarId: string) => streamName('calendar', calendarId);
