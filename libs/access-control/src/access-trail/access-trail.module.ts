import { Controller, Module } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { z } from 'zod';
import { Endpoint, ValidQuery } from '@sla/nest-platform';
import { accessEventsRoute, type accessEventsQuery } from './access-events.routes';
import { ListAccessEventsHandler, ListAccessEventsQuery } from './list-access-events.query';

/** The auditor's view of the access trail. */
@Controller()
export class AccessTrailController {
  constructor(private readonly queries: QueryBus) {}

  @Endpoint(accessEventsRoute)
  accessEvents(@ValidQuery(accessEventsRoute) query: z.infer<typeof accessEventsQuery>) {
    return this.queries.execute(
      new ListAccessEventsQuery({ from: query.from, to: query.to }, query.type, {
        limit: query.limit,
        cursor: query.cursor,
      }),
    );
  }
}

/** Needs EVENT_STORE from the composition root. */
@Module({ controllers: [AccessTrailController], providers: [ListAccessEventsHandler] })
export class AccessTrailModule {}
