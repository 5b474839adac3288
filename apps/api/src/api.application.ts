import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { AccessTrail, CREDENTIAL_VERIFIERS, type CredentialVerifiers } from '@sla/access-control';
import type { Infrastructure } from '@sla/composition';
import {
  HttpErrorFilter,
  methodNotAllowed,
  RequestShapeInterceptor,
  systemClock,
  type Clock,
} from '@sla/nest-platform';
import { ApiModule } from './api.module';
import { StartupQuietLogger } from './startup-logger';
import { apiDocument } from './openapi/openapi.controller';
import { corsOptions, securityHeaders } from './security-headers';
import { builtConsoleFolder, consoleFiles } from './console/console-files';
import { AccessDenialFilter, addressRateLimit, PrincipalRateLimitInterceptor, rateLimits } from './access/rate-limits';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The HTTP application over opened infrastructure; the caller decides when to listen. */
export async function createApiApplication(
  infrastructure: Infrastructure,
  options: { clock?: Clock; logger?: false; consoleFolder?: string | null } = {},
): Promise<INestApplication> {
  const configuration = infrastructure.configuration;
  const level = configuration.LOG_LEVEL;
  const clock = options.clock ?? systemClock;
  const app = await NestFactory.create(ApiModule.register(infrastructure, clock), {
    logger: options.logger ?? new StartupQuietLogger(LEVELS.slice(0, LEVELS.indexOf(level) + 1)),
    abortOnError: false,
    // The raw body is kept for webhook signatures (HMAC over the exact bytes sent).
    rawBody: true,
  });
  app.use(securityHeaders());
  // CORS is answered before the 405 check: a preflight OPTIONS on a known path is not "method not allowed".
  const cors = corsOptions(configuration);
  if (cors) app.enableCors(cors);
  const verifiers = app.get<CredentialVerifiers>(CREDENTIAL_VERIFIERS);
  // The access trail records who was let in and who was refused: nothing to record while access control is off.
  const trail = verifiers
    ? new AccessTrail(infrastructure.eventStore, clock, {
        denialsPerAddressPerMinute: configuration.ACCESS_AUDIT_DENIALS_PER_ADDRESS_PER_MINUTE,
        denialsPerMinute: configuration.ACCESS_AUDIT_DENIALS_PER_MINUTE,
      })
    : null;
  const limits = rateLimits(configuration);
  // Before the routes and the access guard: a blocked or flooding address costs no credential check.
  app.use(addressRateLimit(limits, trail));
  // Before the routes: a known path with a wrong method is 405 with Allow, not Express's 404.
  app.use(methodNotAllowed(apiDocument.paths));
  // The web console at / (no second server); absent from an API-only build, whose / says how to build it.
  const consoleFolder = options.consoleFolder === undefined ? builtConsoleFolder() : options.consoleFolder;
  app.use(consoleFiles(consoleFolder, Object.keys(apiDocument.paths)));
  app.useGlobalFilters(new AccessDenialFilter(new HttpErrorFilter(), limits, trail, verifiers));
  app.useGlobalInterceptors(new RequestShapeInterceptor(), new PrincipalRateLimitInterceptor(limits, trail));
  return app;
}
