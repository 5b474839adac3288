import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, inStreamOrder, type EventMetadata, type EventStore } from '@sla/event-sourcing';
import { serviceDecider, serviceStreamName, type ServiceCommand } from '@sla/catalogue-domain';
import { CLOCK, EVENT_STORE, type Clock } from '@sla/nest-platform';

export type CommandAccepted = { readonly streamRevision: string };

/** Any catalogue command for one service (register, activate, revise, retire). */
export class ChangeServiceCommand extends Command<CommandAccepted> {
  constructor(
    readonly command: ServiceCommand,
    readonly metadata: EventMetadata,
    readonly expectedRevision?: bigint,
  ) {
    super();
  }
}

@CommandHandler(ChangeServiceCommand)
export class ChangeServiceHandler implements ICommandHandler<ChangeServiceCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ command, metadata, expectedRevision }: ChangeServiceCommand): Promise<CommandAccepted> {
    const outcome = await handleCommand(
      this.store,
      serviceStreamName(command.data.serviceId),
      serviceDecider,
      command,
      {
        metadata,
        expectedRevision,
        occurredAt: inStreamOrder(this.clock),
      },
    );
    return { streamRevision: outcome.streamRevision.toString() };
  }
}
