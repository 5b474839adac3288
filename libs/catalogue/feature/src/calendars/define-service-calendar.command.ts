import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, inStreamOrder, type EventMetadata, type EventStore } from '@sla/event-sourcing';
import {
  serviceCalendarDecider,
  serviceCalendarStreamName,
  type ServiceCalendarDefinedData,
} from '@sla/catalogue-domain';
import { CLOCK, EVENT_STORE, type Clock } from '@sla/nest-platform';
import type { CommandAccepted } from '../change-service/change-service.command';

export class DefineServiceCalendarCommand extends Command<CommandAccepted> {
  constructor(
    readonly data: ServiceCalendarDefinedData,
    readonly metadata: EventMetadata,
    readonly expectedRevision?: bigint,
  ) {
    super();
  }
}

@CommandHandler(DefineServiceCalendarCommand)
export class DefineServiceCalendarHandler implements ICommandHandler<DefineServiceCalendarCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ data, metadata, expectedRevision }: DefineServiceCalendarCommand): Promise<CommandAccepted> {
    const outcome = await handleCommand(
      this.store,
      serviceCalendarStreamName(data.calendarId),
      serviceCalendarDecider,
      { type: 'DefineServiceCalendar', data },
      { metadata, expectedRevision, occurredAt: inStreamOrder(this.clock) },
    );
    return { streamRevision: outcome.streamRevision.toString() };
  }
}
