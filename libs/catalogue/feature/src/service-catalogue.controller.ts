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
  activateService,
  getService,
  listServices,
  registerService,
  retireService,
  reviseService,
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

  @Endpoint(registerService)
  async register(
    @ValidBody(registerService) body: BodyOf<typeof registerService>,
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

  @Endpoint(activateService)
  async activate(
    @ValidParam(activateService, 'serviceId', slugSchema) id: string,
    @ValidBody(activateService) body: BodyOf<typeof activateService>,
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

  @Endpoint(reviseService)
  async revise(
    @ValidParam(reviseService, 'serviceId', slugSchema) id: string,
    @ValidBody(reviseService) body: BodyOf<typeof reviseService>,
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

  @Endpoint(retireService)
  async retire(
    @ValidParam(retireService, 'serviceId', slugSchema) id: string,
    @ValidBody(retireService) body: BodyOf<typeof retireService>,
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

  @Endpoint(listServices)
  list(@ValidQuery(listServices) query: QueryOf<typeof listServices>) {
    return this.queries.execute(
      new ListServicesQuery(
        { status: query.status, calendarId: query.calendarId },
        { limit: query.limit, cursor: query.cursor },
      ),
    );
  }

  @Endpoint(getService)
  async get(
    @ValidParam(getService, 'serviceId', slugSchema) id: string,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ) {
    const view = await this.queries.execute(new GetServiceQuery(id));
    response.setHeader('ETag', `"${view.streamRevision}"`);
    return view;
  }
}
