import { Controller } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { Endpoint, ValidQuery } from '@sla/nest-platform';
import { GetLiveQueueQuery } from './live-queue.query';
import { queueQuery, queueRoute } from './live-queue.routes';

/** The live SLA queue the console's service desk page polls. */
@Controller()
export class LiveQueueController {
  constructor(private readonly queries: QueryBus) {}

  @Endpoint(queueRoute)
  queue(@ValidQuery(queueRoute) query: z.infer<typeof queueQuery>) {
    return this.queries.execute(new GetLiveQueueQuery(query));
  }
}
