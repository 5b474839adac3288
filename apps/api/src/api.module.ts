import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard, loadPrincipals, PRINCIPALS } from '@sla/access-control';
import { CqrsModule } from '@nestjs/cqrs';
import { CatalogueModule } from '@sla/catalogue-feature';
import { AgreementsModule } from '@sla/agreements-feature';
import { ComplianceModule } from '@sla/compliance-feature';
import { AuditModule } from '@sla/audit-feature';
import { ServiceReportsModule } from '@sla/reports-feature';
import { reportReaders } from '@sla/composition';
import { loadAlertMapping, loadJsonWebhookSources, OperationsModule } from '@sla/operations-feature';
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
        CatalogueModule,
        AgreementsModule,
        ComplianceModule,
        AuditModule,
        ServiceReportsModule.register(reportReaders, {
          draftIntervalMilliseconds: infrastructure.configuration.REPORT_DRAFT_INTERVAL_SECONDS * 1_000,
        }),
        OperationsModule.register(
          loadAlertMapping(infrastructure.configuration.ALERTMANAGER_MAPPING_FILE),
          loadJsonWebhookSources(infrastructure.configuration.JSON_WEBHOOK_SOURCES_FILE),
        ),
      ],
      controllers: [HealthController, OpenApiController, DocsController],
      providers: [
        { provide: PRINCIPALS, useValue: loadPrincipals(infrastructure.configuration.AUTH_API_KEYS_FILE) },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}
