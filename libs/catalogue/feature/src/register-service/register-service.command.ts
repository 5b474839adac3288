import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, type EventMetadata, type EventStore } from '@sla/event-sourcing';
import { serviceDecider, serviceStreamName, type ServiceRegisteredData } from '@sla/catalogue-domain';
import { EVENT_STORE } from '@sla/nest-platform';

export type CommandAccepted = { readonly streamRevision: string };

export class RegisterServiceCommand extends Command<CommandAccepted> {
  constructor(
    readonly data: ServiceRegisteredData,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

@CommandHandler(RegisterServiceCommand)
export class RegisterServiceHandler implements ICommandHandler<RegisterServiceCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ data, metadata }: RegisterServiceCommand): Promise<CommandAccepted> {
    const outcome = await handleCommand(
      this.store,
      serviceStreamName(data.serviceId),
      serviceDecider,
      { type: 'RegisterService', data },
      { metadata },
    );
    return { streamRevision: outcome.streamRevision.toString() };
  }
}
