import { createHmac, timingSafeEqual } from 'node:crypto';
import { Body, Controller, Headers, Inject, NotFoundException, Req, Res, UnauthorizedException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import type { EventMetadata } from '@sla/event-sourcing';
import { Endpoint, ValidParam, RequestMetadata, ZodValidationPipe } from '@sla/nest-platform';
import { RecordFactCommand } from '../intake/record-fact.command';
import {
  jsonWebhookSourceName,
  matchingRule,
  sourceNamed,
  valueOf,
  type JsonWebhookSources,
} from './json-webhook-sources';
import { receiveRoute } from './json-webhook.routes';

export const JSON_WEBHOOK_SOURCES = Symbol('JSON_WEBHOOK_SOURCES');

/** A tool's own JSON, turned into one ticket fact by the source's mapping rules. */
@Controller()
export class JsonWebhookController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(JSON_WEBHOOK_SOURCES) private readonly sources: JsonWebhookSources,
  ) {}

  @Endpoint(receiveRoute)
  async receive(
    @ValidParam(receiveRoute, 'source', jsonWebhookSourceName) sourceName: string,
    @Body() payload: unknown,
    @Headers() headers: Record<string, string | undefined>,
    @Req() request: { rawBody?: Buffer },
    @RequestMetadata({ pathParameter: 'source' }) metadata: EventMetadata,
    @Res({ passthrough: true }) response: { status(code: number): void },
  ) {
    const source = sourceNamed(this.sources, sourceName);
    if (!source) throw new NotFoundException(`no JSON webhook source '${sourceName}' is configured`);
    if (source.secret)
      verifySignature(
        source.secret,
        request.rawBody,
        headers[source.signatureHeader.toLowerCase()],
        source.signatureHeader,
      );
    const rule = matchingRule(source.rules, payload);
    if (!rule) return { outcome: 'ignored' as const, reason: 'no mapping rule matches this payload' };
    const ticketId = String(valueOf(payload, rule.ticketId) ?? '');
    const externalId = String(valueOf(payload, rule.externalId) ?? '');
    const data = Object.fromEntries(
      Object.entries(rule.data).map(([field, expression]) => [field, valueOf(payload, expression)]),
    );
    new ZodValidationPipe(z.string().min(1, 'the mapped externalId is empty'), 'body').transform(externalId);
    const result = await this.commands.execute(
      new RecordFactCommand('ticket', ticketId, { source: sourceName, externalId, type: rule.fact, data }, metadata),
    );
    response.status(result.duplicate ? 200 : 201);
    return {
      outcome: result.duplicate ? ('duplicate' as const) : ('recorded' as const),
      fact: rule.fact,
      ticketId,
      streamRevision: result.streamRevision.toString(),
      duplicate: result.duplicate,
    };
  }
}

function verifySignature(
  secret: string,
  rawBody: Buffer | undefined,
  header: string | undefined,
  headerName: string,
): void {
  if (!rawBody || !header) throw new UnauthorizedException(`missing ${headerName} signature`);
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(header.replace(/^sha256=/, ''), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new UnauthorizedException(`the ${headerName} signature does not match the body`);
  }
}
