import { Controller } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { Endpoint, ValidParam, ValidQuery } from '@sla/nest-platform';
import { GetKpiSummaryQuery } from './kpi-summary.query';
import { opaqueIdentifier, rangeQuery } from '../compliance.schemas';
import { rangeOf } from '../reporting-range';
import { kpisRoute } from './kpi-summary.routes';

/** The agreement's key performance indicators over a reporting range. */
@Controller()
export class KpiSummaryController {
  constructor(private readonly queries: QueryBus) {}

  @Endpoint(kpisRoute)
  kpis(
    @ValidParam(kpisRoute, 'agreementId', opaqueIdentifier) agreementId: string,
    @ValidQuery(kpisRoute) query: z.infer<typeof rangeQuery>,
  ) {
    const { from, to } = rangeOf(query);
    return this.queries.execute(new GetKpiSummaryQuery(agreementId, from, to, query.timeZone));
  }
}
