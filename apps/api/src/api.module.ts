import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import {
  AccessGuard,
  AccessTrailModule,
  CREDENTIAL_VERIFIERS,
  CUSTOMER_SCOPE,
  credentialVerifiers,
} from '@sla/access-control';
import { AgreementDirectory } from '@sla/agreements-read-models';
import { CqrsModule } from '@nestjs/cqrs';
import { productModules } from '@sla/composition';
import { ServiceReportScope } from '@sla/reports-feature';
import type { Infrastructure } from '@sla/composition';
import type { Clock } from '@sla/nest-platform';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { OpenApiController } from './openapi/openapi.controller';
import { DocsController } from './openapi/docs.controller';
import { InfrastructureModule } from './infrastructure.module';
import { CustomerScopeReaders } from './customer-scope-readers';

@Module({})
export class ApiModule {
  static register(infrastructure: Infrastructure, clock: Clock): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CqrsModule.forRoot(),
        InfrastructureModule.register(infrastructure, clock),
        AccessTrailModule,
        ...productModules(infrastructure.configuration, {
          reportDraftIntervalMilliseconds: infrastructure.configuration.REPORT_DRAFT_INTERVAL_SECONDS * 1_000,
        }),
      ],
      controllers: [HealthController, MetricsController, OpenApiController, DocsController],
      providers: [
        {
          provide: CREDENTIAL_VERIFIERS,
          useValue: credentialVerifiers(infrastructure.configuration, { eventStore: infrastructure.eventStore, clock }),
        },
        AgreementDirectory,
        ServiceReportScope,
        { provide: CUSTOMER_SCOPE, useClass: CustomerScopeReaders },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}
