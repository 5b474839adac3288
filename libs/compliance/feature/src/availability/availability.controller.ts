import { Controller } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { Endpoint, ValidParam, ValidQuery } from '@sla/nest-platform';
import { GetAgreementAvailabilityQuery, GetServiceAvailabilityQuery } from './availability.queries';
import { opaqueIdentifier } from '../compliance.schemas';
import { optionalDate, rangeOf } from '../reporting-range';
import {
  agreementAvailabilityQuery,
  serviceAvailabilityQuery,
  agreementAvailabilityRoute,
  serviceAvailabilityRoute,
} from './availability.routes';

/** Availability of an agreement's services, or of one service on a calendar, against the targets. */
@Controller()
export class AvailabilityController {
  constructor(private readonly queries: QueryBus) {}

  @Endpoint(agreementAvailabilityRoute)
  agreementAvailability(
    @ValidParam(agreementAvailabilityRoute, 'agreementId', opaqueIdentifier) agreementId: string,
    @ValidQuery(agreementAvailabilityRoute) query: z.infer<typeof agreementAvailabilityQuery>,
  ) {
    const { from, to } = rangeOf(query);
    return this.queries.execute(
      new GetAgreementAvailabilityQuery(
        agreementId,
        from,
        to,
        optionalDate(query.knownAt),
        query.by === 'day' ? query.timeZone : undefined,
      ),
    );
  }

  @Endpoint(serviceAvailabilityRoute)
  serviceAvailability(
    @ValidParam(serviceAvailabilityRoute, 'serviceId', opaqueIdentifier) serviceId: string,
    @ValidQuery(serviceAvailabilityRoute)
    query: z.infer<typeof serviceAvailabilityQuery>,
  ) {
    const { from, to } = rangeOf(query);
    return this.queries.execute(
      new GetServiceAvailabilityQuery(
        serviceId,
        query.calendarId,
        from,
        to,
        query.targetPercentage,
        optionalDate(query.knownAt),
        query.by === 'day' ? query.timeZone : undefined,
      ),
    );
  }
}
