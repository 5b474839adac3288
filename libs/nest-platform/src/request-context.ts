import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { EventMetadata } from '@sla/event-sourcing';

/**
 * Who is acting and under which correlation id, taken from the request.
 * Until access control lands the actor is the `X-Actor` header.
 */
export const RequestMetadata = createParamDecorator((_: unknown, context: ExecutionContext): EventMetadata => {
  const request = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>();
  const header = (name: string) => {
    const value = request.headers[name];
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
  };
  return {
    actor: header('x-actor') ?? 'anonymous',
    correlationId: header('x-correlation-id') ?? randomUUID(),
    source: 'api',
  };
});
