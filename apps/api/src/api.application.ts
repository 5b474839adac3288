import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication, LogLevel } from '@nestjs/common';
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

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The HTTP application over opened infrastructure; the caller decides when to listen. */
export async function createApiApplication(
  infrastructure: Infrastructure,
  options: { clock?: Clock; logger?: false } = {},
): Promise<INestApplication> {
  const level = infrastructure.configuration.LOG_LEVEL;
  const app = await NestFactory.create(ApiModule.register(infrastructure, options.clock ?? systemClock), {
    logger: options.logger ?? new StartupQuietLogger(LEVELS.slice(0, LEVELS.indexOf(level) + 1)),
    abortOnError: false,
    // The raw body is kept for webhook signatures (HMAC over the exact bytes sent).
    rawBody: true,
  });
  app.use(securityHeaders());
  // CORS is answered before the 405 check: a preflight OPTIONS on a known path is not "method not allowed".
  const cors = corsOptions(infrastructure.configuration);
  if (cors) app.enableCors(cors);
  // Before the routes: a known path with a wrong method is 405 with Allow, not Express's 404.
  app.use(methodNotAllowed(apiDocument.paths));
  app.useGlobalFilters(new HttpErrorFilter());
  app.useGlobalInterceptors(new RequestShapeInterceptor());
  return app;
}
