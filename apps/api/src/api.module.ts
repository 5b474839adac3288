import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard, loadPrincipals, PRINCIPALS } from '@sla/access-control';
import { CqrsModule } from '@nestjs/cqrs';
import { productModules } from '@sla/composition';
import type { Infrastructure } from '@sla/composition';
import type { Clock } from '@sla/nest-platform';
import { HealthController } from './health/health.controller';
import { OpenApiController } from './openapi/openapi.controller';
import { DocsController } from './openapi/docs.controller';
import { InfrastructureModule } from './infrastructure.module';

@Module({})
export class ApiModule {
  static register(infrastructure: Infrastructure, clock: Clock): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CqrsModule.forRoot(),
        InfrastructureModule.register(infrastructure, clock),
        ...productModules(infrastructure.configuration, {
          reportDraftIntervalMilliseconds: infrastructure.configuration.REPORT_DRAFT_INTERVAL_SECONDS * 1_000,
        }),
      ],
      controllers: [HealthController, OpenApiController, DocsController],
      providers: [
        { provide: PRINCIPALS, useValue: loadPrincipals(infrastructure.configuration.AUTH_API_KEYS_FILE) },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}
