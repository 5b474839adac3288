import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import type { EventMetadata, EventStore } from '@sla/event-sourcing';
import { CLOCK, EVENT_STORE, READ_STORE, type Clock } from '@sla/nest-platform';
import { FactIntake, type FactDelivery, type FactKind, type RecordedFact } from './fact-intake';

/** Record one delivered fact of a ticket, outage or maintenance window. */
export class RecordFactCommand extends Command<RecordedFact> {
  constructor(
    readonly kind: FactKind,
    readonly id: string,
    readonly delivery: FactDelivery,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

@CommandHandler(RecordFactCommand)
export class RecordFactHandler implements ICommandHandler<RecordFactCommand> {
  private readonly intake: FactIntake;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_STORE) db: Kysely<any>,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.intake = new FactIntake(store, db, clock);
  }

  execute({ kind, id, delivery, metadata }: RecordFactCommand): Promise<RecordedFact> {
    return this.intake.record(kind, id, delivery, metadata);
  }
}
