import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Infrastructure } from '@sla/composition';
import { StoresModule, type Clock } from '@sla/nest-platform';

export const INFRASTRUCTURE = Symbol('INFRASTRUCTURE');

/** Hands the already-opened infrastructure to every feature module. */
@Global()
@Module({})
export class InfrastructureModule {
  static register(infrastructure: Infrastructure, clock: Clock): DynamicModule {
    return {
      module: InfrastructureModule,
      imports: [
        StoresModule.register({ eventStore: infrastructure.eventStore, readStore: infrastructure.readStore, clock }),
      ],
      providers: [{ provide: INFRASTRUCTURE, useValue: infrastructure }],
      exports: [INFRASTRUCTURE],
    };
  }
}
