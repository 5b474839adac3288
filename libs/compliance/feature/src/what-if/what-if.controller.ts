import { Controller } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { Endpoint, ValidBody, ValidParam } from '@sla/nest-platform';
import { EvaluateWhatIfQuery } from './what-if.query';
import { opaqueIdentifier } from '../compliance.schemas';
import { rangeOf } from '../reporting-range';
import { whatIfBody, whatIfRoute } from './what-if.routes';

/** What the figures would have been under another version or content of the agreement. */
@Controller()
export class WhatIfController {
  constructor(private readonly queries: QueryBus) {}

  @Endpoint(whatIfRoute)
  whatIf(
    @ValidParam(whatIfRoute, 'agreementId', opaqueIdentifier) agreementId: string,
    @ValidBody(whatIfRoute) body: z.infer<typeof whatIfBody>,
  ) {
    const { from, to } = rangeOf(body);
    return this.queries.execute(
      new EvaluateWhatIfQuery(
        agreementId,
        from,
        to,
        body.version !== undefined ? { version: body.version } : { content: body.content! },
      ),
    );
  }
}
