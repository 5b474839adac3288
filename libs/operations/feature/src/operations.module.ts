import { Module } from '@nestjs/common';
import { RecordTicketFactHandler, TicketsController } from './tickets/tickets.controller';

/** Needs EVENT_STORE and READ_STORE from the composition root. */
@Module({ controllers: [TicketsController], providers: [RecordTicketFactHandler] })
export class OperationsModule {}
