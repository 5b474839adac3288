import { Controller, Module } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { TicketClockInputs } from '@sla/compliance-read-models';
import { ticketIdSchema } from '@sla/operations-domain';
import { slugSchema } from '@sla/event-sourcing';
import { Endpoint, ValidParam, ValidQuery } from '@sla/nest-platform';
import {
  ReplayAgreementHandler,
  ReplayAgreementQuery,
  ReplayTicketClockHandler,
  ReplayTicketClockQuery,
} from './replays.queries';
import {
  GetConsistencyProofHandler,
  GetConsistencyProofQuery,
  GetInclusionProofHandler,
  GetInclusionProofQuery,
  ListTreeHeadsHandler,
  ListTreeHeadsQuery,
} from './audit-proofs.queries';
import {
  agreementReplayRoute,
  consistencyQuery,
  consistencyRoute,
  inclusionQuery,
  inclusionRoute,
  ticketClockReplayRoute,
  treeHeadsQuery,
  treeHeadsRoute,
} from './audit.routes';

/** Evidence an auditor can check without trusting the database: signed tree heads and RFC 9162 proofs. */
@Controller()
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Endpoint(treeHeadsRoute)
  treeHeads(@ValidQuery(treeHeadsRoute) query: z.infer<typeof treeHeadsQuery>) {
    return this.queries.execute(
      new ListTreeHeadsQuery(
        { limit: query.limit, cursor: query.cursor },
        { min: query.minTreeSize, max: query.maxTreeSize },
      ),
    );
  }

  @Endpoint(inclusionRoute)
  inclusion(
    @ValidParam(inclusionRoute, 'eventId', z.uuid()) eventId: string,
    @ValidQuery(inclusionRoute) query: z.infer<typeof inclusionQuery>,
  ) {
    return this.queries.execute(new GetInclusionProofQuery(eventId, query.treeSize));
  }

  @Endpoint(agreementReplayRoute)
  agreementReplay(@ValidParam(agreementReplayRoute, 'agreementId', slugSchema) agreementId: string) {
    return this.queries.execute(new ReplayAgreementQuery(agreementId));
  }

  @Endpoint(ticketClockReplayRoute)
  ticketClockReplay(@ValidParam(ticketClockReplayRoute, 'ticketId', ticketIdSchema) ticketId: string) {
    return this.queries.execute(new ReplayTicketClockQuery(ticketId));
  }

  @Endpoint(consistencyRoute)
  consistency(@ValidQuery(consistencyRoute) query: z.infer<typeof consistencyQuery>) {
    return this.queries.execute(new GetConsistencyProofQuery(query.from, query.to));
  }
}

/** Needs READ_STORE from the composition root. */
@Module({
  controllers: [AuditController],
  providers: [
    ListTreeHeadsHandler,
    GetInclusionProofHandler,
    GetConsistencyProofHandler,
    ReplayAgreementHandler,
    ReplayTicketClockHandler,
    TicketClockInputs,
  ],
})
export class AuditModule {}
