import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, type EventMetadata, type EventStore } from '@sla/event-sourcing';
import { serviceDecider, serviceStreamName, type ServiceRetiredData } from '@sla/catalogue-domain';
import { EVENT_STORE } from '@sla/nest-platform';
import type { CommandAccepted } from '../register-service/register-service.command';

export class RetireServiceCommand extends Command<CommandAccepted> {
  constructor(
    readonly data: ServiceRetiredData,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

@CommandHandler(RetireServiceCommand)
export class RetireServiceHandler implements ICommandHandler<RetireServiceCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ data, metadata }: RetireServiceCommand): Promise<CommandAccepted> {
    const outcome = await handleCommand(
      this.store,
      serviceStreamName(data.serviceId),
      serviceDecider,
      { type: 'RetireService', data },
      { metadata },
    );
    return { streamRevision: outcome.streamRevision.toString() };
  }
}
