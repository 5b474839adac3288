import { Controller } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { Endpoint, ValidParam, ValidQuery } from '@sla/nest-platform';
import { GetRestatementQuery } from './as-of.query';
import { opaqueIdentifier } from '../compliance.schemas';
import { rangeOf } from '../reporting-range';
import { restatementQuery, restatementRoute } from './restatement.routes';

/** The restatement of a reported period: what the figures were as known at the report, and as known now. */
@Controller()
export class RestatementController {
  constructor(private readonly queries: QueryBus) {}

  @Endpoint(restatementRoute)
  restatement(
    @ValidParam(restatementRoute, 'agreementId', opaqueIdentifier) agreementId: string,
    @ValidQuery(restatementRoute) query: z.infer<typeof restatementQuery>,
  ) {
    const { from, to } = rangeOf(query);
    return this.queries.execute(new GetRestatementQuery(agreementId, from, to, new Date(query.reportedAt)));
  }
}
