import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import type { EventMetadata } from '@sla/event-sourcing';
import { serviceDetailChangesSchema, serviceOwnerSchema } from '@sla/catalogue-domain';
import {
  CLOCK,
  RequestMetadata,
  ZodValidationPipe,
  pageQueryShape,
  pageSchema,
  parseIfMatch,
  writeErrors,
  type Clock,
  type RouteDocumentation,
} from '@sla/nest-platform';
import { ChangeServiceCommand } from './change-service/change-service.command';
import { GetServiceQuery, ListServicesQuery } from './get-service/get-service.query';

const instant = z.iso.datetime({ offset: true });
const changeRequest = z.string().trim().min(1).max(100);
const serviceId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes, 2-63 characters');

const registerServiceBody = z.strictObject({
  serviceId,
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5_000).default(''),
  owner: serviceOwnerSchema.extend({ email: z.email().nullable().default(null) }),
  contactPoint: z.string().max(500).nullable().default(null),
  calendarId: z.string().min(1).nullable().default(null),
  exceptions: z.string().max(5_000).default(''),
  securityConsiderations: z.string().max(5_000).default(''),
  /** Catalogue changes go through change control. */
  changeRequest,
  /** When the registration took effect; defaults to the time of the request. */
  occurredAt: instant.optional(),
});

const reviseServiceBody = z.strictObject({
  changes: serviceDetailChangesSchema,
  changeRequest,
  occurredAt: instant.optional(),
});

const activateServiceBody = z.strictObject({ changeRequest, occurredAt: instant.optional() });
const retireServiceBody = z.strictObject({
  reason: z.string().trim().min(1).max(2_000),
  changeRequest,
  occurredAt: instant.optional(),
});
const serviceIdParameter = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'not a service id');
const listServicesQuery = z.strictObject({
  status: z.enum(['proposed', 'active', 'retired']).optional(),
  calendarId: z.string().min(1).max(200).optional(),
  ...pageQueryShape,
});

/** The service catalogue: every change under a change request, every step an event. */
@Controller('services')
export class ServiceCatalogueController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private now(occurredAt: string | undefined) {
    return occurredAt ?? this.clock.now().toISOString();
  }

  @Post()
  async register(
    @Body(new ZodValidationPipe(registerServiceBody)) body: z.infer<typeof registerServiceBody>,
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

  @Post(':serviceId/activation')
  @HttpCode(200)
  async activate(
    @Param('serviceId', new ZodValidationPipe(serviceIdParameter, 'path')) id: string,
    @Body(new ZodValidationPipe(activateServiceBody)) body: z.infer<typeof activateServiceBody>,
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

  @Patch(':serviceId')
  async revise(
    @Param('serviceId', new ZodValidationPipe(serviceIdParameter, 'path')) id: string,
    @Body(new ZodValidationPipe(reviseServiceBody)) body: z.infer<typeof reviseServiceBody>,
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

  @Post(':serviceId/retire')
  @HttpCode(200)
  async retire(
    @Param('serviceId', new ZodValidationPipe(serviceIdParameter, 'path')) id: string,
    @Body(new ZodValidationPipe(retireServiceBody)) body: z.infer<typeof retireServiceBody>,
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

  @Get()
  list(@Query(new ZodValidationPipe(listServicesQuery, 'query')) query: z.infer<typeof listServicesQuery>) {
    return this.queries.execute(
      new ListServicesQuery(
        { status: query.status, calendarId: query.calendarId },
        { limit: query.limit, cursor: query.cursor },
      ),
    );
  }

  @Get(':serviceId')
  async get(
    @Param('serviceId', new ZodValidationPipe(serviceIdParameter, 'path')) id: string,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ) {
    const view = await this.queries.execute(new GetServiceQuery(id));
    response.setHeader('ETag', `"${view.streamRevision}"`);
    return view;
  }
}

const serviceView = z.object({
  serviceId: z.string(),
  name: z.string(),
  description: z.string(),
  owner: z.object({ name: z.string(), email: z.string().nullable() }),
  contactPoint: z.string().nullable(),
  calendarId: z.string().nullable(),
  exceptions: z.string(),
  securityConsiderations: z.string(),
  status: z.enum(['proposed', 'active', 'retired']),
  registeredAt: z.string(),
  retiredAt: z.string().nullable(),
  retirementReason: z.string().nullable(),
  lastChangeRequest: z.string().nullable(),
  streamRevision: z.number(),
});
const accepted = z.object({ serviceId: z.string(), streamRevision: z.string() });

export const serviceCatalogueRoutes: RouteDocumentation[] = [
  {
    method: 'post',
    path: '/services',
    tag: 'catalogue',
    summary: 'Register a service (proposed)',
    body: registerServiceBody,
    responses: { 201: { description: 'registered', schema: accepted }, ...writeErrors },
  },
  {
    method: 'post',
    path: '/services/{serviceId}/activation',
    tag: 'catalogue',
    summary: 'Activate a proposed service',
    body: activateServiceBody,
    ifMatch: true,
    responses: { 200: { description: 'activated', schema: accepted }, ...writeErrors },
  },
  {
    method: 'patch',
    path: '/services/{serviceId}',
    tag: 'catalogue',
    summary: 'Revise service details under a change request',
    body: reviseServiceBody,
    ifMatch: true,
    responses: { 200: { description: 'revised', schema: accepted }, ...writeErrors },
  },
  {
    method: 'post',
    path: '/services/{serviceId}/retire',
    tag: 'catalogue',
    summary: 'Retire a service',
    body: retireServiceBody,
    ifMatch: true,
    responses: { 200: { description: 'retired', schema: accepted }, ...writeErrors },
  },
  {
    method: 'get',
    path: '/services',
    tag: 'catalogue',
    summary: 'List the catalogue by service id, optionally by status or calendar',
    query: listServicesQuery,
    responses: { 200: { description: 'a page of services', schema: pageSchema(serviceView) }, 400: writeErrors[400] },
  },
  {
    method: 'get',
    path: '/services/{serviceId}',
    tag: 'catalogue',
    summary: 'One service (ETag = revision)',
    responses: {
      200: { description: 'the service', schema: serviceView },
      400: writeErrors[400],
      404: writeErrors[404],
    },
  },
];
