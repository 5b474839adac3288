import 'reflect-metadata';
import { z } from 'zod';
import { defineRoute, Endpoint, expressPath, ROUTE_DEFINITION } from './route';

const view = z.object({ serviceId: z.string(), owner: z.object({ name: z.string() }), tags: z.array(z.string()) });
const getService = defineRoute({
  method: 'get',
  path: '/services/{serviceId}',
  tag: 'catalogue',
  summary: 'One service',
  access: { public: false, roles: ['slm'], customerScope: 'none' },
  status: 200,
  responses: { 200: { description: 'the service', schema: view } },
});
/** The same route after someone removed `owner.name`... */
const withoutOwnerName = defineRoute({
  ...getService,
  responses: { 200: { description: 'the service', schema: view.extend({ owner: z.object({}) }) } },
});
/** ...and after someone removed `tags`. */
const withoutTags = defineRoute({
  ...getService,
  responses: { 200: { description: 'the service', schema: view.omit({ tags: true }) } },
});

const service = { serviceId: 'vpn', owner: { name: 'Ops' }, tags: ['network'] };

class Handlers {
  @Endpoint(getService)
  async matching(): Promise<typeof service> {
    return service;
  }

  // @ts-expect-error the handler sends owner.name, which the response schema no longer declares
  @Endpoint(withoutOwnerName)
  async nestedFieldDropped(): Promise<typeof service> {
    return service;
  }

  // @ts-expect-error the handler sends tags, which the response schema no longer declares
  @Endpoint(withoutTags)
  async fieldDropped(): Promise<typeof service> {
    return service;
  }

  // @ts-expect-error the handler no longer sends tags, which the response schema requires
  @Endpoint(getService)
  async fieldMissing(): Promise<{ serviceId: string; owner: { name: string } }> {
    return { serviceId: 'vpn', owner: { name: 'Ops' } };
  }
}

describe('a route defined once', () => {
  it('binds the handler to the Express form of its path, its verb and its status', () => {
    const handler = Handlers.prototype.matching;
    expect(Reflect.getMetadata('path', handler)).toBe('/services/:serviceId');
    expect(Reflect.getMetadata('method', handler)).toBe(0); // RequestMethod.GET
    expect(Reflect.getMetadata('__httpCode__', handler)).toBe(200);
    expect(Reflect.getMetadata(ROUTE_DEFINITION, handler)).toBe(getService);
  });

  it('turns every path parameter into an Express parameter', () => {
    expect(expressPath('/agreements/{agreementId}/versions/{version}/signatures')).toBe(
      '/agreements/:agreementId/versions/:version/signatures',
    );
  });
});
