import { Controller } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { Endpoint, ValidParam, ValidQuery } from '@sla/nest-platform';
import { GetResponseResolutionComplianceQuery, GetTicketClocksQuery, ListBreachesQuery } from './ticket-sla.queries';
import { opaqueIdentifier, rangeQuery } from '../compliance.schemas';
import { optionalDate, rangeOf } from '../reporting-range';
import { breachQuery, breachesRoute, ticketClocksRoute, responseResolutionRoute } from './ticket-sla.routes';

/** Tickets' clocks against their targets, the breaches, and response and resolution compliance. */
@Controller()
export class TicketSlaController {
  constructor(private readonly queries: QueryBus) {}

  @Endpoint(ticketClocksRoute)
  ticketClocks(@ValidParam(ticketClocksRoute, 'ticketId', opaqueIdentifier) ticketId: string) {
    return this.queries.execute(new GetTicketClocksQuery(ticketId));
  }

  @Endpoint(breachesRoute)
  breaches(@ValidQuery(breachesRoute) query: z.infer<typeof breachQuery>) {
    const { from, to } = rangeOf(query);
    const filter = {
      agreementId: query.agreementId,
      serviceId: query.serviceId,
      ticketId: query.ticketId,
      priority: query.priority,
      metric: query.metric,
    };
    return this.queries.execute(
      new ListBreachesQuery(filter, from, to, optionalDate(query.knownAt), {
        limit: query.limit,
        cursor: query.cursor,
      }),
    );
  }

  @Endpoint(responseResolutionRoute)
  responseResolution(
    @ValidParam(responseResolutionRoute, 'agreementId', opaqueIdentifier) agreementId: string,
    @ValidQuery(responseResolutionRoute) query: z.infer<typeof rangeQuery>,
  ) {
    const { from, to } = rangeOf(query);
    return this.queries.execute(new GetResponseResolutionComplianceQuery(agreementId, from, to));
  }
}
