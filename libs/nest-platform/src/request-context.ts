import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { EventMetadata } from '@sla/event-sourcing';
import { correlationIdFrom } from './correlation-id';

/**
 * Who is acting and under which correlation id, taken from the request: the
 * authenticated principal's actor; only with access control off (no API keys
 * configured, development) the `X-Actor` header.
 */
export const RequestMetadata = createParamDecorator((_: unknown, context: ExecutionContext): EventMetadata => {
  const request = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined>; principal?: { actor: string } }>();
  const header = (name: string) => {
    const value = request.headers[name];
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
  };
  return {
    actor: request.principal?.actor ?? header('x-actor') ?? 'anonymous',
    correlationId: correlationIdFrom(request.headers['x-correlation-id']),
    source: 'api',
  };
});
