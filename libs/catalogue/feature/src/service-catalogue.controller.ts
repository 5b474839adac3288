import { slugSchema } from '@sla/event-sourcing';
import { Controller, Headers, Inject, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { EventMetadata } from '@sla/event-sourcing';
import {
  CLOCK,
  Endpoint,
  RequestMetadata,
  ValidBody,
  ValidParam,
  ValidQuery,
  parseIfMatch,
  type BodyOf,
  type Clock,
  type QueryOf,
} from '@sla/nest-platform';
import { ChangeServiceCommand } from './change-service/change-service.command';
import { GetServiceQuery, ListServicesQuery } from './get-service/get-service.query';
import {
  activateServiceRoute,
  getServiceRoute,
  listServicesRoute,
  registerServiceRoute,
  retireServiceRoute,
  reviseServiceRoute,
} from './service-catalogue.routes';

/** The service catalogue: every change under a change request, every step an event. */
@Controller()
export class ServiceCatalogueController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private now(occurredAt: string | undefined) {
    return occurredAt ?? this.clock.now().toISOString();
  }

  @Endpoint(registerServiceRoute)
  async register(
    @ValidBody(registerServiceRoute) body: BodyOf<typeof registerServiceRoute>,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const accepted = await this.commands.execute(
      new ChangeServiceCommand(
        { type: 'RegisterService', data: { ...body, occurredAt: this.now(body.occurredAt) } },
        metadata,
      ),
    );
    return { serviceId: body.serviceId, ...accepted };
  }

  @Endpoint(activateServiceRoute)
  async activate(
    @ValidParam(activateServiceRoute, 'serviceId', slugSchema) id: string,
    @ValidBody(activateServiceRoute) body: BodyOf<typeof activateServiceRoute>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const accepted = await this.commands.execute(
      new ChangeServiceCommand(
        {
          type: 'ActivateService',
          data: { serviceId: id, changeRequest: body.changeRequest, occurredAt: this.now(body.occurredAt) },
        },
        metadata,
        parseIfMatch(ifMatch),
      ),
    );
    return { serviceId: id, ...accepted };
  }

  @Endpoint(reviseServiceRoute)
  async revise(
    @ValidParam(reviseServiceRoute, 'serviceId', slugSchema) id: string,
    @ValidBody(reviseServiceRoute) body: BodyOf<typeof reviseServiceRoute>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const accepted = await this.commands.execute(
      new ChangeServiceCommand(
        {
          type: 'ReviseServiceDetails',
          data: {
            serviceId: id,
            changes: body.changes,
            changeRequest: body.changeRequest,
            occurredAt: this.now(body.occurredAt),
          },
        },
        metadata,
        parseIfMatch(ifMatch),
      ),
    );
    return { serviceId: id, ...accepted };
  }

  @Endpoint(retireServiceRoute)
  async retire(
    @ValidParam(retireServiceRoute, 'serviceId', slugSchema) id: string,
    @ValidBody(retireServiceRoute) body: BodyOf<typeof retireServiceRoute>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const accepted = await this.commands.execute(
      new ChangeServiceCommand(
        { type: 'RetireService', data: { ...body, serviceId: id, occurredAt: this.now(body.occurredAt) } },
        metadata,
        parseIfMatch(ifMatch),
      ),
    );
    return { serviceId: id, ...accepted };
  }

  @Endpoint(listServicesRoute)
  list(@ValidQuery(listServicesRoute) query: QueryOf<typeof listServicesRoute>) {
    return this.queries.execute(
      new ListServicesQuery(
        { status: query.status, calendarId: query.calendarId },
        { limit: query.limit, cursor: query.cursor },
      ),
    );
  }

  @Endpoint(getServiceRoute)
  async get(
    @ValidParam(getServiceRoute, 'serviceId', slugSchema) id: string,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ) {
    const view = await this.queries.execute(new GetServiceQuery(id));
    response.setHeader('ETag', `"${view.streamRevision}"`);
    return view;
  }
}
