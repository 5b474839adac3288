import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { EventStore } from '@sla/event-sourcing';
import { CLOCK, EVENT_STORE, READ_STORE, type Clock } from './tokens';

/** Hands opened stores and the clock to every feature module (API and CLI alike). */
@Global()
@Module({})
export class StoresModule {
  static register(stores: { eventStore: EventStore; readStore: Kysely<any>; clock: Clock }): DynamicModule {
    return {
      module: StoresModule,
      providers: [
        { provide: EVENT_STORE, useValue: stores.eventStore },
        { provide: READ_STORE, useValue: stores.readStore },
        { provide: CLOCK, useValue: stores.clock },
      ],
      exports: [EVENT_STORE, READ_STORE, CLOCK],
    };
  }
}
