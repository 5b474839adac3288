import { Controller } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { Endpoint, ValidParam, ValidQuery } from '@sla/nest-platform';
import { opaqueIdentifier } from '../compliance.schemas';
import { GetTicketTimelineQuery } from './ticket-timeline.query';
import { ticketTimelineRoute, timelineQuery } from './ticket-timeline.routes';

/** A ticket's SLA timeline with its clocks explained: the ticket page of the console. */
@Controller()
export class TicketTimelineController {
  constructor(private readonly queries: QueryBus) {}

  @Endpoint(ticketTimelineRoute)
  timeline(
    @ValidParam(ticketTimelineRoute, 'ticketId', opaqueIdentifier) ticketId: string,
    @ValidQuery(ticketTimelineRoute) query: z.infer<typeof timelineQuery>,
  ) {
    return this.queries.execute(new GetTicketTimelineQuery(ticketId, query.language, query.timeZone, query.asOf));
  }
}
