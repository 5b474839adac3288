import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import type { EventMetadata } from '@sla/event-sourcing';
import { serviceOwnerSchema } from '@sla/catalogue-domain';
import { CLOCK, RequestMetadata, ZodValidationPipe, type Clock } from '@sla/nest-platform';
import { RegisterServiceCommand } from './register-service/register-service.command';
import { RetireServiceCommand } from './retire-service/retire-service.command';
import { GetServiceQuery, ListServicesQuery } from './get-service/get-service.query';

const instant = z.iso.datetime({ offset: true });

const registerServiceBody = z.strictObject({
  serviceId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes, 2-63 characters'),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5_000).default(''),
  owner: serviceOwnerSchema.extend({ email: z.email().nullable().default(null) }),
  contactPoint: z.string().max(500).nullable().default(null),
  changeRequest: z.string().trim().min(1).max(100).nullable().default(null),
  /** When the registration took effect; defaults to the time of the request. */
  occurredAt: instant.optional(),
});

const retireServiceBody = z.strictObject({
  reason: z.string().trim().min(1).max(2_000),
  changeRequest: z.string().trim().min(1).max(100),
  occurredAt: instant.optional(),
});

const serviceIdParameter = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'not a service id');
const listServicesQuery = z.strictObject({ status: z.enum(['active', 'retired']).optional() });

@Controller('services')
export class ServiceCatalogueController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  async register(
    @Body(new ZodValidationPipe(registerServiceBody)) body: z.infer<typeof registerServiceBody>,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const occurredAt = body.occurredAt ?? this.clock.now().toISOString();
    const accepted = await this.commands.execute(new RegisterServiceCommand({ ...body, occurredAt }, metadata));
    return { serviceId: body.serviceId, ...accepted };
  }

  @Post(':serviceId/retire')
  @HttpCode(200)
  async retire(
    @Param('serviceId', new ZodValidationPipe(serviceIdParameter, 'path')) serviceId: string,
    @Body(new ZodValidationPipe(retireServiceBody)) body: z.infer<typeof retireServiceBody>,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const occurredAt = body.occurredAt ?? this.clock.now().toISOString();
    const accepted = await this.commands.execute(new RetireServiceCommand({ ...body, serviceId, occurredAt }, metadata));
    return { serviceId, ...accepted };
  }

  @Get()
  list(@Query(new ZodValidationPipe(listServicesQuery, 'query')) query: z.infer<typeof listServicesQuery>) {
    return this.queries.execute(new ListServicesQuery(query.status));
  }

  @Get(':serviceId')
  get(@Param('serviceId', new ZodValidationPipe(serviceIdParameter, 'path')) serviceId: string) {
    return this.queries.execute(new GetServiceQuery(serviceId));
  }
}
