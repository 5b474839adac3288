import { z } from 'zod';
import type { ResponseDocumentation, RouteDefinition } from './route';

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    details: z.unknown().optional(),
  }),
});

/** The usual failure answers of a write endpoint. */
export const writeErrors = {
  400: { description: 'invalid request: each offending field and the reason', schema: errorResponseSchema },
  404: { description: 'unknown resource', schema: errorResponseSchema },
  409: {
    description: 'conflict: stale If-Match, concurrent change, or a state that forbids the command',
    schema: errorResponseSchema,
  },
  422: { description: 'a business rule refused the command', schema: errorResponseSchema },
} as const;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

const pascal = (segment: string) =>
  segment
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');

/**
 * camelCase from the verb and the path's literal segments, plus `By<Parameter>` when the path ends in a
 * parameter: `GET /agreements/{agreementId}/history` is `getAgreementsHistory`, `GET /services/{serviceId}`
 * is `getServicesByServiceId`. Derived from what a route already is, so it stays stable while the route does.
 */
export function operationIdOf(route: Pick<RouteDefinition, 'method' | 'path' | 'operationId'>): string {
  if (route.operationId) return route.operationId;
  const segments = route.path.split('/').filter(Boolean);
  const literals = segments.filter((segment) => !segment.startsWith('{')).map(pascal);
  const last = segments.at(-1);
  const byParameter = last?.startsWith('{') ? `By${pascal(last.slice(1, -1))}` : '';
  return `${route.method}${literals.join('')}${byParameter}`;
}

const SECURED = [{ bearerApiKey: [] }, { headerApiKey: [] }, { bearerOidcToken: [] }];

/** Builds an OpenAPI 3.1 document (its base dialect: JSON Schema 2020-12, as zod emits it). */
export function buildOpenApiDocument(
  routes: readonly RouteDefinition[],
  info: { title: string; version: string; description?: string; license?: { name: string } },
  tagDescriptions: Readonly<Record<string, string>> = {},
) {
  const paths: Record<string, Record<string, unknown>> = {};
  const operationIds = new Map<string, string>();
  for (const route of routes) {
    const operationId = operationIdOf(route);
    const taken = operationIds.get(operationId);
    if (taken) {
      throw new Error(
        `operationId ${operationId} of ${route.method} ${route.path} is already ${taken}'s: give one explicitly`,
      );
    }
    operationIds.set(operationId, `${route.method} ${route.path}`);
    const parameters: unknown[] = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (route.query) {
      for (const [name, schema] of Object.entries(route.query.shape)) {
        parameters.push({
          name,
          in: 'query',
          required: !(schema as z.ZodType).safeParse(undefined).success,
          schema: jsonSchema(schema as z.ZodType, 'input'),
        });
      }
    }
    if (route.ifMatch)
      parameters.push({
        name: 'If-Match',
        in: 'header',
        required: false,
        schema: { type: 'string' },
        description: 'the revision last seen, e.g. "3" (from ETag)',
      });
    parameters.push({
      name: 'X-Actor',
      in: 'header',
      required: false,
      schema: { type: 'string' },
      description:
        "who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded",
    });
    const open = route.access.public;
    // Every route is rate limited by source address, a route with access control by principal too.
    const throttled = {
      429: { description: 'too many requests: retry after the seconds in Retry-After', schema: errorResponseSchema },
    };
    const denied = open
      ? // Every request passes the request-shape checks, a public one too (e.g. a query holding U+0000).
        { 400: { description: 'a request that cannot be read: the reason', schema: errorResponseSchema }, ...throttled }
      : {
          ...throttled,
          401: { description: 'no API key, or an unknown one', schema: errorResponseSchema },
          403: {
            description: "the key's role may not call this, or the agreement is not the customer's own",
            schema: errorResponseSchema,
          },
        };
    paths[route.path] ??= {};
    paths[route.path][route.method] = {
      operationId,
      summary: route.summary,
      tags: [route.tag],
      parameters,
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
            },
          }
        : {}),
      security: open ? [] : SECURED,
      responses: Object.fromEntries(
        Object.entries({ ...denied, ...route.responses }).map(([status, response]: [string, ResponseDocumentation]) => {
          const mediaType = response.contentType ?? 'application/json';
          const content = response.schema
            ? { content: { [mediaType]: { schema: jsonSchema(response.schema, 'output') } } }
            : {};
          return [status, { description: response.description, ...content }];
        }),
      ),
    };
  }
  const tags = [...new Set(routes.map((route) => route.tag))]
    .sort()
    .map((name) => ({ name, ...(tagDescriptions[name] ? { description: tagDescriptions[name] } : {}) }));
  return {
    openapi: '3.1.0',
    info,
    // OpenAPI 3.1's own dialect: JSON Schema 2020-12 (what zod emits) plus OpenAPI's keywords, which zod never
    // uses. Naming plain 2020-12 instead made Swagger UI warn that it does not support the dialect.
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    // Relative: the document is served by the API it describes, whatever host and port that is.
    servers: [{ url: '/', description: 'the API serving this document' }],
    tags,
    components: {
      securitySchemes: {
        bearerApiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'an API key (`sla keys create`, or AUTH_API_KEYS_FILE): Authorization: Bearer <key>',
        },
        headerApiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'the same API key in X-Api-Key' },
        // An http bearer scheme, not `openIdConnect`: the provider (OIDC_ISSUER) is the deployment's, while this
        // document is built once from the route definitions.
        bearerOidcToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'an access token (JWT) from the OpenID provider OIDC_ISSUER for the audience OIDC_AUDIENCE: ' +
            'Authorization: Bearer <token>',
        },
      },
    },
    paths,
  };
}

/** A fact type as the event catalogue defines it: its permanent name and the schema of its data. */
type FactTypeSchema = { readonly type: string; readonly schema: z.ZodType };

/**
 * The documented body of a fact endpoint: `{ type, data, …envelope }` as a union discriminated by `type`,
 * each variant with that fact type's own `data` schema, less the id field the path supplies. The handler
 * still validates by the same event schemas, so document and validation cannot drift apart.
 */
export function factBodyDocumentation(
  definitions: readonly FactTypeSchema[],
  options: { readonly pathField: string; readonly defaulted?: readonly string[]; readonly envelope?: z.ZodRawShape },
): z.ZodType {
  const { pathField, defaulted = [], envelope = {} } = options;
  const variants = definitions.map((definition) => {
    const schema = definition.schema;
    let data: z.ZodType = schema;
    if (schema instanceof z.ZodObject) {
      // Rebuilt from the shape (zod refuses omit() beside refinements, which JSON Schema cannot state anyway);
      // fields the handler fills in when absent (e.g. occurredAt = now) are optional in the body.
      const shape = Object.fromEntries(
        Object.entries(schema.shape as Record<string, z.ZodType>)
          .filter(([field]) => field !== pathField)
          .map(([field, fieldSchema]) => [field, defaulted.includes(field) ? fieldSchema.optional() : fieldSchema]),
      );
      const catchall = schema.def.catchall;
      data = catchall ? z.object(shape).catchall(catchall) : z.object(shape);
    }
    return z.strictObject({ ...envelope, type: z.literal(definition.type), data });
  });
  return z.discriminatedUnion('type', variants as unknown as [z.ZodObject, ...z.ZodObject[]]);
}
