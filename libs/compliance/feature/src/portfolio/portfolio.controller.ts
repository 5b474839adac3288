import { Controller } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { reportingRange } from '@sla/compliance-domain';
import { CustomerAgreements } from '@sla/access-control';
import { Endpoint, RequestValidationError, ValidQuery } from '@sla/nest-platform';
import { GetPortfolioQuery } from './get-portfolio.query';
import { portfolioQuery, portfolioRoute } from './portfolio.routes';

/** The compliance picture of every agreement in a period (the console's portfolio page). */
@Controller()
export class PortfolioController {
  constructor(private readonly queries: QueryBus) {}

  @Endpoint(portfolioRoute)
  portfolio(
    @ValidQuery(portfolioRoute) query: z.infer<typeof portfolioQuery>,
    @CustomerAgreements() customerAgreements: readonly string[] | undefined,
  ) {
    if (!reportingRange(query.period, 'UTC'))
      throw new RequestValidationError('query', [
        { path: 'period', message: 'a month (2026-03), quarter (2026-Q1), half (2026-H2) or year (2026)' },
      ]);
    return this.queries.execute(
      new GetPortfolioQuery(query.period, {
        customer: query.customer,
        service: query.service,
        agreements: customerAgreements,
      }),
    );
  }
}
