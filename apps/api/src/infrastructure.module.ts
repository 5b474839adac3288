import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Infrastructure } from '@sla/composition';
import { CLOCK, EVENT_STORE, READ_STORE, type Clock } from '@sla/nest-platform';

export const INFRASTRUCTURE = Symbol('INFRASTRUCTURE');

/** Hands the already-opened infrastructure to every feature module. */
@Global()
@Module({})
export class InfrastructureModule {
  static register(infrastructure: Infrastructure, clock: Clock): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: INFRASTRUCTURE, useValue: infrastructure },
        { provide: EVENT_STORE, useValue: infrastructure.eventStore },
        { provide: READ_STORE, useValue: infrastructure.readStore },
        { provide: CLOCK, useValue: clock },
      ],
      exports: [INFRASTRUCTURE, EVENT_STORE, READ_STORE, CLOCK],
    };
  }
}
