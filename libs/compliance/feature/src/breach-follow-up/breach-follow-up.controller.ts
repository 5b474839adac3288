import { Controller } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import type { EventMetadata } from '@sla/event-sourcing';
import { Endpoint, ValidBody, ValidParam, ValidQuery, RequestMetadata } from '@sla/nest-platform';
import { ListFollowUpsQuery, RecordBreachFollowUpCommand } from './breach-follow-up.handlers';
import { followUpBody, followUpQuery, recordFollowUpRoute, followUpsRoute } from './breach-follow-up.routes';

/** What was done about each breach: follow-up facts and the follow-ups still open. */
@Controller()
export class BreachFollowUpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Endpoint(recordFollowUpRoute)
  recordFollowUp(
    @ValidParam(recordFollowUpRoute, 'breachEventId', z.uuid()) breachEventId: string,
    @ValidBody(recordFollowUpRoute) body: z.infer<typeof followUpBody>,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.commands.execute(new RecordBreachFollowUpCommand(breachEventId, body.type, body.data, metadata));
  }

  @Endpoint(followUpsRoute)
  followUps(@ValidQuery(followUpsRoute) query: z.infer<typeof followUpQuery>) {
    const { limit, cursor, ...filter } = query;
    return this.queries.execute(new ListFollowUpsQuery(filter, { limit, cursor }));
  }
}
