import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import {
  AccessGuard,
  AccessTrailModule,
  CONSOLE_SESSION_SETTINGS,
  CONSOLE_SESSIONS,
  ConsoleSessionController,
  ConsoleSessions,
  CREDENTIAL_VERIFIERS,
  CUSTOMER_SCOPE,
  credentialVerifiers,
  OPENID_SIGN_IN,
  OpenIdSignIn,
} from '@sla/access-control';
import { AgreementDirectory } from '@sla/agreements-read-models';
import { CqrsModule } from '@nestjs/cqrs';
import { productModules } from '@sla/composition';
import { ServiceReportScope } from '@sla/reports-feature';
import type { Infrastructure } from '@sla/composition';
import { isLoopbackHost, type Configuration } from '@sla/configuration';
import type { Clock } from '@sla/nest-platform';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { OpenApiController } from './openapi/openapi.controller';
import { DocsController } from './openapi/docs.controller';
import { InfrastructureModule } from './infrastructure.module';
import { CustomerScopeReaders } from './customer-scope-readers';
import { EvidenceBundleController } from './evidence/evidence-bundle.controller';

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
      controllers: [
        HealthController,
        MetricsController,
        OpenApiController,
        DocsController,
        ConsoleSessionController,
        EvidenceBundleController,
      ],
      providers: [
        {
          provide: CREDENTIAL_VERIFIERS,
          useValue: credentialVerifiers(infrastructure.configuration, { eventStore: infrastructure.eventStore, clock }),
        },
        {
          provide: CONSOLE_SESSIONS,
          useValue: new ConsoleSessions(
            infrastructure.readStore,
            clock,
            infrastructure.configuration.CONSOLE_SESSION_HOURS * 3_600_000,
          ),
        },
        {
          provide: CONSOLE_SESSION_SETTINGS,
          useValue: {
            secureCookie:
              infrastructure.configuration.CONSOLE_SESSION_COOKIE_SECURE === 'auto'
                ? !isLoopbackHost(infrastructure.configuration.HOST)
                : infrastructure.configuration.CONSOLE_SESSION_COOKIE_SECURE === 'on',
          },
        },
        { provide: OPENID_SIGN_IN, useValue: openIdSignInOf(infrastructure.configuration) },
        AgreementDirectory,
        ServiceReportScope,
        { provide: CUSTOMER_SCOPE, useClass: CustomerScopeReaders },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}

/** The console's sign-in at the OpenID provider, when a console client is configured. */
function openIdSignInOf(configuration: Configuration): OpenIdSignIn | null {
  if (!configuration.OIDC_CONSOLE_CLIENT_ID || !configuration.OIDC_ISSUER) return null;
  return new OpenIdSignIn({
    issuer: configuration.OIDC_ISSUER,
    clientId: configuration.OIDC_CONSOLE_CLIENT_ID,
    clientSecret: configuration.OIDC_CONSOLE_CLIENT_SECRET,
    // Set by the configuration: given, or derived from a loopback HOST and PORT.
    redirectUrl: configuration.OIDC_CONSOLE_REDIRECT_URL!,
    scopes: configuration.OIDC_CONSOLE_SCOPES,
    requestParameters: configuration.OIDC_CONSOLE_REQUEST_PARAMETERS ?? {},
    providerName: configuration.OIDC_CONSOLE_PROVIDER_NAME,
  });
}
